import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../testing/tensorSuite';
import { digestInts, sourcesDigest, weightsDigest } from './contentDigest';
import type { RecipeSource } from './runner';

useTensorSuite();

function source(): RecipeSource {
  return {
    name: 'toy',
    users: ['u1', 'u2'],
    items: [{ rawId: 'a', title: 'A', genres: ['x'], text: 'A (x)' }, { rawId: 'b', title: null, genres: [], text: 'B' }],
    rows: { userIdx: Int32Array.from([0, 0, 1]), itemIdx: Int32Array.from([1, 2, 1]), ts: Float64Array.from([10, 20, 15]), ord: Int32Array.from([0, 1, 2]), rating: Float64Array.from([4, NaN, 5]) },
  };
}

describe('sourcesDigest', () => {
  it('is equal for equal content and moves with any text, id, row value or rating', () => {
    const base = sourcesDigest([source()]);
    expect(sourcesDigest([source()])).toBe(base);
    const s = source();
    const variants: RecipeSource[] = [
      { ...s, name: 'toy2' },
      { ...s, userSpace: 'other' },
      { ...s, users: ['u1', 'u3'] },
      { ...s, items: [{ ...s.items[0]!, text: 'A (y)' }, s.items[1]!] },
      { ...s, items: [s.items[0]!, { ...s.items[1]!, title: '' }] },
      { ...s, items: [{ ...s.items[0]!, genres: ['x', 'y'] }, s.items[1]!] },
      { ...s, rows: { ...s.rows, ts: Float64Array.from([10, 20, 15.000001]) } },
      { ...s, rows: { ...s.rows, itemIdx: Int32Array.from([1, 2, 2]) } },
      { ...s, rows: { ...s.rows, rating: Float64Array.from([4, 3, 5]) } },
      { ...s, rows: { userIdx: s.rows.userIdx, itemIdx: s.rows.itemIdx, ts: s.rows.ts, ord: s.rows.ord } },
    ];
    const digests = variants.map((v) => sourcesDigest([v]));
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
    expect(sourcesDigest([source(), source()])).not.toBe(base);
  });
});

describe('weightsDigest', () => {
  it('is order-independent and moves with a name, a shape or one value', () => {
    const w = (v: number, name = 'b'): Map<string, tf.Tensor> => new Map([['a', tf.tensor([1, 2, 3, 4])], [name, tf.tensor([[v, 0]])]]);
    const disposeAll = (m: Map<string, tf.Tensor>): void => m.forEach((t) => t.dispose());
    const one = w(0.5);
    const again = new Map([...w(0.5)].reverse());
    const moved = w(0.50001);
    const renamed = w(0.5, 'c');
    const reshaped = new Map([['a', tf.tensor([[1, 2], [3, 4]])], ['b', tf.tensor([[0.5, 0]])]]);
    expect(weightsDigest(again)).toBe(weightsDigest(one));
    for (const other of [moved, renamed, reshaped]) expect(weightsDigest(other)).not.toBe(weightsDigest(one));
    for (const m of [one, again, moved, renamed, reshaped]) disposeAll(m);
  });
});

describe('digestInts', () => {
  it('digests integer data: equal arrays agree, any changed value or length differs', () => {
    const ids = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % 13);
    expect(digestInts(ids)).toBe(digestInts(Int32Array.from(ids)));
    const changed = Int32Array.from(ids);
    changed[150] = 99;
    expect(digestInts(changed)).not.toBe(digestInts(ids));
    expect(digestInts(ids.subarray(0, 299))).not.toBe(digestInts(ids));
    expect(digestInts(ids)).toMatch(/^[0-9a-f]{16}$/);
  });
});
