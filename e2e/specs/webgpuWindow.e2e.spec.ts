import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { e2eTarget, expect, test } from '../fixtures/studio';

// The window path is forced: SwiftShader's software WebGPU is correct but slower than wasm, so the
// routing rule alone keeps SASRec on the Node worker here. The engine is the real one, in the
// window's module Web Worker; the host only relays and writes the checkpoints.
test.use({ hostEnv: { RECFORGE_COMPUTE: 'window' } });

// A tiny SASRec on the demo dataset (600 users, batch 128): 2 epochs = 10 steps, then sampled
// evaluation only; SwiftShader compiles every shader on first use, so each new op costs seconds.
const TINY = { 'modelConfig.hidden': '16', 'modelConfig.blocks': '1', 'modelConfig.maxLen': '20', 'train.epochs': '2', 'eval.negatives': '20', 'eval.fullRanking': 'false' };

async function size(file: string): Promise<number> {
  return (await stat(file).catch(() => null))?.size ?? 0;
}

test('SASRec trains in the window on WebGPU, survives a window reload by resuming from its checkpoint, and finishes with metrics', async ({ studio, page, workspaceDir }) => {
  test.skip(e2eTarget === 'electron', 'the Electron binary here has no WebGPU adapter (no GPU and no SwiftShader flags)');
  await studio.waitForBackend();
  await expect(studio.compute).toContainText(/training on WebGPU \(window, .*\)/, { timeout: 90_000 });
  await expect(studio.compute).toHaveAttribute('data-target', 'window');

  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'SASRec', TINY);
  const run = studio.run;
  const runId = await run.runId();
  await expect.poll(() => run.lossPoints(), { timeout: 120_000 }).toBeGreaterThan(1);

  // Epoch 1's checkpoint, written by the host for the window, atomically with its checksum.
  const checkpoint = join(workspaceDir, 'runs', runId, 'checkpoints', 'last.safetensors');
  await expect.poll(() => size(`${checkpoint}.sha256`), { timeout: 120_000 }).toBeGreaterThan(64);
  expect(await size(checkpoint)).toBeGreaterThan(1000);

  // Reloading the window kills its worker mid-run: the run is interrupted, like a worker crash.
  await page.reload();
  await expect(studio.compute).toHaveAttribute('data-target', 'window', { timeout: 90_000 });
  await (await studio.gotoRuns()).open(runId);
  await run.resumeInterrupted();
  await run.waitForStatus('done', 170_000);

  expect(await run.lossPoints()).toBe(10); // epoch 2 continued from the checkpoint: one series, no repeats
  const hr = await run.metricValue('HR', 10, 'sampled');
  expect(hr).toBeGreaterThan(0);
  expect(hr).toBeLessThanOrEqual(1);
  await expect(run.metric('HR', 10, 'full')).toHaveCount(0);
});
