import { describe, expect, it } from 'vitest';
import { IGNORE } from './loss';
import { collate, nextRow, readMicroBatches, truncateExample } from './packing';
import type { ExampleReader, LmExample } from './packing';
import { sourceFromExamples } from './sourceFromExamples';
import { ExampleStream, epochOrder, firstReads } from './exampleStream';

const X = IGNORE;

function reader(examples: LmExample[]): ExampleReader & { read: number } {
  const r = { read: 0, peek: () => examples[r.read % examples.length] as LmExample, advance: () => void r.read++ };
  return r;
}

const A: LmExample = { tokens: [11, 12, 13, 14], promptLength: 2 };
const B: LmExample = { tokens: [21, 22, 23], promptLength: 1 };
const C: LmExample = { tokens: [31, 32, 33, 34, 35], promptLength: 3 };

describe('rows and masking', () => {
  it('unpacked: one example per row, targets only on completion tokens', () => {
    const row = nextRow(reader([A]), 8, false);
    expect(row).toEqual({ ids: [11, 12, 13, 14], targets: [X, 13, 14, X], positions: [0, 1, 2, 3], segments: [0, 0, 0, 0] });
  });

  it('packed: examples share a row with their own positions, segments and no cross-boundary target', () => {
    const r = reader([A, B, C]);
    const row = nextRow(r, 8, true);
    expect(row).toEqual({
      ids: [11, 12, 13, 14, 21, 22, 23],
      targets: [X, 13, 14, X, 22, 23, X],
      positions: [0, 1, 2, 3, 0, 1, 2],
      segments: [0, 0, 0, 0, 1, 1, 1],
    });
    expect(r.read).toBe(2); // C did not fit; it starts the next row
    expect(nextRow(r, 8, true).ids.slice(0, 5)).toEqual([31, 32, 33, 34, 35]);
  });

  it('truncates from the left so the completion survives', () => {
    expect(truncateExample(C, 3)).toEqual({ tokens: [33, 34, 35], promptLength: 1 });
    expect(truncateExample(C, 1)).toEqual({ tokens: [35], promptLength: 0 });
  });

  it('collate pads to the longest row with ignored, self-contained padding', () => {
    const mb = collate([nextRow(reader([B]), 8, false), nextRow(reader([A]), 8, false)], 0);
    expect(mb.layout).toMatchObject({ batch: 2, length: 4 });
    expect(Array.from(mb.ids)).toEqual([21, 22, 23, 0, 11, 12, 13, 14]);
    expect(Array.from(mb.targets)).toEqual([22, 23, X, X, X, 13, 14, X]);
    expect(Array.from(mb.layout.segments)).toEqual([0, 0, 0, -1, 0, 0, 0, 0]);
    expect(mb.tokens).toBe(7);
    expect(mb.scored).toBe(4);
  });

  it('micro-batches read rows in order', () => {
    const r = reader([A, B, C]);
    const [m1, m2] = readMicroBatches(r, 2, 2, 8, false, 0);
    expect(m1?.ids[0]).toBe(11);
    expect(m2?.ids[0]).toBe(31);
    expect(r.read).toBe(4);
  });
});

describe('ExampleStream', () => {
  const source = sourceFromExamples('s', [A, B, C, { tokens: [41, 42], promptLength: 1 }]);

  it('reads a seeded permutation per epoch and can restart from any position', () => {
    const s = new ExampleStream(source, 0, 5, true);
    const firsts: number[] = [];
    for (let i = 0; i < 8; i++) {
      firsts.push(s.peek().tokens[0] as number);
      s.advance();
    }
    expect(new Set(firsts.slice(0, 4)).size).toBe(4);
    expect([...firsts.slice(4)].sort()).toEqual([...firsts.slice(0, 4)].sort());
    expect(s.position()).toEqual({ epoch: 2, cursor: 0 });
    const again = new ExampleStream(source, 0, 5, true, { epoch: 1, cursor: 2 });
    expect(again.peek().tokens[0]).toBe(firsts[6]);
    expect(Array.from(epochOrder(4, 5, 0, 0, false))).toEqual([0, 1, 2, 3]);
  });

  it('firstReads names exactly the examples a fresh stream reads', () => {
    const s = new ExampleStream(source, 1, 9, true);
    const read = new Set<number>();
    for (let i = 0; i < 2; i++, s.advance()) read.add(s.peek().tokens[0] as number);
    const firstTokens = [11, 21, 31, 41];
    expect(new Set([...firstReads(4, 2, 9, 1, true)].map((k) => firstTokens[k]))).toEqual(read);
    expect(firstReads(4, 9, 9, 1, true)).toEqual(new Set([0, 1, 2, 3]));
  });
});
