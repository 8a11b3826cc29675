import { expect, test } from '../fixtures/studio';
import { ml100kFiles } from '../fixtures/data';

test('import ml-100k by drop, cancel one SASRec run, finish another and read its metrics', async ({ studio }) => {
  await studio.waitForBackend();
  const datasets = await studio.gotoDatasets();
  await datasets.drop(ml100kFiles());
  await datasets.importAs('ml-100k');
  await expect(datasets.row('ml-100k')).toBeVisible({ timeout: 60_000 });
  expect(await datasets.count('ml-100k', 'users')).toBe(943);
  expect(await datasets.count('ml-100k', 'interactions')).toBeGreaterThan(90_000);

  // A multi-domain recipe on this one-domain dataset is flagged before Start; SASRec is not.
  const runs = await studio.gotoRuns();
  await expect(await runs.choose('ml-100k', 'CPRec (continual pre-training)')).toContainText('at least 2 domains');
  await expect(await runs.choose('ml-100k', 'SASRec')).toBeHidden();

  // First run: watch the loss chart grow while it trains, then cancel it.
  await runs.start({ datasetName: 'ml-100k', epochs: 2 });
  const run = studio.run;
  await run.waitForStatus('running', 60_000);
  await expect.poll(() => run.lossPoints(), { timeout: 60_000 }).toBeGreaterThan(1);
  const first = await run.lossPoints();
  await expect.poll(() => run.lossPoints(), { timeout: 30_000 }).toBeGreaterThan(first);
  await expect(run.lossChart.getByTestId('line-canvas')).toBeVisible();
  await run.cancelButton.click();
  await run.waitForStatus('cancelled', 15_000);
  // The worker really stopped (cancel is checked after every batch): no point arrives afterwards.
  // How fast that happens is a benchmark matter, not a test's (a loaded machine took 1.7 s).
  const atCancel = await run.lossPoints();
  await studio.page.waitForTimeout(1_500);
  expect(await run.lossPoints()).toBe(atCancel);
  // Before Resume the page says how far the run got and what Resume trains again; the list says it too.
  const cancelledId = await run.runId();
  await expect(studio.page.getByTestId('resume-note')).toContainText(/^Stopped at step [\d,]+ of [\d,]+, epoch [12] of 2\. Resume continues exactly from the last checkpoint, written at the end of every epoch/);

  // Second run: let it finish and read the evaluation with its protocol.
  await studio.gotoRuns();
  await expect(studio.page.locator(`[data-testid="run-item"][data-run-id="${cancelledId}"] [data-testid="run-item-scale"]`)).toContainText(/2 epochs · stopped at step [\d,]+ of [\d,]+, epoch [12] of 2$/);
  await runs.start({ datasetName: 'ml-100k', epochs: 2 });
  await run.waitForStatus('done', 150_000);
  await expect(studio.page.getByTestId('resume-note')).toHaveCount(0); // a finished run has nothing to resume
  const hr = await run.metricValue('HR', 10, 'sampled');
  const ndcg = await run.metricValue('NDCG', 10, 'sampled');
  expect(hr).toBeGreaterThan(0.1); // chance level for 1 + 100 is 10/101 ≈ 0.099 at HR@10
  expect(ndcg).toBeGreaterThan(0);
  expect(ndcg).toBeLessThanOrEqual(hr);
  await expect(run.metricsTable.getByTestId('metric-protocol').first()).toContainText('100');
  await expect(run.metricsTable).toContainText(/seed/i);
  await expect(run.metric('HR', 10, 'full')).toBeVisible();
});
