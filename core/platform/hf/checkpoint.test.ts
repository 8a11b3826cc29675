/**
 * Acceptance: tiny LLaMA- and Qwen2-layout checkpoints built in code, saved as HF folders (F32 and
 * BF16, single file and sharded), loaded back, and checked against an independent float64 forward.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import { lmForward, disposeKvCache } from '../../models/lm/forward';
import { disposeWeights, expectedTensorShapes } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { loadHfCheckpoint, saveHfCheckpoint } from './checkpoint';

useTensorSuite();

type Vals = Map<string, Float32Array>;

const LLAMA = { model_type: 'llama', vocab_size: 50, hidden_size: 16, intermediate_size: 40, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 4, rms_norm_eps: 1e-5, rope_theta: 10000, tie_word_embeddings: false };
const QWEN2 = { model_type: 'qwen2', vocab_size: 48, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, rms_norm_eps: 1e-6, rope_theta: 1e6, tie_word_embeddings: true };

function randomValues(c: LmConfig, seed: number): Vals {
  const rng = createRng(seed);
  const out: Vals = new Map();
  for (const [name, shape] of expectedTensorShapes(c)) {
    const v = new Float32Array(shape.reduce((a, b) => a * b, 1));
    const norm = name.endsWith('norm.weight');
    for (let i = 0; i < v.length; i++) v[i] = norm ? 1 + 0.2 * rng.nextNormal() : (name.endsWith('.bias') ? 0.1 : 0.3) * rng.nextNormal();
    out.set(name, v);
  }
  return out;
}

/** Round-to-nearest-even bfloat16, written independently of the encoder. */
function bf16Round(vals: Vals): Vals {
  const out: Vals = new Map();
  for (const [name, v] of vals) {
    const bits = new Uint32Array(Float32Array.from(v).buffer);
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i] as number;
      bits[i] = ((b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000) >>> 0;
    }
    out.set(name, new Float32Array(bits.buffer));
  }
  return out;
}

// ---- float64 reference forward (plain numbers, no tfjs) ----
function matVec(w: Float32Array, x: Float64Array, bias?: Float32Array): Float64Array {
  const out = new Float64Array(w.length / x.length);
  for (let o = 0; o < out.length; o++) {
    let s = bias ? (bias[o] as number) : 0;
    for (let i = 0; i < x.length; i++) s += (w[o * x.length + i] as number) * (x[i] as number);
    out[o] = s;
  }
  return out;
}

function rms(x: Float64Array, w: Float32Array, eps: number): Float64Array {
  let ss = 0;
  for (const v of x) ss += v * v;
  const inv = 1 / Math.sqrt(ss / x.length + eps);
  return x.map((v, i) => v * inv * (w[i] as number));
}

function rope(x: Float64Array, heads: number, d: number, pos: number, theta: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let h = 0; h < heads; h++) for (let i = 0; i < d / 2; i++) {
    const a = pos / theta ** ((2 * i) / d);
    const x1 = x[h * d + i] as number;
    const x2 = x[h * d + i + d / 2] as number;
    out[h * d + i] = x1 * Math.cos(a) - x2 * Math.sin(a);
    out[h * d + i + d / 2] = x2 * Math.cos(a) + x1 * Math.sin(a);
  }
  return out;
}

function attend(c: LmConfig, q: Float64Array, ks: Float64Array[], vs: Float64Array[]): Float64Array {
  const d = c.headDim;
  const out = new Float64Array(c.numHeads * d);
  for (let h = 0; h < c.numHeads; h++) {
    const kvh = Math.floor(h / (c.numHeads / c.numKvHeads));
    const scores = ks.map((k) => { let s = 0; for (let i = 0; i < d; i++) s += (q[h * d + i] as number) * (k[kvh * d + i] as number); return s / Math.sqrt(d); });
    const m = Math.max(...scores);
    const e = scores.map((s) => Math.exp(s - m));
    const z = e.reduce((a, b) => a + b, 0);
    vs.forEach((v, j) => { for (let i = 0; i < d; i++) out[h * d + i] = (out[h * d + i] as number) + ((e[j] as number) / z) * (v[kvh * d + i] as number); });
  }
  return out;
}

