import { readFile, writeFile } from 'node:fs/promises';
import { ChartCanvas } from '../pages/ChartCanvas';
import { ComparePage } from '../pages/ComparePage';
import { expect, test } from '../fixtures/studio';

/** A loss curve as another tool would log it: step,loss,lr. */
function trainingLog(points: number, seed: number): string {
  const lines = ['step,loss,lr'];
  let noise = seed;
  for (let step = 1; step <= points; step++) {
    noise = (noise * 1103515245 + 12345) % 2147483648;
    lines.push(`${step},${(2 / Math.sqrt(step) + 0.05 * (noise / 2147483648)).toFixed(6)},0.001`);
  }
  return `${lines.join('\n')}\n`;
}

test('compare a trained run with an imported reference log on one chart', async ({ studio }, testInfo) => {
  await studio.waitForBackend();
  const pipeline = testInfo.outputPath('one-epoch.pipeline.json');
  await writeFile(pipeline, JSON.stringify({ format: 'recforge-pipeline', version: 1, name: 'one epoch', dataset: { kind: 'demo' }, run: { model: 'sasrec', train: { epochs: 1 }, eval: { negatives: 20, fullRanking: false } } }));
  const runs = await studio.gotoRuns();
  await runs.runPipelineFile(pipeline);
  await studio.run.waitForStatus('done', 120_000);
  const trainedId = await studio.run.runId();
  // Notes and tags are saved with the run and shown (and filterable) in the run list.
  await studio.page.getByTestId('run-notes-text').fill('first try on the demo');
  await studio.page.getByTestId('run-tags').fill('baseline, demo');
  await studio.page.getByTestId('run-notes-save').click();
  await expect(studio.page.getByTestId('run-notes-save')).toBeDisabled();
  // The run report is one self-contained HTML file with the metrics, their protocol and the charts.
  await studio.page.getByTestId('run-report').click();
  const reportDownload = studio.page.waitForEvent('download');
  await studio.page.locator('[data-testid="export-file"]', { hasText: 'report.html' }).click();
  const report = await readFile(await (await reportDownload).path(), 'utf8');
  expect(report).toContain('Training loss');
  expect(report).toMatch(/HR@10<\/td><td>0\.\d{4}/);
  expect(report).toContain('first try on the demo');

  const log = testInfo.outputPath('pytorch-reference.csv');
  await writeFile(log, trainingLog(300, 1));
  await studio.gotoRuns();
  await expect(studio.page.locator(`[data-testid="run-item"][data-run-id="${trainedId}"] [data-testid="run-tag"]`)).toHaveText(['baseline', 'demo']);
  await runs.importLog(log);
  await expect(studio.page.getByTestId('metrics-empty')).toContainText('No metrics'); // a log has none: said, not an empty table
  await studio.gotoRuns();
  await expect(runs.item('pytorch-reference.csv')).toHaveCount(1);
  const logId = (await runs.item('pytorch-reference.csv').getAttribute('data-run-id')) ?? '';

  await runs.compare([trainedId, logId]);
  const compare = new ComparePage(studio.page);
  await expect(compare.root).toBeVisible();
  await expect.poll(async () => (await compare.lossSeries()).series).toBe(2);
  await expect.poll(async () => (await compare.lossSeries()).points).toBeGreaterThan(300);
  await expect(studio.page.getByTestId('compare-metrics')).toBeVisible();
});

test('a one-million-point loss series renders and pans with frames under 50 ms', async ({ studio }, testInfo) => {
  test.setTimeout(240_000);
  await studio.waitForBackend();
  const log = testInfo.outputPath('million.csv');
  await writeFile(log, trainingLog(1_000_000, 7));
  const runs = await studio.gotoRuns();
  await runs.importLog(log, 120_000);
  await expect(studio.run.lossChart).toHaveAttribute('data-points', '1000000', { timeout: 60_000 });

  const chart = new ChartCanvas(studio.page, studio.run.lossChart);
  await expect(chart.canvas).toHaveAttribute('data-view-x1', '1000000');
  await chart.clearFrames();
  await chart.zoom(-300, 6);
  const zoomed = await chart.view();
  expect(zoomed.x1 - zoomed.x0).toBeLessThan(999_999);
  await chart.pan(200, 12);
  await chart.pan(-400, 12);
  expect((await chart.view()).x0).not.toBe(zoomed.x0);
  await chart.zoom(300, 6);
  const frames = await chart.frameTimes();
  console.log(`1M-point chart: ${frames.length} frames, max ${Math.max(...frames).toFixed(1)} ms, mean ${(frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(1)} ms`);
  expect(frames.length).toBeGreaterThanOrEqual(30);
  expect(Math.max(...frames)).toBeLessThan(50);
});
