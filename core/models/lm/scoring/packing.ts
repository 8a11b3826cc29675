/**
 * Packing continuations of one prompt into a single row for prefixForward: no padding is fed,
 * and a block-causal mask keeps every candidate blind to the others.
 */
import type { PackedTokens } from './prefixForward';
import type { ScoreRow } from './types';

/** Additive mask value of lmForward's causal mask. */
const MASKED = -1e9;

/** A packed row plus, for each packed token, the next token it predicts and the candidate it scores. */
export interface PackedContinuations extends PackedTokens {
  readonly targets: Int32Array;
  readonly outs: Int32Array;
}

/** One causal sequence (a prompt) at positions 0..n−1. */
export function packPrompt(prompt: readonly number[]): PackedTokens {
  const n = prompt.length;
  const mask = new Float32Array(n * n);
  for (let i = 0; i < n; i++) mask.fill(MASKED, i * n + i + 1, (i + 1) * n);
  return { ids: Int32Array.from(prompt), positions: Int32Array.from({ length: n }, (_, i) => i), mask };
}

/**
 * Tokens 0..L−2 of each candidate (token L−1 is never fed: nothing after it is scored) at
 * positions promptLength + j. Packed token j of a candidate predicts its token j + 1; token 0 is
 * predicted by the prompt's last position, outside this row.
 */
export function packContinuations(promptLength: number, rows: readonly ScoreRow[]): PackedContinuations {
  const n = rows.reduce((sum, r) => sum + r.candidate.length - 1, 0);
  const ids = new Int32Array(n);
  const positions = new Int32Array(n);
  const targets = new Int32Array(n);
  const outs = new Int32Array(n);
  const mask = new Float32Array(n * n).fill(MASKED);
  let at = 0;
  for (const r of rows) {
    const start = at;
    for (let j = 0; j + 1 < r.candidate.length; j++, at++) {
      ids[at] = r.candidate[j] as number;
      positions[at] = promptLength + j;
      targets[at] = r.candidate[j + 1] as number;
      outs[at] = r.out;
      mask.fill(0, at * n + start, at * n + at + 1);
    }
  }
  return { ids, positions, mask, targets, outs };
}
