import { join } from 'node:path';
import { runCli } from '../fixtures/cli';
import { expect, test } from '../fixtures/studio';
import { newWorkspaceDir, removeWorkspace } from '../fixtures/webHost';

// Few steps: the journey checks that one action yields the whole table, in the studio and the CLI.
const SMALL = { 'settings.stage1Steps': '12', 'settings.stage2Steps': '6', 'settings.crmEpochs': '2', 'settings.maxTrainPerUser': '2' };
const VARIANTS = ['base', '+SUBR', '+SPA', '+CFLoRA', 'full'];

test('the ReLLaX ablation table comes from one run in the studio, and the same from its pipeline in the CLI', async ({ studio }, testInfo) => {
  await studio.waitForBackend();
  const [demo] = await (await studio.gotoDatasets()).names();
  const runs = await studio.gotoRuns();
  await runs.startRecipe(demo ?? '', 'ReLLaX (ablation)', SMALL);
  const run = studio.run;
  await run.waitForStatus('done', 170_000);

  const table = await run.resultTable('rellax-ablation');
  expect(table.map((r) => r[0])).toEqual(VARIANTS);
  for (const [, auc, logLoss] of table) {
    expect(auc).toBeGreaterThanOrEqual(0);
    expect(auc).toBeLessThanOrEqual(1);
    expect(logLoss).toBeGreaterThan(0);
  }
  await expect(studio.page.locator('[data-testid="metric-row"][data-name="AUC"][data-variant="full"]')).toBeVisible();

  const pipeline = await run.downloadPipeline(join(testInfo.outputDir, 'rellax.pipeline.json'));
  const workspace = await newWorkspaceDir();
  try {
    const cli = await runCli(['run', pipeline, '--workspace', workspace]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('ReLLaX ablation');
    for (const [name, auc, logLoss] of table) {
      expect(cli.stdout).toMatch(new RegExp(`${String(name).replace('+', '\\+')}\\s+${Number(auc).toFixed(4)}\\s+${Number(logLoss).toFixed(4)}`));
    }
  } finally {
    await removeWorkspace(workspace);
  }
});
