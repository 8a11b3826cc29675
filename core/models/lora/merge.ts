/**
 * Merging a LoRA adapter into base weights, W' = W + scaling·B·A, and unmerging (W' − scaling·B·A).
 * Safe: every new weight is computed into a temporary and checked finite before any weight is
 * replaced (PEFT's merge(safe_merge=True)), so a failed merge leaves the weights untouched.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { loraScaling } from './config';
import { loraPair, parseLoraTensorName } from './adapter';
import type { LoraAdapter } from './adapter';

/** Module paths the adapter targets (from its lora_A names). */
function targetModules(adapter: LoraAdapter): string[] {
  const out: string[] = [];
  for (const name of adapter.tensors.keys()) {
    const parsed = parseLoraTensorName(name);
    if (parsed?.part === 'A') out.push(parsed.modulePath);
  }
  return out;
}

function candidates(weights: ReadonlyMap<string, tf.Tensor>, adapter: LoraAdapter, sign: 1 | -1): Map<string, tf.Tensor> {
  const scale = sign * loraScaling(adapter.config);
  const out = new Map<string, tf.Tensor>();
  for (const modulePath of targetModules(adapter)) {
    const name = `${modulePath}.weight`;
    const w = weights.get(name);
    const pair = loraPair(adapter, modulePath);
    if (w === undefined || pair === null) {
      tf.dispose([...out.values()]);
      throw new RecForgeError('validation', `cannot merge LoRA: base weights have no ${name}`);
    }
    out.set(name, tf.tidy(() => tf.add(w, tf.mul(tf.matMul(pair.b, pair.a), scale))));
  }
  return out;
}

async function isAllFinite(t: tf.Tensor): Promise<boolean> {
  const ok = tf.tidy(() => tf.all(tf.isFinite(t)));
  const value = (await ok.data())[0];
  ok.dispose();
  return value === 1;
}

async function apply(weights: Map<string, tf.Tensor>, adapter: LoraAdapter, sign: 1 | -1): Promise<void> {
  const next = candidates(weights, adapter, sign);
  for (const [name, t] of next) {
    if (!(await isAllFinite(t))) {
      tf.dispose([...next.values()]);
      throw new RecForgeError('validation', `LoRA ${sign > 0 ? 'merge' : 'unmerge'} would make ${name} non-finite; weights left unchanged`);
    }
  }
  for (const [name, t] of next) {
    weights.get(name)?.dispose();
    weights.set(name, t);
  }
}

/** W ← W + scaling·B·A for every targeted projection (old tensors disposed). Throws, changing nothing, if any result is non-finite. */
export function mergeLoraAdapter(weights: Map<string, tf.Tensor>, adapter: LoraAdapter): Promise<void> {
  return apply(weights, adapter, 1);
}

/** W ← W − scaling·B·A: undoes mergeLoraAdapter (up to float rounding). Same safety as merge. */
export function unmergeLoraAdapter(weights: Map<string, tf.Tensor>, adapter: LoraAdapter): Promise<void> {
  return apply(weights, adapter, -1);
}
