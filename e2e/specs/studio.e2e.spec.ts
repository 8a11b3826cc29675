import { expect, test } from '../fixtures/studio';

test('a new user opens the studio: web mode, compute backend and the demo dataset are shown', async ({ studio }) => {
  const backend = await studio.waitForBackend();
  expect(backend).toMatch(/wasm|cpu|tensorflow/);
  const datasets = await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  const [demo] = await datasets.names();
  expect(demo).toBeTruthy();
  expect(await datasets.count(demo ?? '', 'interactions')).toBeGreaterThan(1000);
});
