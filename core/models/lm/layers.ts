/** Building blocks of the decoder: RMSNorm, linear projections (with an optional additive delta), RoPE, SwiGLU. */
import * as tf from '@tensorflow/tfjs';
import { ropeByKernel, ropeKernelFits } from '../../tensor/patches/ropeKernel';
import type { LmConfig } from './config';
import { projectionPath, requireWeight } from './weights';
import type { Projection } from './weights';

/**
 * Extra output added to a projection: called with the module path (`model.layers.0.self_attn.q_proj`)
 * and its 2-D input [N, in]; returns [N, out] or null. LoRA plugs in here.
 */
export type ProjectionDelta = (modulePath: string, x: tf.Tensor2D) => tf.Tensor | null;

/** y = x / sqrt(mean(x²) + eps) · weight over the last axis. */
export function rmsNorm(x: tf.Tensor, weight: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.mul(x, x), -1, true), eps))), weight));
}

/** x·Wᵀ (+ b) (+ delta) over the last axis of x, with W stored [out, in] as in PyTorch. */
export function linear(
  x: tf.Tensor,
  weights: ReadonlyMap<string, tf.Tensor>,
  layer: number,
  proj: Projection,
  delta?: ProjectionDelta,
): tf.Tensor {
  return tf.tidy(() => {
    const path = projectionPath(layer, proj);
    const w = requireWeight(weights, `${path}.weight`);
    const x2 = tf.reshape(x, [-1, x.shape[x.shape.length - 1] as number]) as tf.Tensor2D;
    let y = tf.matMul(x2, w, false, true);
    const b = weights.get(`${path}.bias`);
    if (b !== undefined) y = tf.add(y, b);
    const extra = delta?.(path, x2) ?? null;
    if (extra !== null) y = tf.add(y, extra);
    return tf.reshape(y, [...x.shape.slice(0, -1), w.shape[0] as number]);
  });
}

/** cos and sin tables [T, headDim] for positions start..start+T−1 (halves repeated, HF layout). */
export function ropeTables(c: LmConfig, start: number, length: number): { cos: tf.Tensor2D; sin: tf.Tensor2D } {
  const half = c.headDim / 2;
  const cos = new Float32Array(length * c.headDim);
  const sin = new Float32Array(length * c.headDim);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < half; i++) {
      const angle = (start + t) * c.ropeTheta ** (-(2 * i) / c.headDim);
      for (const j of [i, i + half]) {
        cos[t * c.headDim + j] = Math.cos(angle);
        sin[t * c.headDim + j] = Math.sin(angle);
      }
    }
  }
  return { cos: tf.tensor2d(cos, [length, c.headDim]), sin: tf.tensor2d(sin, [length, c.headDim]) };
}

/**
 * RoPE tables [B, 1, T, headDim] at explicit positions ([B·T], e.g. restarting at every example
 * packed into a row): the contiguous tables, gathered per token.
 */
export function ropeAtPositions(c: LmConfig, positions: Int32Array, batch: number, length: number): { cos: tf.Tensor; sin: tf.Tensor } {
  return tf.tidy(() => {
    const maxPos = positions.reduce((m, p) => Math.max(m, p), 0);
    const { cos, sin } = ropeTables(c, 0, maxPos + 1);
    const idx = tf.tensor1d(positions, 'int32');
    const shape = [batch, 1, length, c.headDim];
    return { cos: tf.reshape(tf.gather(cos, idx), shape), sin: tf.reshape(tf.gather(sin, idx), shape) };
  });
}

/**
 * RoPE on [B, H, T, dh]: x·cos + rotate_half(x)·sin, rotate_half(x) = [−x₂, x₁] (first/second half).
 * On wasm one kernel pass (core/tensor/patches/ropeKernel.ts), its gradient the transposed rotation.
 */
export function applyRope(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): tf.Tensor {
  if (ropeKernelFits(x, cos, sin)) {
    const rotate = tf.customGrad((input, save) => {
      // Saved, not captured: the tables are often made inside the forward's tidy, gone by backward.
      (save as tf.GradSaveFunc)([cos, sin]);
      return {
        value: ropeByKernel(input as tf.Tensor, cos, sin, false),
        gradFunc: (dy, saved) => ropeByKernel(dy as tf.Tensor, saved[0] as tf.Tensor, saved[1] as tf.Tensor, true),
      };
    });
    return rotate(x);
  }
  return tf.tidy(() => {
    const half = (x.shape[3] as number) / 2;
    const [x1, x2] = tf.split(x, [half, half], 3) as [tf.Tensor, tf.Tensor];
    const rotated = tf.concat([tf.neg(x2), x1], 3);
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  });
}

/** SwiGLU MLP: down(silu(gate(x)) · up(x)). */
export function mlp(x: tf.Tensor, weights: ReadonlyMap<string, tf.Tensor>, layer: number, delta?: ProjectionDelta): tf.Tensor {
  return tf.tidy(() => {
    const gate = linear(x, weights, layer, 'gate_proj', delta);
    const up = linear(x, weights, layer, 'up_proj', delta);
    const act = tf.mul(tf.mul(gate, tf.sigmoid(gate)), up);
    return linear(act, weights, layer, 'down_proj', delta);
  });
}
