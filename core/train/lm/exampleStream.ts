/**
 * Reading a source's examples epoch after epoch, reshuffled each epoch. The order of epoch e is a
 * pure function of (seed, source index, e), so a data position is just {epoch, cursor} and resume
 * needs no RNG state for the data.
 */
import { createRng, mixSeed, shuffleInPlace } from '../rng';
import type { LmSource } from './job';
import type { ExampleReader, LmExample } from './packing';

/** How far a source has been read: `cursor` examples into the order of epoch `epoch` (0-based). */
export interface SourcePosition {
  readonly epoch: number;
  readonly cursor: number;
}

/** Number of examples in a source. */
export function exampleCount(source: LmSource): number {
  return source.offsets.length - 1;
}

/** Example i of a source. */
export function exampleAt(source: LmSource, i: number): LmExample {
  const from = source.offsets[i] as number;
  const to = source.offsets[i + 1] as number;
  const tokens: number[] = [];
  for (let k = from; k < to; k++) tokens.push(source.tokens[k] as number);
  return { tokens, promptLength: source.promptLengths[i] as number };
}

/** The order examples are read in during `epoch`. */
export function epochOrder(n: number, seed: number, sourceIndex: number, epoch: number, shuffle: boolean): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (shuffle) shuffleInPlace(order, createRng(mixSeed(seed, sourceIndex, epoch)));
  return order;
}

/**
 * Indices of the examples a fresh stream of `n` examples yields in its first `reads` reads: what a
 * run actually trained on (every example once `reads` covers the first epoch).
 */
export function firstReads(n: number, reads: number, seed: number, sourceIndex: number, shuffle: boolean): Set<number> {
  const order = epochOrder(n, seed, sourceIndex, 0, shuffle);
  return new Set(order.subarray(0, Math.min(n, reads)));
}

/** An ExampleReader over one source that remembers its position. */
export class ExampleStream implements ExampleReader {
  private order: Int32Array;
  private pos: SourcePosition;

  constructor(
    private readonly source: LmSource,
    private readonly sourceIndex: number,
    private readonly seed: number,
    private readonly shuffle: boolean,
    start: SourcePosition = { epoch: 0, cursor: 0 },
  ) {
    this.pos = start;
    this.order = this.orderOf(start.epoch);
  }

  /** The next example, without consuming it. */
  peek(): LmExample {
    return exampleAt(this.source, this.order[this.pos.cursor] as number);
  }

  /** Consumes the next example; wraps into a freshly shuffled epoch at the end. */
  advance(): void {
    const cursor = this.pos.cursor + 1;
    if (cursor < this.order.length) {
      this.pos = { epoch: this.pos.epoch, cursor };
      return;
    }
    this.pos = { epoch: this.pos.epoch + 1, cursor: 0 };
    this.order = this.orderOf(this.pos.epoch);
  }

  /** Where the next example will come from (stored in checkpoints). */
  position(): SourcePosition {
    return this.pos;
  }

  private orderOf(epoch: number): Int32Array {
    return epochOrder(exampleCount(this.source), this.seed, this.sourceIndex, epoch, this.shuffle);
  }
}
