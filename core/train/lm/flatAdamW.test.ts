import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../rng';
import { adamwStep, defaultAdamW, disposeAdamWState, initAdamWState, type AdamWState } from './adamw';
import { clipByGlobalNorm } from './clip';
import { flatClipAdamW } from './flatAdamW';

useTensorSuite();

const rng = createRng(13);
const SHAPES: Record<string, number[]> = { 'q.lora_A': [4, 6], 'q.lora_B': [6, 4], norm: [6] }; // the norm gets no decay
const randomMap = (scale: number): Map<string, tf.Tensor> =>
  new Map(Object.entries(SHAPES).map(([name, shape]) => [name, tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => scale * rng.nextNormal()), shape)]));

async function flatValues(map: ReadonlyMap<string, tf.Tensor>): Promise<number[]> {
  const out: number[] = [];
  for (const t of map.values()) out.push(...(await t.data()));
  return out;
}

describe('flat clip → AdamW', () => {
  it.each([
    ['clipping active', 0.5],
    ['clipping inactive', 1e6],
    ['no clipping', null],
  ] as const)('takes the tensor path\'s steps (%s)', async (_name, maxNorm) => {
    const hp = { ...defaultAdamW(), weightDecay: 0.1 };
    let [pTensor, pFlat] = [randomMap(1), new Map<string, tf.Tensor>()];
    for (const [n, t] of pTensor) pFlat.set(n, tf.clone(t));
    let [sTensor, sFlat]: AdamWState[] = [initAdamWState(pTensor), initAdamWState(pFlat)];
    for (const lr of [0.01, 0.03, 0.005]) {
      const grads = randomMap(2);
      const clipped = clipByGlobalNorm(grads, maxNorm);
      const normTensor = (await clipped.norm.data())[0] as number;
      const next = adamwStep(pTensor, clipped.grads, sTensor as AdamWState, lr, hp);
      const flat = await flatClipAdamW(pFlat, grads, sFlat as AdamWState, lr, hp, maxNorm);
      expect(Math.abs(flat.gradNorm - normTensor) / normTensor).toBeLessThan(1e-6);
      tf.dispose([...grads.values(), ...clipped.grads.values(), clipped.norm, ...pTensor.values(), ...pFlat.values()]);
      [sTensor, sFlat].forEach((s) => disposeAdamWState(s as AdamWState));
      [pTensor, sTensor, pFlat, sFlat] = [next.params, next.state, flat.params, flat.state];
    }
    const [a, b] = [await flatValues(pTensor), await flatValues(pFlat)];
    a.forEach((x, i) => expect(Math.abs(x - (b[i] as number))).toBeLessThan(1e-6));
    const [ma, mb] = [await flatValues((sTensor as AdamWState).v), await flatValues((sFlat as AdamWState).v)];
    ma.forEach((x, i) => expect(Math.abs(x - (mb[i] as number))).toBeLessThan(1e-6 * Math.max(1, Math.abs(x))));
    expect((sFlat as AdamWState).step).toBe(3);
    tf.dispose([...pTensor.values(), ...pFlat.values()]);
    [sTensor, sFlat].forEach((s) => disposeAdamWState(s as AdamWState));
  });
});
