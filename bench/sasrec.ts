/**
 * SASRec training throughput (sequences/s) on the backend the ladder picks, next to that
 * backend's raw matmul GFLOP/s, so numbers from different machines can be compared as a ratio.
 */
import { initBackend } from '../core/tensor/backend';
import { getModelFamily } from '../core/models/registry';
import { createAdam } from '../core/train/optimizer';
import { createRng } from '../core/train/rng';
import { createBatchSampler, type SeqBatch } from '../core/train/sampler';
import { trainStep } from '../core/train/runTrainJob';
import { matmulGflops } from './matmul';
import { syntheticLeaveOneOut } from './syntheticData';

const ITEMS = 3400;
const USERS = 6000;
const CONFIG = { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 } as const;
const BATCH = 128;
const WARMUP_STEPS = 3;
const TIMED_STEPS = 20;

function takeBatches(count: number): SeqBatch[] {
  const data = syntheticLeaveOneOut(USERS, ITEMS, 50);
  const sampler = createBatchSampler(data, CONFIG.maxLen, BATCH);
  const out: SeqBatch[] = [];
  for (const b of sampler.epoch(createRng(1))) {
    if (out.length === count) break;
    out.push(b);
  }
  return out;
}

function sasrecSeqPerSecond(): { seqPerSec: number; stepMs: number; finalLoss: number } {
  const batches = takeBatches(WARMUP_STEPS + TIMED_STEPS);
  const model = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
  const opt = createAdam(1e-3);
  const rng = createRng(2);
  let loss = NaN;
  batches.slice(0, WARMUP_STEPS).forEach((b) => (loss = trainStep(model, opt, b, rng)));
  const t0 = performance.now();
  batches.slice(WARMUP_STEPS).forEach((b) => (loss = trainStep(model, opt, b, rng)));
  const ms = performance.now() - t0;
  opt.dispose();
  model.dispose();
  return { seqPerSec: (TIMED_STEPS * BATCH) / (ms / 1000), stepMs: ms / TIMED_STEPS, finalLoss: loss };
}

/** Runs the bench and prints its results. */
export async function benchSasrec(): Promise<void> {
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const train = sasrecSeqPerSecond();
  const g512 = matmulGflops(512, 10);
  const g1024 = matmulGflops(1024, 5);
  console.log(`SASRec train (d=${CONFIG.hidden}, ${CONFIG.blocks} blocks, len ${CONFIG.maxLen}, batch ${BATCH}, ${ITEMS} items): ` +
    `${train.seqPerSec.toFixed(1)} seq/s (${train.stepMs.toFixed(0)} ms/step, loss ${train.finalLoss.toFixed(3)})`);
  console.log(`matmul: 512³ ${g512.toFixed(2)} GFLOP/s, 1024³ ${g1024.toFixed(2)} GFLOP/s`);
  console.log(`ratio: ${(train.seqPerSec / g1024).toFixed(2)} seq/s per GFLOP/s (1024³)`);
}
