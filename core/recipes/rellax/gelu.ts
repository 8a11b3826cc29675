/** GELU, tanh approximation (Hendrycks & Gimpel), as used by ReLLaX's projector MLPs. */
import * as tf from '@tensorflow/tfjs';

/** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  });
}

/** Two-layer MLP x·W1 + b1 → GELU → ·W2 + b2 over named tensors `${prefix}.{w1,b1,w2,b2}`. */
export function mlp2(x: tf.Tensor2D, p: ReadonlyMap<string, tf.Tensor>, prefix: string): tf.Tensor2D {
  return tf.tidy(() => {
    const get = (n: string): tf.Tensor => {
      const t = p.get(`${prefix}.${n}`);
      if (t === undefined) throw new Error(`missing parameter ${prefix}.${n}`);
      return t;
    };
    const h = gelu(tf.add(tf.matMul(x, get('w1')), get('b1')));
    return tf.add(tf.matMul(h as tf.Tensor2D, get('w2')), get('b2')) as tf.Tensor2D;
  });
}
