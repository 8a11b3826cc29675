/** Weight initialisers drawing from our seeded Rng (tfjs's own initialisers use their own seeds). */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../train/rng';

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** `count` Normal(0, std²) values. */
export function normalValues(count: number, std: number, rng: Rng): Float32Array {
  const values = new Float32Array(count);
  for (let i = 0; i < values.length; i++) values[i] = rng.nextNormal() * std;
  return values;
}

/** Glorot/Xavier normal std, as PyTorch's xavier_normal_. */
export function xavierStd(fanIn: number, fanOut: number): number {
  return Math.sqrt(2 / (fanIn + fanOut));
}


/** Variable with Glorot/Xavier-normal values. */
export function xavierNormalVariable(shape: number[], fanIn: number, fanOut: number, rng: Rng): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor(normalValues(product(shape), xavierStd(fanIn, fanOut), rng), shape)));
}

/** Uniform(±1/sqrt(fanIn)) variable: PyTorch's default bias init for Linear/Conv1d. */
export function fanInUniformVariable(shape: number[], fanIn: number, rng: Rng): tf.Variable {
  const limit = 1 / Math.sqrt(fanIn);
  const values = new Float32Array(product(shape));
  for (let i = 0; i < values.length; i++) values[i] = (2 * rng.nextFloat() - 1) * limit;
  return tf.tidy(() => tf.variable(tf.tensor(values, shape)));
}

/** All-zero variable. */
export function zerosVariable(shape: number[]): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zeros(shape)));
}
