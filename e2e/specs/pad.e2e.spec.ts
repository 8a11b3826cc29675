import { expect, test } from '../fixtures/studio';

// One seed and short schedules: the journey checks the warm/cold comparison is produced and
// shown with its protocol; `npm run benchmark:pad` checks the quality target with 3 seeds.
const SHORT = { 'settings.seeds': '1', 'settings.pretrainEpochs': '2', 'settings.alignEpochs': '1', 'settings.finetuneEpochs': '1', 'settings.maxEvalCases': '200' };

test('PAD against SASRec on a cold-item split: warm and cold metrics with protocol and chance, gates table', async ({ studio }) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'PAD (cold items)', SHORT);
  const run = studio.run;
  await run.waitForStatus('done', 170_000);

  const table = await run.resultTable('pad-vs-sasrec');
  expect(table.length).toBeGreaterThan(0);
  for (const segment of ['warm', 'cold']) {
    for (const variant of ['PAD', 'SASRec']) {
      await expect(studio.page.locator(`[data-testid="metric-row"][data-variant="${variant}"][data-segment="${segment}"]`).first()).toBeVisible();
    }
  }
  await expect(studio.page.getByTestId('metric-protocol').first()).toContainText('cold-item');
  await expect(studio.page.getByTestId('metric-chance').first()).not.toHaveText('—');
  await expect(studio.page.locator('[data-testid="result-table"][data-table-id="pad-gates"]')).toBeVisible();
});
