import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, runPipelineWithCli } from '../fixtures/cli';
import { expect, test } from '../fixtures/studio';
import { newWorkspaceDir, removeWorkspace } from '../fixtures/webHost';

const PIPELINE = {
  format: 'recforge-pipeline', version: 1, name: 'demo SASRec, 2 epochs', dataset: { kind: 'demo' },
  run: { model: 'sasrec', train: { epochs: 2, seed: 11 }, eval: { negatives: 50, fullRanking: false } },
};

test('the same pipeline and seed give identical metrics in the studio and from the CLI', async ({ studio }, testInfo) => {
  await studio.waitForBackend();
  const file = testInfo.outputPath('demo.pipeline.json');
  await writeFile(file, JSON.stringify(PIPELINE));
  const runs = await studio.gotoRuns();
  await runs.runPipelineFile(file);
  const run = studio.run;
  await run.waitForStatus('done', 150_000);
  const studioHr = await run.exactMetric('HR', 10, 'sampled');
  const studioNdcg = await run.exactMetric('NDCG', 10, 'sampled');

  // The pipeline the studio writes for this run reproduces it in another workspace, via the CLI.
  const exported = await run.downloadPipeline(join(testInfo.outputDir, 'exported.pipeline.json'));
  const cliWorkspace = await newWorkspaceDir();
  try {
    const cliRun = await runPipelineWithCli(exported, cliWorkspace);
    const cliMetric = (name: string): number | undefined =>
      cliRun.metrics.find((m) => m.name === name && m.k === 10 && m.protocol.target === 'test' && m.protocol.candidates.kind === 'sampled')?.value;
    expect(cliRun.status).toBe('done');
    expect(cliMetric('HR')).toBe(studioHr);
    expect(cliMetric('NDCG')).toBe(studioNdcg);
    expect(cliRun.config?.['train']?.['seed']).toBe(11);
  } finally {
    await removeWorkspace(cliWorkspace);
  }
});

test('a pipeline file with a bad setting exits 1 and names that file and the field', async ({ studio: _studio }, testInfo) => {
  const file = testInfo.outputPath('bad.pipeline.json');
  await writeFile(file, JSON.stringify({ ...PIPELINE, run: { ...PIPELINE.run, train: { epochs: 0 } } }));
  const workspace = await newWorkspaceDir();
  try {
    const r = await runCli(['run', file, '--workspace', workspace]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('run.train.epochs');
    // A domain the dataset lacks is refused before any run exists, at its place in the file.
    const typo = testInfo.outputPath('typo.pipeline.json');
    await writeFile(typo, JSON.stringify({ ...PIPELINE, run: { model: 'pad', settings: { domain: 'movie' } } }));
    const refused = await runCli(['run', typo, '--workspace', workspace]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(typo);
    expect(refused.stderr).toContain('run.settings.domain');
    expect(refused.stderr).not.toContain('failed'); // no run was created to fail
    // Broken JSON is located at its line.
    const broken = testInfo.outputPath('broken.pipeline.json');
    await writeFile(broken, '{\n  "format": "recforge-pipeline",\n  version: 1\n}\n');
    expect((await runCli(['run', broken, '--workspace', workspace])).stderr).toContain(`${broken}:3`);
  } finally {
    await removeWorkspace(workspace);
  }
});
