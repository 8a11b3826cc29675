/**
 * The import pipeline on arrays: dedupe policy → iterative k-core → index remapping →
 * chronological order. Each step appends a LineageStep; the result is what the workspace stores.
 */
import { RecForgeError } from '../../errors';
import type { LineageStep } from '../../protocol/dto';
import type { ItemInfo, ParsedDataset, RawInteraction } from '../types';
import { chronologicalOrder } from './chronological';
import { dedupeKeepAll } from './dedupe';
import { kCore } from './kcore';
import { remapIds } from './remap';

/** Item row of a prepared dataset; its item_idx is its position + 1. */
export interface PreparedItem {
  readonly rawId: string;
  readonly title: string | null;
  readonly genres: readonly string[];
  readonly domain: string | null;
}

/** Interaction columns, sorted by (userIdx, ord). `rating` is NaN where the source had none. */
export interface PreparedRows {
  readonly userIdx: Int32Array;
  readonly itemIdx: Int32Array;
  readonly ts: Float64Array;
  readonly rating: Float64Array;
  readonly ord: Int32Array;
}

/** A filtered, re-indexed, chronologically ordered dataset with its lineage. */
export interface PreparedDataset {
  /** users[userIdx] = raw id. */
  readonly users: readonly string[];
  readonly items: readonly PreparedItem[];
  readonly rows: PreparedRows;
  readonly rawInteractions: number;
  /** Distinct item domains, sorted; empty for single-domain sources. */
  readonly domains: readonly string[];
  readonly lineage: readonly LineageStep[];
}

/** Runs the preprocessing pipeline. Throws 'import' when nothing survives the k-core. */
export function prepareDataset(parsed: ParsedDataset, opts: { readonly minInteractions: number }): PreparedDataset {
  const raw = parsed.interactions;
  if (raw.length === 0) throw new RecForgeError('import', 'the source contains no interactions');
  const dedupe = dedupeKeepAll(raw);
  const core = kCore(dedupe.interactions, opts.minInteractions);
  if (core.kept.length === 0) {
    throw new RecForgeError('import', `no interactions left after ${opts.minInteractions}-core filtering (of ${raw.length})`);
  }
  const kept = core.kept;
  const n = kept.length;
  const map = remapIds(kept);
  const { perm, ord } = chronologicalOrder(map.userIdx, kept.map((x) => x.timestamp));
  const items = map.items.map((id) => toPreparedItem(id, parsed.items.get(id)));
  const lineage: LineageStep[] = [
    dedupe.step,
    { step: 'k-core', params: { k: opts.minInteractions, rounds: core.rounds, users: core.users, items: core.items }, before: raw.length, after: n },
    { step: 'remap', params: { users: '0-based by raw id', items: '1-based by raw id' }, before: n, after: n },
    { step: 'chronological-order', params: { ties: 'input order' }, before: n, after: n },
  ];
  return { users: map.users, items, rows: permuteRows(kept, map.userIdx, map.itemIdx, perm, ord), rawInteractions: raw.length, domains: distinctDomains(items), lineage };
}

function toPreparedItem(rawId: string, info: ItemInfo | undefined): PreparedItem {
  return { rawId, title: info?.title || null, genres: info?.genres ?? [], domain: info?.domain ?? null };
}

function permuteRows(kept: readonly RawInteraction[], userIdx: Int32Array, itemIdx: Int32Array, perm: Int32Array, ord: Int32Array): PreparedRows {
  const n = perm.length;
  const rows = { userIdx: new Int32Array(n), itemIdx: new Int32Array(n), ts: new Float64Array(n), rating: new Float64Array(n), ord };
  for (let k = 0; k < n; k++) {
    const i = perm[k] ?? 0;
    rows.userIdx[k] = userIdx[i] ?? 0;
    rows.itemIdx[k] = itemIdx[i] ?? 0;
    rows.ts[k] = kept[i]?.timestamp ?? 0;
    rows.rating[k] = kept[i]?.rating ?? Number.NaN;
  }
  return rows;
}

function distinctDomains(items: readonly PreparedItem[]): string[] {
  const set = new Set<string>();
  for (const it of items) if (it.domain !== null) set.add(it.domain);
  return [...set].sort();
}
