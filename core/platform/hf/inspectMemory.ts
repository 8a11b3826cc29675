/**
 * Memory estimates for deciding, before loading anything, whether a checkpoint can run or be
 * LoRA-fine-tuned here. Inference reuses estimateLmMemory; LoRA training adds adapter parameters
 * with their gradients and Adam moments, and the activations kept for backprop. The engine holds
 * everything in float32 whatever the dtype on disk. Pure math; lives next to inspect.ts because it
 * serves the folder report (it could move to core/models/lm/ with no change).
 */
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { estimateLmMemory, parameterCount } from '../../models/lm/weights';
import type { Projection } from '../../models/lm/weights';
import { expectedLoraShapes } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';

/** Shape of a LoRA fine-tuning run for the estimate. */
export interface LoraMemoryOptions {
  readonly rank?: number; // default 8
  readonly targetModules?: readonly Projection[]; // default q_proj, v_proj (PEFT's default for LLaMA)
  readonly batch?: number; // sequences per step, default 1
  readonly seqLen?: number; // tokens per sequence, default 512
}

/** Bytes a LoRA training step needs. */
export interface LoraMemoryEstimate {
  readonly loraParameters: number;
  /** Frozen base weights (float32). */
  readonly weightBytes: number;
  /** Adapter weights + gradients + Adam m and v (4 float32 copies). */
  readonly adapterBytes: number;
  /** Forward activations kept for backprop, plus the logits and their gradient. */
  readonly activationBytes: number;
  readonly totalBytes: number;
}

const F32 = 4;

function loraParameterCount(c: LmConfig, rank: number, targets: readonly Projection[]): number {
  const lora = defaultLoraConfig({ r: rank, target_modules: [...targets] });
  let n = 0;
  for (const shape of expectedLoraShapes(c, lora).values()) n += shape.reduce((a, b) => a * b, 1);
  return n;
}

/** Floats one token keeps per layer for backprop: norms, q/k/v (+ RoPE), attention probs, MLP branches. */
function activationFloatsPerToken(c: LmConfig, seqLen: number, rank: number, targets: number): number {
  const q = c.numHeads * c.headDim;
  const kv = c.numKvHeads * c.headDim;
  return 6 * c.hiddenSize + 3 * q + 4 * kv + 2 * c.numHeads * seqLen + 4 * c.intermediateSize + rank * targets;
}

/** Estimates the memory of LoRA fine-tuning `c` (rough: within tens of percent of tfjs' peak). */
export function estimateLoraTrainingMemory(c: LmConfig, opts: LoraMemoryOptions = {}): LoraMemoryEstimate {
  const rank = opts.rank ?? 8;
  const targets = opts.targetModules ?? ['q_proj', 'v_proj'];
  const batch = opts.batch ?? 1;
  const seqLen = opts.seqLen ?? 512;
  const loraParameters = loraParameterCount(c, rank, targets);
  const weightBytes = parameterCount(c) * F32;
  const adapterBytes = 4 * loraParameters * F32;
  const tokens = batch * seqLen;
  const activationBytes = (c.numLayers * tokens * activationFloatsPerToken(c, seqLen, rank, targets.length) + 3 * tokens * c.vocabSize) * F32;
  return { loraParameters, weightBytes, adapterBytes, activationBytes, totalBytes: weightBytes + adapterBytes + activationBytes };
}

/** Inference estimate with float32 weights (how the engine holds them). */
export function estimateInferenceMemory(c: LmConfig, batch = 1, seqLen = Math.min(c.maxPositionEmbeddings, 2048)): ReturnType<typeof estimateLmMemory> {
  return estimateLmMemory(c, batch, seqLen, F32);
}

/** "1.5 GiB"-style size. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u] as string}`;
}

/** Outcome of fitsInMemory. */
export interface MemoryVerdict {
  readonly fits: boolean;
  readonly requiredBytes: number;
  readonly availableBytes: number;
  /** One sentence for the UI: what is needed, what is there, what to change. */
  readonly message: string;
}

/** "weight 1.2 GiB + kv cache 64.0 MiB + …" from the estimate's `*Bytes` fields. */
function breakdown(estimate: object): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(estimate as Record<string, unknown>)) {
    if (!k.endsWith('Bytes') || k === 'totalBytes' || typeof v !== 'number' || v <= 0) continue;
    parts.push(`${k.replace(/Bytes$/, '').replace(/([A-Z])/g, ' $1').toLowerCase()} ${formatBytes(v)}`);
  }
  return parts.join(' + ');
}

/** Compares an estimate (inference or LoRA) with the memory available; explains a refusal. */
export function fitsInMemory(estimate: { readonly totalBytes: number }, availableBytes: number): MemoryVerdict {
  const requiredBytes = estimate.totalBytes;
  const fits = requiredBytes <= availableBytes;
  const need = `needs about ${formatBytes(requiredBytes)} (${breakdown(estimate)})`;
  const message = fits
    ? `fits: ${need}, ${formatBytes(availableBytes)} available`
    : `does not fit: ${need} but only ${formatBytes(availableBytes)} is available; use a shorter sequence length, a smaller batch or a smaller model`;
  return { fits, requiredBytes, availableBytes, message };
}

/** Throws RecForgeError('validation') with fitsInMemory's message when the estimate does not fit. */
export function assertFitsInMemory(estimate: { readonly totalBytes: number }, availableBytes: number, what = 'this model'): void {
  const verdict = fitsInMemory(estimate, availableBytes);
  if (!verdict.fits) throw new RecForgeError('validation', `${what} ${verdict.message}`);
}
