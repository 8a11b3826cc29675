/**
 * Turning examples into model rows. Unpacked: one example per row. Packed: consecutive examples
 * share a row of ≤ maxLen tokens; each keeps its own positions (0, 1, …) and segment id, so the
 * block-causal mask keeps attention inside it and packed logits equal unpacked ones. Targets are
 * the next token within the same example and only on completion tokens; prompt tokens, the last
 * token of each example (its successor belongs to another example) and padding are IGNORE.
 */
import { IGNORE, countTargets } from './loss';
import type { RowLayout } from './blockMask';

/** One training example: token ids; the first promptLength are prompt (conditioned on, not scored). */
export interface LmExample {
  readonly tokens: readonly number[];
  readonly promptLength: number;
}

/** Where rows take their examples from, in order. */
export interface ExampleReader {
  peek(): LmExample;
  advance(): void;
}

/** A row before padding. */
export interface Row {
  readonly ids: number[];
  readonly targets: number[];
  readonly positions: number[];
  readonly segments: number[];
}

/** Model-ready inputs of one micro-batch. */
export interface MicroBatch {
  readonly ids: Int32Array; // [B·T]
  readonly targets: Int32Array; // [B·T], IGNORE where not scored
  readonly layout: RowLayout;
  readonly tokens: number; // real (non-padding) tokens
  readonly scored: number; // positions with a target
}

/** Keeps the last maxLen tokens (the completion survives; the prompt loses its start). */
export function truncateExample(ex: LmExample, maxLen: number): LmExample {
  const cut = Math.max(0, ex.tokens.length - maxLen);
  if (cut === 0) return ex;
  return { tokens: ex.tokens.slice(cut), promptLength: Math.max(0, ex.promptLength - cut) };
}

/** Appends one example as segment `segment`. Position t predicts token t+1 if that is a completion token. */
function appendExample(row: Row, ex: LmExample, segment: number): void {
  const n = ex.tokens.length;
  for (let t = 0; t < n; t++) {
    row.ids.push(ex.tokens[t] as number);
    row.targets.push(t + 1 < n && t + 1 >= ex.promptLength ? (ex.tokens[t + 1] as number) : IGNORE);
    row.positions.push(t);
    row.segments.push(segment);
  }
}

/** Next row: one example, or (packing) as many consecutive examples as fit in maxLen. */
export function nextRow(reader: ExampleReader, maxLen: number, packing: boolean): Row {
  const row: Row = { ids: [], targets: [], positions: [], segments: [] };
  let segment = 0;
  for (;;) {
    const ex = truncateExample(reader.peek(), maxLen);
    if (segment > 0 && row.ids.length + ex.tokens.length > maxLen) break;
    appendExample(row, ex, segment++);
    reader.advance();
    if (!packing || row.ids.length >= maxLen) break;
  }
  return row;
}

/** Stacks rows into a micro-batch padded to its longest row; padding has segment −1. */
export function collate(rows: readonly Row[], padId: number): MicroBatch {
  const length = Math.max(1, ...rows.map((r) => r.ids.length));
  const size = rows.length * length;
  const ids = new Int32Array(size).fill(padId);
  const targets = new Int32Array(size).fill(IGNORE);
  const positions = new Int32Array(size);
  const segments = new Int32Array(size).fill(-1);
  let tokens = 0;
  rows.forEach((r, b) => {
    const o = b * length;
    ids.set(r.ids, o);
    targets.set(r.targets, o);
    positions.set(r.positions, o);
    segments.set(r.segments, o);
    tokens += r.ids.length;
  });
  return { ids, targets, layout: { batch: rows.length, length, positions, segments }, tokens, scored: countTargets(targets) };
}

/** `count` micro-batches of `batchSize` rows each, read in order from `reader`. */
export function readMicroBatches(reader: ExampleReader, count: number, batchSize: number, maxLen: number, packing: boolean, padId: number): MicroBatch[] {
  const out: MicroBatch[] = [];
  for (let k = 0; k < count; k++) {
    const rows = Array.from({ length: batchSize }, () => nextRow(reader, maxLen, packing));
    out.push(collate(rows, padId));
  }
  return out;
}
