/**
 * LoRA adapters over decoder projections, with PEFT tensor names
 * (`base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight` [r, in], `lora_B.weight` [out, r]).
 * Forward: y = x·Wᵀ + scaling·(x·Aᵀ)·Bᵀ, plugged into lmForward as a ProjectionDelta.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { createRng } from '../../train/rng';
import type { LmConfig } from '../lm/config';
import type { ProjectionDelta } from '../lm/layers';
import { PROJECTIONS, projectionPath, projectionShape } from '../lm/weights';
import { isLoraTarget, loraScaling } from './config';
import type { LoraConfig } from './config';

/** A LoRA adapter: its config and A/B tensors by PEFT name. The adapter owns its tensors. */
export interface LoraAdapter {
  readonly config: LoraConfig;
  readonly tensors: Map<string, tf.Tensor>;
}

const PEFT_PREFIX = 'base_model.model.';
const NAME_RE = /^base_model\.model\.(.+)\.lora_([AB])\.weight$/;

/** PEFT tensor name of the A or B matrix of module `modulePath`. */
export function loraTensorName(modulePath: string, part: 'A' | 'B'): string {
  return `${PEFT_PREFIX}${modulePath}.lora_${part}.weight`;
}

/** Splits a PEFT LoRA tensor name into module path and part, or null if it is not one. */
export function parseLoraTensorName(name: string): { modulePath: string; part: 'A' | 'B' } | null {
  const m = NAME_RE.exec(name);
  return m?.[1] === undefined ? null : { modulePath: m[1], part: m[2] === 'A' ? 'A' : 'B' };
}

/** Every A/B tensor the adapter must hold for `lm`, name → shape. */
export function expectedLoraShapes(lm: LmConfig, c: LoraConfig): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let layer = 0; layer < lm.numLayers; layer++) {
    for (const proj of PROJECTIONS) {
      if (!isLoraTarget(c, layer, proj)) continue;
      const [outDim, inDim] = projectionShape(lm, proj);
      out.set(loraTensorName(projectionPath(layer, proj), 'A'), [c.r, inDim]);
      out.set(loraTensorName(projectionPath(layer, proj), 'B'), [outDim, c.r]);
    }
  }
  return out;
}

/**
 * A fresh adapter as PEFT initialises it: A kaiming-uniform with a = √5 (bound 1/√in), B zeros,
 * so the adapted model starts equal to the base. Deterministic in `seed`.
 */
export function initLoraAdapter(lm: LmConfig, c: LoraConfig, seed: number): LoraAdapter {
  const rng = createRng(seed);
  const tensors = new Map<string, tf.Tensor>();
  for (const [name, shape] of expectedLoraShapes(lm, c)) {
    const values = new Float32Array((shape[0] as number) * (shape[1] as number));
    if (name.endsWith('lora_A.weight')) {
      const bound = 1 / Math.sqrt(shape[1] as number);
      for (let i = 0; i < values.length; i++) values[i] = (2 * rng.nextFloat() - 1) * bound;
    }
    tensors.set(name, tf.tensor2d(values, shape as [number, number]));
  }
  return { config: c, tensors };
}

/** The A and B tensors of a module, or null when the adapter does not target it. */
export function loraPair(adapter: LoraAdapter, modulePath: string): { a: tf.Tensor; b: tf.Tensor } | null {
  const a = adapter.tensors.get(loraTensorName(modulePath, 'A'));
  const b = adapter.tensors.get(loraTensorName(modulePath, 'B'));
  if (a === undefined && b === undefined) return null;
  if (a === undefined || b === undefined) throw new RecForgeError('validation', `LoRA adapter has only one of lora_A / lora_B for ${modulePath}`);
  return { a, b };
}

/** ProjectionDelta computing scaling·(x·Aᵀ)·Bᵀ for targeted modules (inference: no dropout). */
export function loraDelta(adapter: LoraAdapter): ProjectionDelta {
  const scaling = loraScaling(adapter.config);
  return (modulePath, x) => {
    const pair = loraPair(adapter, modulePath);
    if (pair === null) return null;
    return tf.tidy(() => tf.mul(tf.matMul(tf.matMul(x, pair.a, false, true), pair.b, false, true), scaling));
  };
}

/** Frees every tensor of the adapter. */
export function disposeLoraAdapter(adapter: LoraAdapter): void {
  for (const t of adapter.tensors.values()) t.dispose();
  adapter.tensors.clear();
}
