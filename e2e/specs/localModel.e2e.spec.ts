import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTinyHfModel } from '../fixtures/hfModel';
import { expect, test } from '../fixtures/studio';

test('pointing the studio at a local HF folder shows its config and size; a missing file is named', async ({ studio }, testInfo) => {
  const folder = await writeTinyHfModel(testInfo.outputPath('tiny-qwen2'));
  const page = studio.page;
  await page.getByTestId('nav-models').click();
  await page.getByTestId('model-path').fill(folder);
  await page.getByTestId('model-inspect').click();
  await expect(page.getByTestId('model-architecture')).toHaveText('qwen2');
  await expect(page.getByTestId('model-info')).toHaveAttribute('data-parameters', /^[1-9]\d+$/);
  await expect(page.getByTestId('model-fits')).toContainText('✓');
  await page.getByTestId('model-name').fill('tiny qwen2');
  await page.getByTestId('model-register').click();
  await expect(page.locator('[data-testid="model-row"][data-model-name="tiny qwen2"]')).toBeVisible();

  await rm(join(folder, 'model.safetensors'));
  await page.getByTestId('model-inspect').click();
  await expect(page.getByTestId('model-error')).toContainText('model.safetensors');
});
