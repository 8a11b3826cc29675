import { expect, test } from '../fixtures/studio';
import { badTimestampCsv, binaryGarbage } from '../fixtures/data';

test('malformed uploads give a located error and leave the workspace unchanged', async ({ studio }) => {
  const datasets = await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  const before = await datasets.names();

  await datasets.drop([badTimestampCsv()]);
  await datasets.mapColumns({ user: 'customer', item: 'product', timestamp: 'when' });
  await datasets.importAs('bad-timestamp');
  await expect(datasets.importError).toContainText('clicks.csv');
  await expect(datasets.importError).toContainText(/:3\b/);
  await expect(datasets.importError).toContainText(/when/);

  // The wizard reads the first rows right after the drop: the error shows before any import.
  await datasets.drop([binaryGarbage()]);
  await expect(studio.page.getByTestId('import-submit')).toBeDisabled();
  await expect(datasets.importError).toContainText('interactions.csv');
  await expect(datasets.importError).toContainText(/binary|UTF-8|text/i);

  await studio.page.reload();
  await studio.gotoDatasets();
  await expect(datasets.rows).toHaveCount(1);
  expect(await datasets.names()).toEqual(before);
});
