import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/studio';

// The quick-demo preset: a tiny from-scratch LM runs the whole recipe on the demo in well under a
// minute; `npm run benchmark:reccocktail` checks the quality targets at the default size.
test('fresh workspace → RecCocktail demo preset → exported adapter; the playground: move λ and see the metrics follow, Auto λ, export the merge and load it back with equal scores', async ({ studio }) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  // The instruction template is edited with a live example of the dataset, mistakes located.
  const page = studio.page;
  await page.getByTestId('run-dataset').selectOption({ label: demo ?? '' });
  await page.getByTestId('run-recipe').selectOption({ label: 'RecCocktail (LoRA merge)' });
  await expect(page.getByTestId('instruction-preview-prompt')).toContainText(/^History:\n1\. /);
  await page.getByTestId('field-settings.template').fill('Seen:\n{history}\nPick one of {count}:\n{candidates}\nAnswer:');
  await expect(page.getByTestId('instruction-preview-prompt')).toContainText('Pick one of 30:');
  await expect(page.getByTestId('instruction-preview-prompt')).toContainText((await page.getByTestId('instruction-preview-answer').textContent()) ?? '-');
  await page.getByTestId('field-settings.template').fill('Seen: {histroy}');
  await expect(page.getByTestId('instruction-errors')).toBeVisible();
  await runs.startPreset(demo ?? '', 'RecCocktail (LoRA merge)', 'Quick demo (tiny LM, ~30 s)');
  const run = studio.run;
  await run.waitForStatus('done', 170_000);
  // Its three trainings (catalog pre-training, base spirit, ingredient) are in the workspace's stage cache.
  await expect(studio.trainCache).toContainText('3 stages');

  // Variants side by side, warm and cold, every number with protocol and chance.
  const variants = await run.resultTable('reccocktail-variants');
  expect(variants.map((r) => r[0])).toEqual(expect.arrayContaining(['base', 'ingredient', 'average', 'grid', 'merged']));
  for (const segment of ['warm', 'cold']) await expect(studio.page.locator(`[data-testid="metric-row"][data-variant="merged"][data-segment="${segment}"]`).first()).toBeVisible();
  await expect(studio.page.getByTestId('metric-chance').first()).toHaveText('0.2000');
  expect(await run.lossMarkers()).toEqual(expect.arrayContaining(['base spirit', 'ingredient']));
  // Generating the title: free (valid ratio) and among the candidates, per variant.
  expect((await run.resultTable('reccocktail-generation')).map((r) => r[0])).toEqual(['base', 'ingredient', 'merged']);

  // The run's cocktail adapter, exported and downloaded as PEFT files.
  const merged = run.artifact('artifacts/merged');
  await merged.getByTestId('artifact-export').click();
  await expect(merged.getByTestId('export-file').first()).toBeVisible();
  const download = studio.page.waitForEvent('download');
  await merged.getByTestId('export-file').getByText('adapter_config.json', { exact: true }).click();
  const config = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8')) as { peft_type?: string; r?: number };
  expect(config.peft_type).toBe('LORA');
  expect(config.r).toBe(16); // the exact merge concatenates both rank-8 adapters

  const pg = studio.playground;
  await expect(pg.root).toBeVisible();
  await expect(pg.root.getByTestId('lambda-curve')).toHaveAttribute('data-points', '5');
  await pg.setLambda(0.3);
  const at03 = await pg.metricValues();
  await pg.setLambda(0.85);
  expect(await pg.metricValues()).toHaveLength(at03.length);

  // Auto λ cancelled at once: the search stops and λ stays where the slider put it.
  expect(await pg.cancelAutoLambda()).toMatch(/Auto λ cancelled; λ unchanged/);
  await expect(pg.metrics).toHaveAttribute('data-lambda', '0.85');
  // Before Auto λ the panel shows the run's own choices: entropy λ by gradient from the entropy grid's minimum.
  expect(await pg.lambdaMethods()).toEqual(['gradient', 'gradient']);
  // Auto λ: one entropy-guided λ per scenario (grid, then gradient steps), equal to the ones the run chose (its 'lambda' metrics).
  const auto = await pg.autoLambda();
  // Its progress bar counted the quick preset's steps: a 0.25 grid (5 λs), then the gradient search's start and 30 updates, per scenario.
  const total = 2 * 5 + 2 * 31;
  expect(auto.steps.length).toBeGreaterThan(0);
  expect(auto.steps.every((s, i) => s.total === total && s.done >= (auto.steps[i - 1]?.done ?? 0))).toBe(true);
  const chosen = (segment: string): Promise<string | null> => studio.page.locator(`[data-testid="metrics-table"] [data-testid="metric-row"][data-name="lambda"][data-variant="merged"][data-segment="${segment}"] [data-testid="metric-value"]`).first().getAttribute('data-value');
  expect(String(auto.warm)).toBe(await chosen('warm'));
  expect(String(auto.cold)).toBe(await chosen('cold'));
  await expect(pg.lambdas).toContainText('validation grid-best λ');
  await expect(pg.root.getByTestId('playground-lambda-summary')).toContainText(/entropy \d\.\d{3} → \d\.\d{3} in 30 steps/);
  await expect(pg.metrics).toHaveAttribute('data-lambda', String(auto.warm), { timeout: 60_000 });
  const atAuto = await pg.metricValues();

  const path = await pg.exportMerged('adapter');
  expect(path).toMatch(/^artifacts\/exports\/cocktail-adapter-lambda-/);
  await expect(pg.root.getByTestId('export-file').first()).toBeVisible();
  expect(await pg.root.getByTestId('export-file').allTextContents()).toEqual(expect.arrayContaining(['adapter_config.json', 'adapter_model.safetensors']));
  expect(await pg.reloadValues()).toEqual(atAuto);
  await expect(run.artifact(path)).toBeVisible();

  // The stage cache can be emptied from the status bar.
  await studio.clearTrainCache();
  await expect(studio.trainCache).toBeHidden();
});
