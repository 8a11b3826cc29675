/**
 * Builds InteractionColumns from per-user event lists — the smallest way to hand-write a dataset
 * (tests, examples, the instruction builders). Events are ordered by timestamp per user, ties
 * kept in list order (stable), matching preprocess/chronological.ts.
 */
import type { InteractionColumns } from './columns';

/** One interaction of a user. */
export interface UserEvent {
  readonly item: number;
  readonly ts: number;
  readonly rating?: number;
}

/** events[u] = user u's interactions in any order; users are 0..events.length-1. */
export function columnsFromEvents(events: readonly (readonly UserEvent[])[]): InteractionColumns {
  const sorted = events.map((evs) => evs.map((e, i) => ({ e, i })).sort((a, b) => a.e.ts - b.e.ts || a.i - b.i).map((x) => x.e));
  const n = sorted.reduce((acc, evs) => acc + evs.length, 0);
  const cols = { userIdx: new Int32Array(n), itemIdx: new Int32Array(n), ts: new Float64Array(n), ord: new Int32Array(n), rating: new Float64Array(n) };
  let k = 0;
  sorted.forEach((evs, u) =>
    evs.forEach((e, j) => {
      cols.userIdx[k] = u;
      cols.itemIdx[k] = e.item;
      cols.ts[k] = e.ts;
      cols.ord[k] = j;
      cols.rating[k] = e.rating ?? Number.NaN;
      k += 1;
    }),
  );
  return cols;
}
