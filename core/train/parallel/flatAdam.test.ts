import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { getModelFamily } from '../../models/registry';
import type { SequentialRecModel } from '../../models/types';
import { useTensorSuite } from '../../testing/tensorSuite';
import { checkpointBytes, momentsOfOptimizer, restoreCheckpoint } from '../checkpoint';
import { createAdam, SASREC_ADAM, setLearningRate } from '../optimizer';
import { createRng } from '../rng';
import { createFlatAdam, flatAdamFrom, flatAdamStep, flatMoments } from './flatAdam';
import { flatLayout, readFlat, writeFlat } from './flatGrads';

useTensorSuite();

const CONFIG = { hidden: 8, blocks: 1, heads: 1, maxLen: 4, dropout: 0 };
const build = (): SequentialRecModel => getModelFamily('sasrec').build(CONFIG, 12, 1);

/** Seeded gradients for every variable, one set per step; some exactly zero, as unused rows are. */
function gradients(model: SequentialRecModel, steps: number): Float32Array[] {
  const rng = createRng(5);
  const length = flatLayout(model.variables).length;
  return Array.from({ length: steps }, () => Float32Array.from({ length }, (_, i) => (i % 7 === 0 ? 0 : rng.nextFloat() * 2 - 1)));
}

async function flatWeights(model: SequentialRecModel): Promise<Float32Array> {
  const out = new Float32Array(flatLayout(model.variables).length);
  await writeFlat(flatLayout(model.variables), model.variables, out);
  return out;
}

function worstGap(a: Float32Array, b: Float32Array): number {
  return a.reduce((worst, x, i) => Math.max(worst, Math.abs(x - (b[i] as number))), 0);
}

const LRS = [0.01, 0.02, 0.005, 0.01, 0.03];

describe('flat Adam', () => {
  it("takes tfjs AdamOptimizer's steps (moments, bias corrections, changing learning rates)", async () => {
    const model = build();
    const layout = flatLayout(model.variables);
    const opt = createAdam(LRS[0] as number);
    const weights = await flatWeights(model);
    const adam = createFlatAdam(layout.length, SASREC_ADAM);
    const grads = gradients(model, LRS.length);
    LRS.forEach((lr, step) => {
      const g = grads[step] as Float32Array;
      const named = readFlat(layout, g);
      setLearningRate(opt, lr);
      opt.applyGradients([...named].map(([name, tensor]) => ({ name: model.variables.get(name)?.name as string, tensor })));
      tf.dispose([...named.values()]);
      flatAdamStep(adam, weights, g, lr);
    });
    expect(worstGap(await flatWeights(model), weights)).toBeLessThan(1e-6);
    const moments = await momentsOfOptimizer(model, opt);
    expect(moments.iterations).toBe(LRS.length);
    const flat = flatMoments(adam, layout);
    for (const [name, m] of moments.m) expect(worstGap(m, flat.m.get(name) as Float32Array)).toBeLessThan(1e-6);
    for (const [name, v] of moments.v) expect(worstGap(v, flat.v.get(name) as Float32Array)).toBeLessThan(1e-6);
    const untrained = build();
    expect(worstGap(weights, await flatWeights(untrained))).toBeGreaterThan(1e-3); // the updates moved the weights
    [opt, model, untrained].forEach((t) => t.dispose());
  });

  it('continues exactly from its own checkpoint (moments and update count survive the round trip)', async () => {
    const model = build();
    const layout = flatLayout(model.variables);
    const grads = gradients(model, LRS.length);
    const straight = await flatWeights(model);
    const straightAdam = createFlatAdam(layout.length, SASREC_ADAM);
    LRS.forEach((lr, step) => flatAdamStep(straightAdam, straight, grads[step] as Float32Array, lr));

    const weights = await flatWeights(model);
    const first = createFlatAdam(layout.length, SASREC_ADAM);
    LRS.slice(0, 2).forEach((lr, step) => flatAdamStep(first, weights, grads[step] as Float32Array, lr));
    const named = readFlat(layout, weights);
    for (const [name, t] of named) model.variables.get(name)?.assign(t);
    tf.dispose([...named.values()]);
    const bytes = await checkpointBytes(model, flatMoments(first, layout), { epoch: 1, step: 2, config: CONFIG, rng: {} });

    const resumedModel = getModelFamily('sasrec').build(CONFIG, 12, 9);
    const opt = createAdam(1e-3);
    await restoreCheckpoint(resumedModel, opt, bytes);
    const resumed = await flatWeights(resumedModel);
    const adam = flatAdamFrom(await momentsOfOptimizer(resumedModel, opt), layout, SASREC_ADAM);
    LRS.slice(2).forEach((lr, k) => flatAdamStep(adam, resumed, grads[k + 2] as Float32Array, lr));
    expect(Array.from(resumed)).toEqual(Array.from(straight));
    opt.dispose();
    model.dispose();
    resumedModel.dispose();
  });
});
