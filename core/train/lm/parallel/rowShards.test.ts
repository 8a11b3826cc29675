import { describe, expect, it } from 'vitest';
import { randomExamples } from '../fixtures';
import { readMicroBatches, type ExampleReader, type MicroBatch } from '../packing';
import { splitMicroBatches } from './rowShards';

function reader(seed: number): ExampleReader {
  const examples = randomExamples(40, seed);
  let i = 0;
  return { peek: () => examples[i % examples.length] as (typeof examples)[number], advance: () => void i++ };
}

const sum = (bs: readonly MicroBatch[], f: (b: MicroBatch) => number): number => bs.reduce((n, b) => n + f(b), 0);

describe('splitMicroBatches', () => {
  it('gives every part its contiguous rows of every micro-batch; rows, tokens and targets add up', () => {
    const batches = readMicroBatches(reader(3), 3, 5, 12, true, 0);
    const parts = splitMicroBatches(batches, 2);
    expect(parts.map((p) => p.map((b) => b.layout.batch))).toEqual([[3, 3, 3], [2, 2, 2]]);
    expect(sum(parts.flat(), (b) => b.tokens)).toBe(sum(batches, (b) => b.tokens));
    expect(sum(parts.flat(), (b) => b.scored)).toBe(sum(batches, (b) => b.scored));
    const [first, second] = [parts[0]?.[1] as MicroBatch, parts[1]?.[1] as MicroBatch];
    const whole = batches[1] as MicroBatch;
    expect([...first.ids, ...second.ids]).toEqual([...whole.ids]);
    expect([...first.targets, ...second.targets]).toEqual([...whole.targets]);
    expect([...first.layout.segments, ...second.layout.segments]).toEqual([...whole.layout.segments]);
    expect([...first.layout.positions, ...second.layout.positions]).toEqual([...whole.layout.positions]);
    expect(first.layout.length).toBe(whole.layout.length);
  });

  it('gives micro-batches smaller than the thread count whole to the least-loaded thread; leaves out idle threads; copies', () => {
    const single = readMicroBatches(reader(5), 1, 2, 12, false, 0);
    const parts = splitMicroBatches(single, 4);
    expect(parts.map((p) => p.map((b) => b.layout.batch))).toEqual([[2]]);
    expect(parts[0]?.[0]?.ids.buffer).not.toBe(single[0]?.ids.buffer);
    const ones = readMicroBatches(reader(6), 4, 1, 12, false, 0); // batch size 1, accumulation 4
    const spread = splitMicroBatches(ones, 2);
    expect(spread.map((p) => p.length)).toEqual([2, 2]);
    expect(sum(spread.flat(), (b) => b.scored)).toBe(sum(ones, (b) => b.scored));
  });
});
