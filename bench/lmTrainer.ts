/**
 * The LM LoRA step as the trainer runs it (accumulate → clip → AdamW, core/train/lm/step.ts) on
 * the bench's batch, three ways in one run: with the kernel set from before the speed issue
 * (its fast paths switched off) on one thread — the issue's "before" — then with every kernel on
 * one thread, then data-parallel on every core (lead + replica threads, as the studio trains).
 */
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initLmWeights } from '../core/models/lm/weights';
import { initLoraAdapter } from '../core/models/lora/adapter';
import { sourceReplicaStarter } from '../core/platform/parallel/sourceReplicas';
import { setFastPathEnabled } from '../core/tensor/patches/fastPaths';
import { BATCH_MATMUL_SLICED_PATCH } from '../core/tensor/patches/batchMatMulSliced';
import { SHARED_IDENTITY_PATCH } from '../core/tensor/patches/sharedIdentity';
import { SIMD_MATMUL_PATCH } from '../core/tensor/patches/simdMatMul';
import { SUM_LEADING_AXES_PATCH } from '../core/tensor/patches/sumLeadingAxes';
import { GATHER_ROWS_SIMD } from '../core/tensor/patches/gatherRows';
import { LAYER_NORM_SIMD } from '../core/tensor/patches/layerNormKernel';
import { ROPE_SIMD } from '../core/tensor/patches/ropeKernel';
import { SOFTMAX_XENT_SIMD } from '../core/tensor/patches/softmaxXentKernel';
import { SEGMENT_SUM_SIMD } from '../core/tensor/patches/unsortedSegmentSum';
import { FLAT_OPTIMIZER_STEPS } from '../core/train/flatSteps';
import { disposeAdamWState, initAdamWState, type AdamWState } from '../core/train/lm/adamw';
import { closeLmReplicas, gradientsFor, startLmReplicas, type LmDataParallel } from '../core/train/lm/parallel/lmDataParallel';
import { trainStep, type GradientContext } from '../core/train/lm/step';
import { loraModel } from '../core/train/lm/trainables';
import { createRng } from '../core/train/rng';
import { LM_BENCH_MODEL, LM_BENCH_STEP, LM_BENCH_TRAIN, loraBenchConfig, randomRows } from './lmShapes';

/** Fast paths the speed issue added; off, the wasm backend runs the kernels (and optimizer steps) it had before. */
const ISSUE_FAST_PATHS = [
  SIMD_MATMUL_PATCH, BATCH_MATMUL_SLICED_PATCH, SHARED_IDENTITY_PATCH, SUM_LEADING_AXES_PATCH, GATHER_ROWS_SIMD, SEGMENT_SUM_SIMD,
  LAYER_NORM_SIMD, SOFTMAX_XENT_SIMD, ROPE_SIMD, FLAT_OPTIMIZER_STEPS,
];
/** The issue's acceptance: the LoRA step ≥ 3× the tokens/s from before it. */
const TARGET_SPEEDUP = 3;

/** Tokens/s of warmup + timed trainer steps, on one thread or data-parallel over `dp`. */
async function timeSteps(ctx: GradientContext, adapter: Map<string, tf.Tensor>, dp: LmDataParallel | null): Promise<number> {
  const shape = LM_BENCH_TRAIN;
  const batches = randomRows(ctx.config, shape.warmup + shape.steps);
  let params = new Map([...adapter].map(([n, t]) => [n, tf.clone(t)]));
  let state: AdamWState = initAdamWState(params);
  let t0 = 0;
  for (const [i, b] of batches.entries()) {
    if (i === shape.warmup) t0 = performance.now();
    const r = await trainStep(ctx, params, state, [b], LM_BENCH_STEP, gradientsFor(dp));
    [params, state] = [r.params, r.state];
  }
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([...params.values()]);
  disposeAdamWState(state);
  return (shape.steps * shape.batch * shape.seqLen) / seconds;
}

async function withFastPaths<T>(on: boolean, run: () => Promise<T>): Promise<T> {
  ISSUE_FAST_PATHS.forEach((name) => setFastPathEnabled(name, on));
  try {
    return await run();
  } finally {
    ISSUE_FAST_PATHS.forEach((name) => setFastPathEnabled(name, true));
  }
}

/** Runs the three measurements and prints them with the speed-up over "before". */
export async function benchLmTrainer(backendRung: string): Promise<void> {
  const c = LM_BENCH_MODEL;
  const shape = LM_BENCH_TRAIN;
  const lora = loraBenchConfig();
  const model = loraModel(initLmWeights(c, 1), lora);
  const adapter = initLoraAdapter(c, lora, 7).tensors;
  const ctx: GradientContext = { config: c, model, dropoutRng: createRng(3) };
  const threads = Math.min(availableParallelism(), 4);
  let dp: LmDataParallel | null = null;
  try {
    const before = backendRung === 'wasm' ? await withFastPaths(false, () => timeSteps(ctx, adapter, null)) : NaN;
    const single = await timeSteps(ctx, adapter, null);
    dp = threads > 1 ? await startLmReplicas(c, model, adapter, sourceReplicaStarter(threads - 1, backendRung)) : null;
    const parallel = dp === null ? single : await timeSteps(ctx, adapter, dp);
    console.log(`LoRA trainer step (accumulate → clip → AdamW), batch ${shape.batch} × ${shape.seqLen}:`);
    if (Number.isFinite(before)) console.log(`  before the speed issue (its fast paths off), 1 thread: ${before.toFixed(0)} tok/s`);
    console.log(`  now, 1 thread: ${single.toFixed(0)} tok/s`);
    console.log(`  now, data-parallel on ${dp === null ? 1 : dp.replicas.length + 1} threads: ${parallel.toFixed(0)} tok/s (×${(parallel / single).toFixed(2)} vs 1 thread)`);
    if (Number.isFinite(before)) {
      const speedup = parallel / before;
      console.log(`  speed-up vs before: ${speedup.toFixed(2)}× (target ≥ ${TARGET_SPEEDUP}×) ${speedup >= TARGET_SPEEDUP ? 'PASS' : 'BELOW TARGET'}`);
    }
  } finally {
    await closeLmReplicas(dp);
    model.dispose();
    tf.dispose([...adapter.values()]);
  }
}
