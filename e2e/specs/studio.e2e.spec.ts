import { expect, test } from '../fixtures/studio';

test('a new user opens the studio: web mode, compute backend and the demo dataset are shown', async ({ studio }) => {
  const backend = await studio.waitForBackend();
  expect(backend).toMatch(/wasm|cpu|tensorflow/);
  expect(await studio.appIcon()).toEqual({ status: 200, type: 'image/svg+xml' });
  const datasets = await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  const [demo] = await datasets.names();
  expect(demo).toBeTruthy();
  expect(await datasets.count(demo ?? '', 'interactions')).toBeGreaterThan(1000);
});

test('Run demo trains SASRec on the demo workspace and beats chance', async ({ studio }) => {
  await studio.waitForBackend();
  const run = await studio.runDemo();
  await run.waitForStatus('running', 30_000);
  await expect.poll(() => run.lossPoints(), { timeout: 30_000 }).toBeGreaterThan(1);
  await run.waitForStatus('done', 170_000);
  const hr = await run.metricValue('HR', 10, 'sampled');
  console.log(`demo SASRec test HR@10 (1+100 sampled) = ${hr}`);
  expect(hr).toBeGreaterThan(2 * (10 / 101)); // at least twice chance level
});
