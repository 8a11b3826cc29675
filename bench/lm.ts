/**
 * LLM-recommender throughput on the backend the ladder picks: (a) LoRA fine-tuning tokens/s of a
 * small Qwen2-like decoder (forward+backward, gradients w.r.t. the adapter only) next to its
 * forward-only tokens/s and the raw matmul GFLOP/s measured in the same run; (b) candidate
 * scoring with and without prompt KV-cache sharing — times, speed-up and the largest score gap;
 * (c) the trainer's LoRA step before the speed issue, now on one thread and data-parallel
 * (bench/lmTrainer.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../core/tensor/backend';
import type { LmConfig } from '../core/models/lm/config';
import { disposeKvCache, lmForward } from '../core/models/lm/forward';
import { disposeWeights, initLmWeights, PROJECTIONS } from '../core/models/lm/weights';
import { disposeLoraAdapter, initLoraAdapter, loraDelta } from '../core/models/lora/adapter';
import type { LoraAdapter } from '../core/models/lora/adapter';
import { scoreCandidates } from '../core/models/lm/scoring/scoreCandidates';
import type { CandidateScore, ScoreOptions } from '../core/models/lm/scoring/types';
import { causalLmLoss, IGNORE } from '../core/train/lm/loss';
import { createRng } from '../core/train/rng';
import type { Rng } from '../core/train/rng';
import { benchLmTrainer } from './lmTrainer';
import { LM_BENCH_MODEL, LM_BENCH_TRAIN, loraBenchConfig } from './lmShapes';
import { matmulGflops } from './matmul';

const TRAIN = LM_BENCH_TRAIN;
const SCORE = { promptLen: 200, candidates: 30, minLen: 5, maxLen: 12, batchSize: 30, repeats: 3 } as const;
/** Target of the scoring task: prefix sharing ≥ 5× faster than full sequences, scores within 1e-4. */
const TARGET_SPEEDUP = 5;
const TARGET_DIFF = 1e-4;

function randomTokens(rng: Rng, n: number, vocab: number): number[] {
  return Array.from({ length: n }, () => rng.nextInt(0, vocab));
}

/** Forward matmul FLOPs per token at context `ctx`: projections, lm_head, and QKᵀ / AV over ctx keys. */
function forwardFlopsPerToken(c: LmConfig, ctx: number): number {
  const q = c.numHeads * c.headDim;
  const kv = c.numKvHeads * c.headDim;
  const proj = c.hiddenSize * (2 * q + 2 * kv) + 3 * c.hiddenSize * c.intermediateSize;
  const attn = 2 * ctx * q;
  return 2 * (c.numLayers * (proj + attn) + c.hiddenSize * c.vocabSize);
}

/** The adapter's tensors as trainable variables (the base weights stay plain tensors: no gradient). */
function trainableAdapter(c: LmConfig): { adapter: LoraAdapter; vars: tf.Variable[] } {
  const init = initLoraAdapter(c, loraBenchConfig(), 7);
  const tensors = new Map<string, tf.Tensor>();
  const vars: tf.Variable[] = [];
  for (const [name, t] of init.tensors) {
    const v = tf.variable(t, true, `bench.${name}`);
    tensors.set(name, v);
    vars.push(v);
  }
  disposeLoraAdapter(init);
  return { adapter: { config: init.config, tensors }, vars };
}

interface Timed {
  readonly msPerStep: number;
  readonly tokPerSec: number;
  readonly loss: number;
}

function timeSteps(tokens: number, run: () => number): Timed {
  let loss = NaN;
  for (let i = 0; i < TRAIN.warmup; i++) loss = run();
  const t0 = performance.now();
  for (let i = 0; i < TRAIN.steps; i++) loss = run();
  const ms = (performance.now() - t0) / TRAIN.steps;
  return { msPerStep: ms, tokPerSec: tokens / (ms / 1000), loss };
}

/** (a) forward-only and forward+backward (LoRA grads only) on the same batch. */
function benchTraining(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): { fwd: Timed; train: Timed; params: number } {
  const rng = createRng(3);
  const { batch, seqLen } = TRAIN;
  const rows = Array.from({ length: batch }, () => randomTokens(rng, seqLen, c.vocabSize));
  const targets = rows.flatMap((r) => [...r.slice(1), IGNORE]);
  const { adapter, vars } = trainableAdapter(c);
  const delta = loraDelta(adapter);
  const ids = tf.tensor2d(rows, [batch, seqLen], 'int32');
  const lossOf = (): tf.Scalar => tf.tidy(() => {
    const { logits, cache } = lmForward(c, weights, ids, { delta });
    disposeKvCache(cache);
    return causalLmLoss(logits, targets);
  });
  const fwd = timeSteps(batch * seqLen, () => {
    const loss = lossOf();
    const v = loss.dataSync()[0] as number;
    loss.dispose();
    return v;
  });
  const train = timeSteps(batch * seqLen, () => {
    const { value, grads } = tf.variableGrads(lossOf, vars);
    tf.dispose(Object.values(grads)); // grads are computed eagerly; reading the loss syncs the backend
    const v = value.dataSync()[0] as number;
    value.dispose();
    return v;
  });
  const params = vars.reduce((n, v) => n + v.size, 0);
  ids.dispose();
  tf.dispose(vars);
  return { fwd, train, params };
}