function reference(c: LmConfig, w: Vals, ids: readonly number[]): Float64Array[] {
  const g = (n: string): Float32Array => w.get(n) as Float32Array;
  const H = c.hiddenSize;
  let hs = ids.map((id) => Float64Array.from(g('model.embed_tokens.weight').subarray(id * H, (id + 1) * H)));
  for (let l = 0; l < c.numLayers; l++) {
    const p = (m: string, x: Float64Array, kind = 'self_attn'): Float64Array => matVec(g(`model.layers.${l}.${kind}.${m}.weight`), x, w.get(`model.layers.${l}.${kind}.${m}.bias`));
    const normed = hs.map((h) => rms(h, g(`model.layers.${l}.input_layernorm.weight`), c.rmsNormEps));
    const ks = normed.map((x, t) => rope(p('k_proj', x), c.numKvHeads, c.headDim, t, c.ropeTheta));
    const vs = normed.map((x) => p('v_proj', x));
    hs = hs.map((h, t) => {
      const a = p('o_proj', attend(c, rope(p('q_proj', normed[t] as Float64Array), c.numHeads, c.headDim, t, c.ropeTheta), ks.slice(0, t + 1), vs.slice(0, t + 1)));
      const h1 = h.map((v, i) => v + (a[i] as number));
      const n2 = rms(h1, g(`model.layers.${l}.post_attention_layernorm.weight`), c.rmsNormEps);
      const up = p('up_proj', n2, 'mlp');
      const act = p('gate_proj', n2, 'mlp').map((v, i) => (v / (1 + Math.exp(-v))) * (up[i] as number));
      const down = p('down_proj', act, 'mlp');
      return h1.map((v, i) => v + (down[i] as number));
    });
  }
  const head = g(c.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight');
  return hs.map((h) => matVec(head, rms(h, g('model.norm.weight'), c.rmsNormEps)));
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('HF checkpoint round trip vs float64 reference', () => {
  it.each([
    ['llama', LLAMA, 'F32', undefined],
    ['llama', LLAMA, 'BF16', 4000],
    ['qwen2', QWEN2, 'F32', 6000],
    ['qwen2', QWEN2, 'BF16', undefined],
  ] as const)('%s %s (shard bytes %s)', async (_name, json, dtype, maxShardBytes) => {
    const config = parseLmConfig(json);
    const vals = randomValues(config, 11);
    const weights = new Map([...vals].map(([n, v]) => [n, tf.tensor(v, expectedTensorShapes(config).get(n))]));
    const dir = await mkdtemp(path.join(tmpdir(), 'rf-hf-'));
    dirs.push(dir);
    await saveHfCheckpoint(dir, config, weights, { dtype, generationConfig: { max_new_tokens: 4 }, ...(maxShardBytes ? { maxShardBytes } : {}) });
    disposeWeights(weights);
    const loaded = await loadHfCheckpoint(dir);
    expect(loaded.config).toEqual(config);
    expect(loaded.generationConfig).toEqual({ max_new_tokens: 4 });
    const seqs = [[1, 7, 33, 2, 19, 40], [45, 3, 3, 0, 12, 8]];
    const ids = tf.tensor2d(seqs, undefined, 'int32');
    const { logits, cache } = lmForward(loaded.config, loaded.weights, ids);
    const got = await logits.array();
    tf.dispose([ids, logits]);
    disposeKvCache(cache);
    disposeWeights(loaded.weights);
    const refVals = dtype === 'BF16' ? bf16Round(vals) : vals;
    let maxDiff = 0;
    seqs.forEach((seq, b) => reference(config, refVals, seq).forEach((row, t) => row.forEach((v, k) => {
      maxDiff = Math.max(maxDiff, Math.abs(v - (got[b]?.[t]?.[k] ?? NaN)));
    })));
    expect(maxDiff).toBeLessThanOrEqual(1e-4);
  });
});
