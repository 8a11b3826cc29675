import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SasRecConfig } from '../../protocol/dto';
import { useTensorSuite } from '../../testing/tensorSuite';
import { toyLeaveOneOut } from '../../testing/fixtures';
import { createRng } from '../../train/rng';
import { createBatchSampler, type SeqBatch } from '../../train/sampler';
import { getModelFamily } from '../registry';
import type { SeqBatchTensors, SequentialRecModel } from '../types';
import { defaultSasRecConfig, encodeSequence, initSasRecParams, sasrecVariables } from './index';

const NUM_ITEMS = 20;
const CONFIGS: [string, SasRecConfig][] = [
  ['1 head, 2 blocks', { hidden: 16, blocks: 2, heads: 1, maxLen: 8, dropout: 0.2 }],
  ['2 heads, 1 block', { hidden: 16, blocks: 1, heads: 2, maxLen: 8, dropout: 0.2 }],
];

function toTensors(b: SeqBatch): SeqBatchTensors {
  const shape: [number, number] = [b.size, b.maxLen];
  return { inputs: tf.tensor2d(b.inputs, shape, 'int32'), positives: tf.tensor2d(b.positives, shape, 'int32'), negatives: tf.tensor2d(b.negatives, shape, 'int32') };
}

function firstBatch(config: SasRecConfig, batchSize: number): SeqBatch {
  const data = toyLeaveOneOut({ users: 24, numItems: NUM_ITEMS, length: (u) => 4 + (u % 9), seed: 3 });
  const batch = createBatchSampler(data, config.maxLen, batchSize).epoch(createRng(1)).next().value;
  if (batch === undefined) throw new Error('no batch');
  return batch;
}

useTensorSuite();

describe.each(CONFIGS)('SASRec (%s)', (_name, config) => {
  let model: SequentialRecModel;
  beforeEach(() => {
    model = getModelFamily('sasrec').build(config, NUM_ITEMS, 5);
  });
  afterEach(() => model.dispose());

  it('produces outputs of the right shapes', async () => {
    const batch = toTensors(firstBatch(config, 6));
    const cands = tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9], [1, 1, 1], [2, 2, 2], [3, 3, 3]], [6, 3], 'int32');
    const loss = model.loss(batch, createRng(1));
    const some = model.scoreCandidates(batch.inputs, cands);
    const all = model.scoreAll(batch.inputs);
    expect(loss.shape).toEqual([]);
    expect(Number.isFinite((await loss.data())[0])).toBe(true);
    expect(some.shape).toEqual([6, 3]);
    expect(all.shape).toEqual([6, NUM_ITEMS + 1]);
    // Candidate scores are the matching columns of the full scores.
    const allV = await all.array();
    const someV = await some.array();
    expect(someV[1]?.[2]).toBeCloseTo(allV[1]?.[6] ?? NaN, 4);
    tf.dispose([loss, some, all, cands, batch.inputs, batch.positives, batch.negatives]);
  });

  it('learns: loss decreases over a few Adam steps', async () => {
    const batch = toTensors(firstBatch(config, 64));
    const opt = tf.train.adam(1e-2, 0.9, 0.98);
    const rng = createRng(2);
    const losses: number[] = [];
    for (let step = 0; step < 25; step++) {
      const cost = opt.minimize(() => model.loss(batch, rng), true, [...model.variables.values()]);
      losses.push(cost === null ? NaN : ((await cost.data())[0] ?? NaN));
      cost?.dispose();
    }
    opt.dispose();
    tf.dispose([batch.inputs, batch.positives, batch.negatives]);
    expect(losses.every(Number.isFinite)).toBe(true);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-5))).toBeLessThan(0.7 * mean(losses.slice(0, 5)));
  });
});

describe('SASRec encoder', () => {
  const config: SasRecConfig = { hidden: 8, blocks: 2, heads: 2, maxLen: 6, dropout: 0.2 };

  it('is causal: changing a later item leaves earlier positions unchanged', async () => {
    const params = initSasRecParams(config, NUM_ITEMS, createRng(9));
    const opts = { training: false, rng: null, dropout: config.dropout, heads: config.heads };
    const run = async (seq: number[]): Promise<number[][][]> => {
      const input = tf.tensor2d([seq], [1, 6], 'int32');
      const h = encodeSequence(params, input, opts);
      const v = await h.array();
      tf.dispose([input, h]);
      return v;
    };
    const a = (await run([0, 0, 3, 5, 7, 9]))[0] ?? [];
    const b = (await run([0, 0, 3, 5, 11, 2]))[0] ?? [];
    for (let t = 0; t < 4; t++) (a[t] ?? []).forEach((x, j) => expect(x).toBeCloseTo(b[t]?.[j] ?? NaN, 5));
    expect(Math.abs((a[4]?.[0] ?? 0) - (b[4]?.[0] ?? 0))).toBeGreaterThan(1e-6);
    // Padding positions are exactly zero before the final norm, so all-pad rows come out equal (= beta).
    expect(a[0]).toEqual(a[1]);
    for (const v of sasrecVariables(params).values()) v.dispose();
  });

  it('is deterministic in the seed and zeroes the padding row', async () => {
    const m1 = getModelFamily('sasrec').build(config, NUM_ITEMS, 11);
    const m2 = getModelFamily('sasrec').build(config, NUM_ITEMS, 11);
    const e1 = m1.variables.get('item_emb');
    const e2 = m2.variables.get('item_emb');
    const v1 = (await e1?.array()) as number[][];
    expect(v1).toEqual(await e2?.array());
    expect(v1[0]).toEqual(new Array(8).fill(0));
    expect([...m1.variables.keys()]).toContain('blocks.1.value.w');
    m1.dispose();
    m2.dispose();
  });

  it('rejects configs it cannot build', () => {
    expect(() => getModelFamily('sasrec').build({ ...config, hidden: 10, heads: 3 }, NUM_ITEMS, 1)).toThrow(/divisible by heads/);
    expect(() => getModelFamily('sasrec').build({ ...config, dropout: 2 }, NUM_ITEMS, 1)).toThrow(/invalid SASRec config/);
  });

  it('defaults come from the protocol', () => {
    expect(defaultSasRecConfig()).toEqual({ hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 });
  });
});
