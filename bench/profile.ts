/**
 * `npm run bench -- profile`: where a SASRec training step and an LM LoRA trainer step spend
 * their time, kernel by kernel, with achieved GFLOP/s for matrix products — the measurement every
 * speed change starts from.
 */
import { getModelFamily } from '../core/models/registry';
import { initBackend } from '../core/tensor/backend';
import type { SequentialRecModel } from '../core/models/types';
import { createAdam, SASREC_ADAM } from '../core/train/optimizer';
import { createDataParallel, dataParallelStep, publishWeights } from '../core/train/parallel/dataParallel';
import { flatStepsPay } from '../core/train/flatSteps';
import { createFlatAdam, flatAdamStep } from '../core/train/parallel/flatAdam';
import { flatLayout } from '../core/train/parallel/flatGrads';
import { createRng, type Rng } from '../core/train/rng';
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

/** The step runTrainJob takes on one thread on this backend (see flatStepsPay). */
async function trainerStep(model: SequentialRecModel): Promise<(batch: SeqBatch, rng: Rng) => Promise<number>> {
  if (!flatStepsPay()) {
    const optimizer = createAdam(1e-3);
    return (batch, rng) => trainStep(model, optimizer, batch, rng);
  }
  const length = flatLayout(model.variables).length;
  const dp = createDataParallel(model, new Float32Array(length), []);
  await publishWeights(dp);
  const adam = createFlatAdam(length, SASREC_ADAM);
  return (batch, rng) => dataParallelStep(dp, (w, g) => flatAdamStep(adam, w, g, 1e-3), batch, rng);
}

/** Runs the bench and prints its results. */
export async function benchProfile(): Promise<void> {
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const [warm, profiled] = batches(2);
  if (!warm || !profiled) throw new Error('not enough synthetic batches');
  const model = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
  const rng = createRng(2);
  const step = await trainerStep(model);
  await step(warm, rng); // the first step compiles and allocates optimizer slots
  const { stats, totalMs } = await profileKernels(async () => void (await step(profiled, rng)));
  const how = flatStepsPay() ? 'flat Adam, not a kernel' : 'tfjs Adam';
  printKernelTable(`SASRec train step (d=${CONFIG.hidden}, ${CONFIG.blocks} blocks, len ${CONFIG.maxLen}, batch ${BATCH}; ${how})`, stats, totalMs);
  model.dispose();
  await profileLmStep();
}
