/**
 * Base weights with a LoRA adapter folded in (W' = W + scaling·B·A), for evaluation only. Scoring
 * the folded weights costs the same as the plain decoder, while scoring through the adapter's
 * additive delta adds two matmuls per targeted projection and call — the λ grid and the studio's
 * slider score hundreds of prompts per λ. Untargeted tensors are shared with the base (never
 * disposed here); only the folded ones are new.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { loraPair, parseLoraTensorName, type LoraAdapter } from '../../models/lora/adapter';
import { loraScaling } from '../../models/lora/config';

/** Folded weights and the tensors this call created (dispose those, not the map). */
export interface FoldedWeights {
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly owned: readonly tf.Tensor[];
}

/** The base with `adapter` folded into every projection it targets. */
export function foldAdapter(base: ReadonlyMap<string, tf.Tensor>, adapter: LoraAdapter): FoldedWeights {
  const weights = new Map(base);
  const owned: tf.Tensor[] = [];
  const scale = loraScaling(adapter.config);
  for (const name of adapter.tensors.keys()) {
    const parsed = parseLoraTensorName(name);
    if (parsed?.part !== 'A') continue;
    const key = `${parsed.modulePath}.weight`;
    const w = base.get(key);
    const pair = loraPair(adapter, parsed.modulePath);
    if (w === undefined || pair === null) {
      tf.dispose(owned);
      throw new RecForgeError('validation', `cannot fold LoRA: base weights have no ${key}`);
    }
    const folded = tf.tidy(() => tf.add(w, tf.mul(tf.matMul(pair.b, pair.a), scale)));
    owned.push(folded);
    weights.set(key, folded);
  }
  return { weights, owned };
}

/** Runs `f` on the folded weights and frees them afterwards. */
export async function withFolded<T>(base: ReadonlyMap<string, tf.Tensor>, adapter: LoraAdapter, f: (w: ReadonlyMap<string, tf.Tensor>) => Promise<T>): Promise<T> {
  const folded = foldAdapter(base, adapter);
  try {
    return await f(folded.weights);
  } finally {
    tf.dispose([...folded.owned]);
  }
}
