/**
 * Component Fully-interactive LoRA (ReLLaX §3.4): ΔW = B·W·A with an r×r interaction matrix W
 * between LoRA's down- and up-projections, so every pair (B_i, A_j) can interact (w_ij), where
 * vanilla LoRA only has the diagonal (W = I). W is generated per instance from the frozen CRM's user
 * representation by a small network per adapted module (official `lora_gate`: LayerNorm → Linear →
 * GELU → Linear → reshape r×r); A and B stay frozen (loaded from the ReLLa LoRA).
 * Here W = I + gate(u) with the gate's last layer zero-initialised, so CFLoRA starts exactly at the
 * plain LoRA it is initialised from (a stability choice; the official gate has no identity term).
 */
import * as tf from '@tensorflow/tfjs';
import type { LoraAdapter } from '../../models/lora/adapter';
import { loraPair } from '../../models/lora/adapter';
import { loraScaling } from '../../models/lora/config';
import type { ProjectionDelta } from '../../models/lm/layers';
import type { Rng } from '../../train/rng';
import { mlp2 } from './gelu';

/**
 * ProjectionDelta scaling·((x·Aᵀ)·W_b)·Bᵀ, where rows of x [batch·T, in] belong to instance b in
 * blocks of T and `interaction(modulePath)` gives W [batch, r, r] (null = module not adapted).
 */
export function cfloraDelta(adapter: LoraAdapter, batch: number, interaction: (modulePath: string) => tf.Tensor3D | null): ProjectionDelta {
  const scaling = loraScaling(adapter.config);
  return (modulePath, x) => {
    const pair = loraPair(adapter, modulePath);
    const w = interaction(modulePath);
    if (pair === null || w === null) return null;
    return tf.tidy(() => {
      const r = pair.a.shape[0] as number;
      const xa = tf.reshape(tf.matMul(x, pair.a, false, true), [batch, -1, r]); // [batch, T, r]
      const mixed = tf.reshape(tf.matMul(xa, w), [-1, r]) as tf.Tensor2D;
      return tf.mul(tf.matMul(mixed, pair.b, false, true), scaling);
    });
  };
}

/** Identity interaction matrices [batch, r, r] (CFLoRA reduces to LoRA). */
export function identityInteraction(batch: number, r: number): tf.Tensor3D {
  return tf.tidy(() => tf.tile(tf.expandDims(tf.eye(r), 0), [batch, 1, 1]) as tf.Tensor3D);
}

/** Gate parameter names of one module (prefix `cflora.<modulePath>`). */
export function initCfloraGate(params: Map<string, tf.Tensor>, modulePath: string, userDim: number, r: number, rng: Rng): void {
  const prefix = `cflora.${modulePath}`;
  const hidden = 2 * r * r;
  const w1 = Float32Array.from({ length: userDim * hidden }, () => rng.nextNormal() * Math.sqrt(2 / (userDim + hidden)));
  params.set(`${prefix}.ln_gamma`, tf.ones([userDim]));
  params.set(`${prefix}.ln_beta`, tf.zeros([userDim]));
  params.set(`${prefix}.w1`, tf.tensor2d(w1, [userDim, hidden]));
  params.set(`${prefix}.b1`, tf.zeros([hidden]));
  params.set(`${prefix}.w2`, tf.zeros([hidden, r * r])); // zero → W = I at the start
  params.set(`${prefix}.b2`, tf.zeros([r * r]));
}

/** W [batch, r, r] = I + reshape(MLP(LayerNorm(u))) for user representations u [batch, userDim]. */
export function cfloraInteraction(params: ReadonlyMap<string, tf.Tensor>, modulePath: string, user: tf.Tensor2D, r: number): tf.Tensor3D {
  return tf.tidy(() => {
    const prefix = `cflora.${modulePath}`;
    const mean = tf.mean(user, -1, true);
    const centred = tf.sub(user, mean);
    const normed = tf.mul(centred, tf.rsqrt(tf.add(tf.mean(tf.mul(centred, centred), -1, true), 1e-5)));
    const ln = tf.add(tf.mul(normed, params.get(`${prefix}.ln_gamma`) ?? 1), params.get(`${prefix}.ln_beta`) ?? 0) as tf.Tensor2D;
    const out = tf.reshape(mlp2(ln, params, prefix), [-1, r, r]);
    return tf.add(out, tf.expandDims(tf.eye(r), 0)) as tf.Tensor3D;
  });
}