interface ScoreRun {
  readonly ms: number;
  readonly scores: CandidateScore[];
}

async function timeScoring(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompt: number[], cands: number[][], opts: ScoreOptions): Promise<ScoreRun> {
  let scores: CandidateScore[] = [];
  let best = Infinity;
  for (let i = 0; i < SCORE.repeats; i++) {
    const t0 = performance.now();
    scores = await scoreCandidates(c, weights, prompt, cands, opts);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, scores };
}

/** (b) one prompt, 30 candidates of 5–12 tokens: full sequences vs one prompt pass + one candidate batch. */
async function benchScoring(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): Promise<void> {
  const rng = createRng(5);
  const prompt = randomTokens(rng, SCORE.promptLen, c.vocabSize);
  const cands = Array.from({ length: SCORE.candidates }, () => randomTokens(rng, rng.nextInt(SCORE.minLen, SCORE.maxLen + 1), c.vocabSize));
  const candTokens = cands.reduce((n, x) => n + x.length, 0);
  await scoreCandidates(c, weights, prompt, cands.slice(0, 4), { shared: true, batchSize: 4 }); // warm-up: kernels compiled, buffers allocated
  const naive = await timeScoring(c, weights, prompt, cands, { shared: false, batchSize: SCORE.batchSize });
  const shared = await timeScoring(c, weights, prompt, cands, { shared: true, batchSize: SCORE.batchSize });
  const diff = Math.max(...shared.scores.map((s, i) => Math.abs(s.logLik - (naive.scores[i]?.logLik ?? NaN))));
  const speedup = naive.ms / shared.ms;
  const ok = speedup >= TARGET_SPEEDUP && diff <= TARGET_DIFF;
  console.log(`scoring: prompt ${SCORE.promptLen} tokens, ${SCORE.candidates} candidates (${SCORE.minLen}–${SCORE.maxLen} tokens, ${candTokens} in all), batch ${SCORE.batchSize}, best of ${SCORE.repeats}`);
  console.log(`  naive (prompt+candidate rows): ${naive.ms.toFixed(0)} ms  (${(((SCORE.promptLen * SCORE.candidates + candTokens) / naive.ms) * 1000).toFixed(0)} tok/s fed)`);
  console.log(`  shared prefix (prompt once, candidates packed against its cache): ${shared.ms.toFixed(0)} ms`);
  console.log(`  speed-up ${speedup.toFixed(1)}× (target ≥ ${TARGET_SPEEDUP}×), max |Δ logLik| ${diff.toExponential(2)} (target ≤ ${TARGET_DIFF}) ${ok ? 'PASS' : 'BELOW TARGET'}`);
}

function printTraining(c: LmConfig, r: { fwd: Timed; train: Timed; params: number }, gflops: number): void {
  const flopsFwd = forwardFlopsPerToken(c, TRAIN.seqLen / 2) * r.fwd.tokPerSec;
  console.log(`LoRA training: ${c.numLayers} layers, d=${c.hiddenSize}, heads ${c.numHeads}/${c.numKvHeads} kv, ffn ${c.intermediateSize}, vocab ${c.vocabSize}; batch ${TRAIN.batch} × ${TRAIN.seqLen}; r=${TRAIN.loraRank} on ${PROJECTIONS.length} projections (${r.params} trainable)`);
  console.log(`  forward only:      ${r.fwd.tokPerSec.toFixed(0)} tok/s (${r.fwd.msPerStep.toFixed(0)} ms/step, ${(flopsFwd / 1e9).toFixed(2)} GFLOP/s)`);
  console.log(`  forward+backward:  ${r.train.tokPerSec.toFixed(0)} tok/s (${r.train.msPerStep.toFixed(0)} ms/step, loss ${r.train.loss.toFixed(3)}; ln V = ${Math.log(c.vocabSize).toFixed(3)})`);
  console.log(`  fwd+bwd / fwd time: ${(r.train.msPerStep / r.fwd.msPerStep).toFixed(2)}; forward GFLOP/s / matmul 512³ GFLOP/s (${gflops.toFixed(2)}): ${(flopsFwd / 1e9 / gflops).toFixed(2)}`);
}

/** Runs the bench and prints its results. */
export async function benchLm(): Promise<void> {
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const c = LM_BENCH_MODEL;
  const weights = initLmWeights(c, 1);
  try {
    const gflops = matmulGflops(512, 10);
    printTraining(c, benchTraining(c, weights), gflops);
    await benchLmTrainer(backend.name);
    await benchScoring(c, weights);
  } finally {
    disposeWeights(weights);
  }
}
