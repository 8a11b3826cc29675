/**
 * `npm run bench -- profile`: where a SASRec training step and an LM LoRA trainer step spend
 * their time, kernel by kernel, with achieved GFLOP/s for matrix products — the measurement every
 * speed change starts from.
 */
import { getModelFamily } from '../core/models/registry';
import { initBackend } from '../core/tensor/backend';
import { createAdam } from '../core/train/optimizer';
import { createRng } from '../core/train/rng';
import { trainStep } from '../core/train/runTrainJob';
import { createBatchSampler, type SeqBatch } from '../core/train/sampler';
import { printKernelTable, profileKernels } from './kernelProfile';
import { profileLmStep } from './profileLm';
import { syntheticLeaveOneOut } from './syntheticData';

const ITEMS = 3400;
const CONFIG = { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 } as const;
const BATCH = 128;

function batches(count: number): SeqBatch[] {
  const sampler = createBatchSampler(syntheticLeaveOneOut(2000, ITEMS, 50), CONFIG.maxLen, BATCH);
  const out: SeqBatch[] = [];
  for (const b of sampler.epoch(createRng(1))) {
    if (out.length === count) break;
    out.push(b);
  }
  return out;
}

/** Runs the bench and prints its results. */
export async function benchProfile(): Promise<void> {
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const [warm, profiled] = batches(2);
  if (!warm || !profiled) throw new Error('not enough synthetic batches');
  const model = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
  const optimizer = createAdam(1e-3);
  const rng = createRng(2);
  await trainStep(model, optimizer, warm, rng); // first step compiles and allocates optimizer slots
  const { stats, totalMs } = await profileKernels(async () => void (await trainStep(model, optimizer, profiled, rng)));
  printKernelTable(`SASRec train step (d=${CONFIG.hidden}, ${CONFIG.blocks} blocks, len ${CONFIG.maxLen}, batch ${BATCH})`, stats, totalMs);
  optimizer.dispose();
  model.dispose();
  await profileLmStep();
}
