import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/studio';

// A model small enough to pretrain on the demo workspace in well under a minute on 2 cores.
const TINY = {
  'settings.steps': '24', 'settings.layers': '1', 'settings.hidden': '32', 'settings.intermediate': '64',
  'settings.heads': '4', 'settings.kvHeads': '2', 'settings.vocabSize': '400', 'settings.maxLen': '64',
  'settings.batchSize': '4', 'settings.checkpointEvery': '8',
};

test('pretrain a language model from scratch on the demo workspace, watch its WSA phases, try it, export and download it, use it as a model', async ({ studio }) => {
  await studio.waitForBackend();
  const datasets = await studio.gotoDatasets();
  const [demo] = await datasets.names();
  const runs = await studio.gotoRuns();
  // Settings that only fail together are refused by the host: every problem is shown beside Start, on its field.
  await runs.startRecipe(demo ?? '', 'LM pretraining (from scratch)', { ...TINY, 'settings.heads': '3', 'settings.kvHeads': '3', 'settings.stableFraction': '0.95' });
  await expect(runs.formErrors()).toBeInViewport();
  await expect(runs.formErrors()).toContainText('must be a multiple of heads (3)');
  await expect(runs.formErrors()).toContainText('warm-up + stable shares must not exceed 1');
  await expect(runs.field('settings.hidden')).toHaveAttribute('aria-invalid', 'true');
  await runs.startRecipe(demo ?? '', 'LM pretraining (from scratch)', { ...TINY, 'settings.stableFraction': '0.6' });
  const run = studio.run;
  await expect(run.root).toBeVisible();
  await run.waitForStatus('done', 150_000);

  expect(await run.lossPoints()).toBe(24);
  const markers = await run.lossMarkers();
  expect(markers[0]).toBe('pretrain');
  expect(markers.slice(1).map((m) => m.split(' ')[0])).toEqual(['warmup', 'stable', 'anneal']);
  await expect(studio.page.getByTestId('metric-protocol').first()).toContainText('held-out-text');
  const loss = studio.page.locator('[data-testid="metric-row"][data-name="loss"] [data-testid="metric-value"]');
  expect(Number(await loss.getAttribute('data-value'))).toBeGreaterThan(0);

  await studio.page.getByTestId('try-prompt').fill('Describe a movie:');
  await studio.page.getByTestId('try-generate').click();
  await expect(studio.page.getByTestId('try-output')).toHaveAttribute('data-tokens', /^[1-9]\d*$/);

  const model = run.artifact('artifacts/model');
  await expect(model).toContainText('Hugging Face model');
  await model.getByTestId('artifact-export').click();
  await expect(model.getByTestId('export-file').first()).toBeVisible();
  expect(await model.getByTestId('export-file').allTextContents()).toEqual(expect.arrayContaining(['config.json', 'model.safetensors', 'tokenizer.json']));
  const download = studio.page.waitForEvent('download');
  await model.getByTestId('export-file').getByText('config.json', { exact: true }).click();
  const config = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8')) as { hidden_size?: number };
  expect(config.hidden_size).toBe(32);

  await model.getByTestId('artifact-register').click();
  await expect(model.getByTestId('artifact-registered')).toBeVisible();
  await studio.page.getByTestId('nav-models').click();
  await expect(studio.page.locator('[data-testid="model-row"][data-model-name^="Pretrained decoder"]')).toBeVisible();
});
