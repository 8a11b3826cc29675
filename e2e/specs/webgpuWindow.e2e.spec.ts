import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { e2eTarget, expect, test } from '../fixtures/studio';

// The window path is forced: SwiftShader's software WebGPU is correct but slower than wasm, so the
// routing rule alone keeps SASRec on the Node worker here. The engine is the real one, in the
// window's module Web Worker; the host only relays and writes the checkpoints.
test.use({ hostEnv: { RECFORGE_COMPUTE: 'window' } });

// A tiny SASRec on the demo dataset (600 users, batch 128): 1 epoch = 5 steps, then sampled
// evaluation only; SwiftShader compiles every shader on first use, so each new op costs seconds.
const TINY = { 'modelConfig.hidden': '16', 'modelConfig.blocks': '1', 'modelConfig.maxLen': '20', 'train.epochs': '1', 'eval.negatives': '20', 'eval.fullRanking': 'false' };

test('SASRec trains in the window on WebGPU: loss points, the status bar names it, a checkpoint lands in the run folder, metrics arrive', async ({ studio, workspaceDir }) => {
  test.skip(e2eTarget === 'electron', 'the Electron binary here has no WebGPU adapter (no GPU and no SwiftShader flags)');
  await studio.waitForBackend();
  await expect(studio.compute).toContainText(/training on WebGPU \(window, .*\)/, { timeout: 90_000 });
  await expect(studio.compute).toHaveAttribute('data-target', 'window');

  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'SASRec', TINY);
  const run = studio.run;
  await expect.poll(() => run.lossPoints(), { timeout: 120_000 }).toBeGreaterThan(1);
  await run.waitForStatus('done', 170_000);

  const checkpoint = join(workspaceDir, 'runs', await run.runId(), 'checkpoints', 'last.safetensors');
  expect((await stat(checkpoint)).size).toBeGreaterThan(1000);
  expect((await stat(`${checkpoint}.sha256`)).size).toBeGreaterThan(64);
  expect(await run.lossPoints()).toBe(5);
  const hr = await run.metricValue('HR', 10, 'sampled');
  expect(hr).toBeGreaterThan(0);
  expect(hr).toBeLessThanOrEqual(1);
  await expect(run.metric('HR', 10, 'full')).toHaveCount(0);
});
