/**
 * Quality benchmark (not run by CI): SASRec on MovieLens-100k read in place from
 * ../shared/data/ml-100k, imported through the real workspace (5-core, leave-one-out), trained in
 * this process on the best available backend, evaluated with 1 + 100 sampled negatives and full
 * ranking. Targets: HR@10 ≥ 0.60 and NDCG@10 ≥ 0.35 (sampled). Exit code 1 if missed.
 *
 *   npm run benchmark:ml100k -- [--epochs 200] [--seed 42]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { MetricRecord } from '../core/protocol/dto';
import { evalConfigSchema, sasRecConfigSchema, trainConfigSchema } from '../core/protocol/runSchemas';
import { Workspace } from '../core/platform/workspace';
import { initBackend } from '../core/tensor/backend';
import { runTrainJob } from '../core/train/runTrainJob';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

const TARGETS = { HR: 0.6, NDCG: 0.35 } as const;
const ml100kDir = resolve(here, '..', '..', 'shared', 'data', 'ml-100k');

function describeMetric(m: MetricRecord): string {
  const c = m.protocol.candidates;
  const protocol = c.kind === 'sampled' ? `1+${c.negatives} sampled (seed ${c.seed})` : 'full ranking';
  return `${m.name}${m.k === null ? '' : `@${m.k}`} = ${m.value.toFixed(4)}  [${m.protocol.target}, ${protocol}, ${m.protocol.users} users]`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { epochs: { type: 'string', default: '200' }, seed: { type: 'string', default: '42' } } });
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const dir = await mkdtemp(join(tmpdir(), 'recforge-ml100k-'));
  const workspace = await Workspace.open(dir);
  try {
    const files = ['u.data', 'u.item'].map((name) => ({ name, path: join(ml100kDir, name) }));
    const dataset = await workspace.importDataset({ name: 'ml-100k', format: 'movielens-100k', files, minInteractions: 5 });
    console.log(`ml-100k 5-core: ${dataset.users} users, ${dataset.items} items, ${dataset.interactions} interactions`);
    const data = await workspace.loadLeaveOneOut(dataset.id);
    const train = trainConfigSchema.parse({ epochs: Number(values.epochs), seed: Number(values.seed) });
    const started = performance.now();
    let lastEpoch = 0;
    const outcome = await runTrainJob(
      {
        runId: 'bench_ml100k', model: 'sasrec', modelConfig: sasRecConfigSchema.parse({}), train,
        eval: evalConfigSchema.parse({}), data, checkpointDir: join(dir, 'checkpoints'),
      },
      {
        emit: ({ points, progress }) => {
          const last = points.at(-1);
          if (last && progress.epoch !== lastEpoch && progress.epoch % 10 === 0) {
            lastEpoch = progress.epoch;
            console.log(`epoch ${progress.epoch}/${progress.epochs} loss ${last.loss.toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
          }
        },
        isCancelled: () => false,
        yieldToEventLoop: () => Promise.resolve(),
        now: () => performance.now(),
      },
    );
    if (outcome.status !== 'done') throw new Error('benchmark run did not finish');
    for (const metric of outcome.metrics) console.log(describeMetric(metric));
    const sampled = (name: string): number =>
      outcome.metrics.find((m) => m.name === name && m.k === 10 && m.protocol.candidates.kind === 'sampled' && m.protocol.target === 'test')?.value ?? 0;
    const pass = sampled('HR') >= TARGETS.HR && sampled('NDCG') >= TARGETS.NDCG;
    console.log(`targets HR@10 ≥ ${TARGETS.HR}, NDCG@10 ≥ ${TARGETS.NDCG}: ${pass ? 'PASS' : 'FAIL'}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await workspace.close();
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
