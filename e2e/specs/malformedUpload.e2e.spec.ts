import { expect, test } from '../fixtures/studio';
import { binaryGarbage, wrongColumnsCsv } from '../fixtures/data';

test('malformed uploads give a located error and leave the workspace unchanged', async ({ studio }) => {
  const datasets = await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  const before = await datasets.names();

  await datasets.drop([wrongColumnsCsv()]);
  await datasets.importAs('bad-columns');
  await expect(datasets.importError).toContainText('clicks.csv');
  await expect(datasets.importError).toContainText(/:1\b/);
  await expect(datasets.importError).toContainText(/user/);

  await datasets.drop([binaryGarbage()]);
  await datasets.importAs('garbage');
  await expect(datasets.importError).toContainText('interactions.csv');
  await expect(datasets.importError).toContainText(/binary|UTF-8|text/i);

  await studio.page.reload();
  await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  expect(await datasets.names()).toEqual(before);
});
