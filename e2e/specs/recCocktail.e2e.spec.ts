import { expect, test } from '../fixtures/studio';

// A from-scratch LM small enough to run the whole recipe on the demo in well under a minute;
// `npm run benchmark:reccocktail` checks the quality targets at the default size.
const TINY = {
  'settings.vocabSize': '300', 'settings.hidden': '32', 'settings.layers': '1', 'settings.pretrainSteps': '20',
  'settings.baseSteps': '20', 'settings.ingredientSteps': '20', 'settings.batchSize': '4', 'settings.maxLen': '48',
  'settings.negatives': '4', 'settings.maxEvalCases': '20', 'settings.entropyPrompts': '20', 'settings.lambdaStep': '0.25',
  'settings.windowsPerUser': '2',
};

test('RecCocktail: run on the demo, move λ and see the metrics follow, Auto λ, export the merge and load it back with equal scores', async ({ studio }) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'RecCocktail (LoRA merge)', TINY);
  const run = studio.run;
  await run.waitForStatus('done', 170_000);

  // Variants side by side, warm and cold, every number with protocol and chance.
  const variants = await run.resultTable('reccocktail-variants');
  expect(variants.map((r) => r[0])).toEqual(expect.arrayContaining(['base', 'ingredient', 'average', 'grid', 'merged']));
  for (const segment of ['warm', 'cold']) await expect(studio.page.locator(`[data-testid="metric-row"][data-variant="merged"][data-segment="${segment}"]`).first()).toBeVisible();
  await expect(studio.page.getByTestId('metric-chance').first()).toHaveText('0.2000');
  expect(await run.lossMarkers()).toEqual(expect.arrayContaining(['base spirit', 'ingredient']));

  const pg = studio.playground;
  await expect(pg.root).toBeVisible();
  await expect(pg.root.getByTestId('lambda-curve')).toHaveAttribute('data-points', '5');
  await pg.setLambda(0.3);
  const at03 = await pg.metricValues();
  await pg.setLambda(0.85);
  expect(await pg.metricValues()).toHaveLength(at03.length);

  const auto = await pg.autoLambda();
  expect(auto).toBeGreaterThanOrEqual(0);
  expect(auto).toBeLessThanOrEqual(1);
  await expect(pg.lambdas).toContainText('validation grid-best λ');
  await expect(pg.metrics).toHaveAttribute('data-lambda', String(auto), { timeout: 60_000 });
  const atAuto = await pg.metricValues();

  const path = await pg.exportMerged('adapter');
  expect(path).toMatch(/^artifacts\/exports\/cocktail-adapter-lambda-/);
  await expect(pg.root.getByTestId('export-file').first()).toBeVisible();
  expect(await pg.root.getByTestId('export-file').allTextContents()).toEqual(expect.arrayContaining(['adapter_config.json', 'adapter_model.safetensors']));
  expect(await pg.reloadValues()).toEqual(atAuto);
  await expect(run.artifact(path)).toBeVisible();
});
