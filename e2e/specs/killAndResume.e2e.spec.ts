import { expect, test } from '../fixtures/studio';
import { startHost } from '../fixtures/webHost';

test.skip(process.env.RECFORGE_E2E_TARGET === 'electron', 'kills and restarts the web host process');

test('kill the host during a run, restart, resume from the checkpoint and finish intact', async ({ studio, host, page, workspaceDir }) => {
  await studio.waitForBackend();
  const runs = await studio.gotoRuns();
  const [demo] = await page.getByTestId('run-dataset').locator('option').allTextContents();
  await runs.start({ datasetName: demo ?? '', epochs: 5 });
  const run = studio.run;
  const runId = await run.runId();
  await run.waitForStatus('running', 30_000);
  // Past 60 % of 5 epochs, at least two epoch checkpoints are on disk.
  await expect.poll(async () => Number(await run.progress.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThan(60);

  host?.process.kill('SIGKILL');
  const restarted = await startHost(workspaceDir, ['--no-demo']);
  try {
    await studio.open(restarted.url);
    await studio.waitForBackend();
    // The studio offers the interrupted run for resume as soon as it opens.
    await expect(page.getByTestId('interrupted-runs')).toContainText('interrupted');
    await (await studio.gotoRuns()).open(runId);
    await run.resumeInterrupted();
    await run.waitForStatus('done', 150_000);
    expect(await run.metricValue('HR', 10, 'sampled')).toBeGreaterThan(0.1);
    await expect(run.progress).toHaveAttribute('aria-valuenow', '100');
  } finally {
    await restarted.stop();
  }
});
