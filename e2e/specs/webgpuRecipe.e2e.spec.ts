import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { e2eTarget, expect, test } from '../fixtures/studio';

// RecCocktail in the window's WebGPU worker (forced: SwiftShader is slower than wasm). The engine
// is the real one in the module Web Worker; every file the recipe writes — the scratch model, the
// adapters, the playground state — goes through the host's confined, chunked, atomic file calls.
test.use({ hostEnv: { RECFORGE_COMPUTE: 'window' } });

// Much smaller than the quick-demo preset: SwiftShader compiles a shader for every new op and
// shape, and evaluation (prompts of many lengths) dominates — with 6 cases per set, 4 negatives
// and a λ search the run took over 5 minutes here; with these, about 1.5 minutes on 2 cores.
const TINY = {
  'settings.vocabSize': '300', 'settings.hidden': '32', 'settings.layers': '1', 'settings.batchSize': '4', 'settings.maxLen': '48',
  'settings.pretrainSteps': '6', 'settings.baseSteps': '4', 'settings.ingredientSteps': '4', 'settings.negatives': '1',
  'settings.maxEvalCases': '2', 'settings.entropyPrompts': '1', 'settings.lambdaStep': '0.5', 'settings.lambdaSteps': '0',
  'settings.windowsPerUser': '1', 'settings.loraRank': '4', 'settings.generationCases': '0',
};

test('RecCocktail runs in the window on WebGPU to metrics and an exported PEFT adapter the host wrote', async ({ studio, workspaceDir }) => {
  test.skip(e2eTarget === 'electron', 'the Electron binary here has no WebGPU adapter (no GPU and no SwiftShader flags)');
  await studio.waitForBackend();
  await expect(studio.compute).toHaveAttribute('data-target', 'window', { timeout: 90_000 });

  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'RecCocktail (LoRA merge)', TINY);
  const run = studio.run;
  const runId = await run.runId();
  await run.waitForStatus('done', 175_000);

  for (const segment of ['warm', 'cold']) await expect(studio.page.locator(`[data-testid="metric-row"][data-variant="merged"][data-segment="${segment}"]`).first()).toBeVisible();
  // The host wrote the window's adapter atomically, each file with its checksum sidecar.
  const merged = join(workspaceDir, 'runs', runId, 'artifacts', 'merged');
  expect((await readdir(merged)).sort()).toEqual(['adapter_config.json', 'adapter_config.json.sha256', 'adapter_model.safetensors', 'adapter_model.safetensors.sha256']);

  // Exported and downloaded as PEFT files; the exact merge stacks both rank-4 adapters (r 8).
  const card = run.artifact('artifacts/merged');
  await card.getByTestId('artifact-export').click();
  const download = studio.page.waitForEvent('download');
  await card.getByTestId('export-file').getByText('adapter_config.json', { exact: true }).click();
  const config = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8')) as { peft_type?: string; r?: number };
  expect(config).toMatchObject({ peft_type: 'LORA', r: 8 });
});
