import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { coldItemSplit } from '../../data/splits/coldSplit';
import { columnsFromEvents } from '../../data/splits/fromEvents';
import { useTensorSuite } from '../../testing/tensorSuite';
import { gateWeights, initGateLogits } from './gating';
import { coldItemsOf } from '../../data/splits/coldSplit';
import { drawPadCandidates } from './padCandidates';
import { evaluateWarmCold } from './padEval';

useTensorSuite();

/** 12 users, user u has items u+1 … u+6: item 17 is only ever a user's last interaction. */
function split(): ReturnType<typeof coldItemSplit> {
  const users = Array.from({ length: 12 }, (_, u) => Array.from({ length: 6 }, (_, t) => ({ item: u + t + 1, ts: t })));
  return coldItemSplit(columnsFromEvents(users), 17, { fraction: 0.2, strategy: { kind: 'random', seed: 3 } });
}

/** Scores candidates by their column, so the target (column 0) ranks first — or all tie. */
const byColumn = (perfect: boolean) => (_inputs: tf.Tensor2D, candidates: tf.Tensor2D): tf.Tensor2D =>
  tf.tidy(() => (perfect ? tf.neg(tf.cast(tf.tile(tf.expandDims(tf.range(0, candidates.shape[1]), 0), [candidates.shape[0], 1]), 'float32')) : tf.zeros(candidates.shape)) as tf.Tensor2D);

describe('evaluateWarmCold', () => {
  const s = split();
  const e = { negatives: 4, k: 3, maxCases: 100, seed: 1 };

  it('warm cases are validation targets seen in training; cold cases are every cold interaction', async () => {
    const out = await evaluateWarmCold(s, drawPadCandidates(s, coldItemsOf(s), e), byColumn(true), 8, e);
    const cases = (segment: string): number | undefined => out.find((m) => m.protocol.segment === segment)?.protocol.cases;
    const seenValid = [...s.valid.target].filter((it) => s.train.values.includes(it)).length;
    expect(cases('warm')).toBe(seenValid);
    expect(seenValid).toBeLessThan(s.valid.target.length);
    expect(cases('cold')).toBe(s.test.user.length);
    expect(out.every((m) => m.value === 1)).toBe(true);
    expect(out.find((m) => m.protocol.segment === 'warm')?.protocol.candidates.neverNegatives).toBe(coldItemsOf(s).length);
  });

  it('ties count against the target (a constant scorer is never a hit)', async () => {
    const out = await evaluateWarmCold(s, drawPadCandidates(s, coldItemsOf(s), e), byColumn(false), 8, e);
    expect(out.filter((m) => m.name === 'HR').map((m) => m.value)).toEqual([0, 0]);
  });
});

describe('frequency-aware gates', () => {
  it('sum to one per item and give the rec-specific expert nothing in the cold bin', () => {
    const logits = initGateLogits(4, -4);
    const g = tf.tidy(() => gateWeights(logits as tf.Tensor2D, tf.tensor1d([0, 1, 3], 'int32')).arraySync() as number[][]);
    logits.dispose();
    for (const row of g) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(g[2]?.[0]).toBe(0);
    expect(g[0]?.[0]).toBeGreaterThan(g[0]?.[2] ?? 1); // frequent items lean on the ID expert at init
  });
});
