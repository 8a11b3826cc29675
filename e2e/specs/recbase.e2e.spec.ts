import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/studio';

// Short schedules: the journey checks the side-by-side tokenizers, the AUCs with their protocol
// and the exports; `npm run bench -- recbase` checks the quality targets with the defaults.
const SHORT = { 'settings.quantiserSteps': '40', 'settings.lmSteps': '40', 'settings.fineTuneSteps': '10', 'settings.maxCases': '60' };

test('RecBase shows CL-VAE next to RQ-VAE, zero-shot AUCs with protocol, and exports the semantic IDs', async ({ studio }) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'RecBase', SHORT);
  const run = studio.run;
  await run.waitForStatus('done', 170_000);

  const table = await run.resultTable('tokenizers');
  expect(table.map((r) => r[0])).toEqual(['CL-VAE', 'RQ-VAE']);
  expect(await run.lossMarkers()).toEqual(expect.arrayContaining(['CL-VAE', 'RQ-VAE']));
  for (const variant of ['zero-shot', 'fine-tuned', 'popularity']) {
    await expect(studio.page.locator(`[data-testid="metric-row"][data-name="AUC"][data-variant="${variant}"]`)).toBeVisible();
  }
  await expect(studio.page.getByTestId('metric-protocol').first()).toContainText('held-out-domain');

  const ids = run.artifact('artifacts/semantic-ids.jsonl');
  await ids.getByTestId('artifact-export').click();
  const download = studio.page.waitForEvent('download');
  await ids.getByTestId('export-file').getByText('semantic-ids.jsonl', { exact: true }).click();
  const lines = (await readFile((await (await download).path()) ?? '', 'utf8')).trim().split('\n');
  const first = JSON.parse(lines[0] ?? '{}') as { item?: string; codes?: number[] };
  expect(lines.length).toBeGreaterThan(100);
  expect(first.item).toBeTruthy();
  expect(first.codes?.length).toBeGreaterThanOrEqual(3);
  await expect(run.artifact('artifacts/codebooks.safetensors')).toBeVisible();
  await expect(run.artifact('artifacts/text-encoder.safetensors')).toBeVisible();
});
