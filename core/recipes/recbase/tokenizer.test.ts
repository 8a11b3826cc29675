import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { corpusItemTexts } from './itemTexts';
import { itemContentVectors } from './textEncoder';
import { disposeQuantiser } from './quantiser';
import { resolveCollisions } from './semanticIds';
import { defaultQuantiserConfig } from './settings';
import { syntheticCorpus } from './testFixtures';
import { buildTokenizer } from './tokenizer';

useTensorSuite();

describe('item vectors', () => {
  it('are deterministic, unit-norm, and closer for items sharing words', () => {
    const texts = ['Describe a movie:\n{"title": "haunted crypt saga"}', 'Describe a book:\n{"title": "haunted crypt novel"}', 'Describe a game:\n{"title": "jolly picnic quest"}'];
    const a = itemContentVectors(texts, 32);
    expect(Array.from(itemContentVectors(texts, 32))).toEqual(Array.from(a));
    const row = (i: number): number[] => Array.from(a.subarray(i * 32, (i + 1) * 32));
    const dot = (x: number[], y: number[]): number => x.reduce((s, v, j) => s + v * (y[j] ?? 0), 0);
    expect(dot(row(0), row(0))).toBeCloseTo(1, 4);
    expect(dot(row(0), row(1))).toBeGreaterThan(dot(row(0), row(2)));
  });
});

describe('collision resolution', () => {
  it('gives every item a unique fixed-length ID', () => {
    const s = resolveCollisions(Int32Array.from([1, 2, 1, 2, 0, 3, 1, 2]), 2, 4);
    expect(Array.from(s.ids)).toEqual([1, 2, 0, 1, 2, 1, 0, 3, 0, 1, 2, 2]);
    expect(s.disambiguation).toBe(3);
  });
});

describe('RQ-VAE vs CL-VAE', () => {
  it('CL-VAE uses more level-1 codes and collides less than plain RQ-VAE (same seed and budget)', async () => {
    const corpus = syntheticCorpus();
    const v = itemContentVectors(corpusItemTexts(corpus), 32);
    const rows = corpus.items.map((_, i) => i);
    const s = { ...defaultQuantiserConfig(), levels: 2, codes: 32, latentDim: 8, hiddenDim: 32, stepsPerLevel: 60, batchSize: 72 };
    const rq = await buildTokenizer(v, 32, rows, s, 'rq-vae', 3);
    const cl = await buildTokenizer(v, 32, rows, s, 'cl-vae', 3);
    try {
      expect(cl.metrics.utilisation[0]).toBeGreaterThan(rq.metrics.utilisation[0] ?? 1);
      expect(cl.metrics.collisionRate).toBeLessThanOrEqual(rq.metrics.collisionRate);
      expect(cl.stages.map((st) => st.activeLevels)).toEqual([1, 2]);
      expect(new Set(Array.from({ length: cl.ids.items }, (_, i) => cl.ids.ids.subarray(i * 3, i * 3 + 3).join())).size).toBe(cl.ids.items);
      expect(tf.memory().numTensors).toBeGreaterThan(0);
    } finally {
      disposeQuantiser(rq.params);
      disposeQuantiser(cl.params);
    }
  });
});
