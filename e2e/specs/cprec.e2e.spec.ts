import { expect, test } from '../fixtures/studio';

const TINY = {
  'settings.vocabSize': '300', 'settings.hidden': '32', 'settings.layers': '1', 'settings.steps': '20',
  'settings.warmupFraction': '0.1', 'settings.stableFraction': '0.5', 'settings.batchSize': '4', 'settings.maxLen': '48',
  'settings.negatives': '9', 'settings.maxEvalCases': '30', 'settings.sftSteps': '6', 'settings.targetDomain': 'movies',
};

test('CPRec: the WSA chart shows warm-up, stable and annealing with the data switch; warm/cold ranking before and after with chance', async ({ studio }) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  // The target domain is chosen among the dataset's domains, not typed.
  expect(await runs.fieldOptions(demo ?? '', 'CPRec (continual pre-training)', 'settings.targetDomain')).toEqual(['Recipe default', 'books', 'games', 'movies']);
  await runs.startRecipe(demo ?? '', 'CPRec (continual pre-training)', TINY);
  const run = studio.run;
  // The run opens at its top (the form was scrolled to its Start button), naming its stage among the recipe's.
  await expect(run.root).toBeVisible();
  expect(await run.scrollTop()).toBe(0);
  await expect(run.stage).toContainText(/stage \d of \d+: /);
  await run.waitForStatus('done', 150_000);
  await expect(run.progressLabel).toBeHidden();

  // 20 updates: warm-up 2, stable 10, annealing 8 — the annealing phase trains on the mixed corpus.
  // Then SFT from the initial and from the pre-trained model, 6 updates each, on the same step axis.
  const markers = await run.lossMarkers();
  expect(markers.slice(0, 4)).toEqual(['all-domain', 'warmup (domain-specific)', 'stable (domain-specific)', 'anneal (mixed-target)']);
  expect(markers).toEqual(expect.arrayContaining(['sft (from initial)', 'sft (from CPT)']));
  await expect(run.lrChart).toHaveAttribute('data-points', '32');
  const schedule = await run.resultTable('cprec-schedule');
  expect(schedule.map((r) => r.slice(0, 3))).toEqual([['warmup', 1, 'domain-specific'], ['stable', 3, 'domain-specific'], ['anneal', 13, 'mixed-target']]);

  for (const variant of ['initial', 'cprec', 'sft', 'cprec+sft']) {
    for (const segment of ['warm', 'cold']) await expect(studio.page.locator(`[data-testid="metric-row"][data-variant="${variant}"][data-segment="${segment}"]`).first()).toBeVisible();
  }
  await expect(studio.page.getByTestId('metric-chance').first()).toHaveText('0.1000');
  await expect(run.artifact('artifacts/model')).toContainText('Hugging Face model');
});
