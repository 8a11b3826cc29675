import { readFile } from 'node:fs/promises';
import { shopLogCsv } from '../fixtures/data';
import { expect, test } from '../fixtures/studio';

test('drop a CSV, map its columns, import, profile, split, export Parquet and import it back with identical counts', async ({ studio }, testInfo) => {
  const datasets = await studio.gotoDatasets();
  await datasets.drop([shopLogCsv()]);
  // The wizard suggests a role for 'category' (genres or domain); the user keeps it as plain item text instead.
  await datasets.mapColumns({ user: 'visitor_id', item: 'product_id', timestamp: 'ts', rating: 'stars', title: 'product_title', genres: '', domain: '' }, ['category']);
  await expect(studio.page.locator('[data-testid="preview-column"][data-column="ts"]')).toContainText('Timestamp');
  await datasets.importAs('shop');
  await expect(studio.page.getByTestId('import-report')).toHaveAttribute('data-skipped', '0');
  expect(await datasets.count('shop', 'users')).toBe(60);
  expect(await datasets.count('shop', 'interactions')).toBe(480);

  const profile = await datasets.openProfile('shop');
  await expect(profile.getByTestId('profile-history')).toHaveAttribute('data-bars', /[1-9]/);
  await expect(profile.getByTestId('profile-time')).toHaveAttribute('data-bars', /[1-9]/);
  await expect(profile.getByTestId('profile-long-tail')).toHaveAttribute('data-points', /[1-9]/);
  // Item text: the imported 'category' field is usable; a typo is caught with its position; the template saves.
  const template = studio.page.getByTestId('item-text-template');
  await template.fill('{title} in {categry}');
  await expect(studio.page.getByTestId('item-text-errors')).toContainText('categry');
  await template.fill('{title} in {category}');
  await expect(studio.page.getByTestId('item-text-samples').locator('li').first()).toContainText(/Product \d+, size \d in cat\d/);
  await studio.page.getByTestId('item-text-save').click();
  await expect(studio.page.getByTestId('item-text-save')).toBeDisabled();
  const split = await datasets.split('shop', 'leave-one-out');
  await expect(split).toHaveAttribute('data-test-cases', '60');
  // A split can go again; the host forgets it too (a reload lists none).
  await datasets.split('shop', 'temporal-ratio');
  await datasets.removeSplits('shop', 'temporal-ratio');
  await studio.page.reload();
  await studio.gotoDatasets();
  await datasets.openProfile('shop');
  await expect(datasets.row('shop').locator('[data-testid="split-row"]')).toHaveCount(1);
  await expect(datasets.row('shop').locator('[data-testid="split-row"][data-kind="leave-one-out"]')).toHaveCount(1);

  const parquet = await datasets.exportParquet('shop', testInfo.outputPath('interactions.parquet'));
  await datasets.drop([{ name: 'interactions.parquet', bytes: await readFile(parquet) }]);
  await datasets.mapColumns({ user: 'user_id', item: 'item_id', timestamp: 'timestamp' });
  await datasets.importAs('shop again');
  await expect(studio.page.getByTestId('import-report')).toContainText('shop again');
  for (const field of ['users', 'items', 'interactions'] as const) {
    expect(await datasets.count('shop again', field)).toBe(await datasets.count('shop', field));
  }

  // The shop log and the demo become the domains of one corpus; users stay apart (no shared ids).
  await studio.page.getByTestId('combine-datasets').locator('summary').click();
  await studio.page.locator('[data-testid="combine-pick"][data-dataset-name="shop"]').check();
  await studio.page.locator('[data-testid="combine-pick"][data-dataset-name^="Demo"]').check();
  await studio.page.getByTestId('combine-name').fill('shop + demo');
  await studio.page.getByTestId('combine-submit').click();
  await expect(datasets.row('shop + demo').getByTestId('dataset-domains')).toContainText('shop');
  expect(await datasets.count('shop + demo', 'interactions')).toBe(480 + (await datasets.count((await datasets.names()).find((n) => n.startsWith('Demo')) ?? '', 'interactions')));
});
