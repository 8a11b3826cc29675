/**
 * Deterministic synthetic multi-domain dataset (movies, books, games): the bundled demo. Same
 * options → byte-identical output. ~600 users × 8–40 interactions ≈ 15k rows, so SASRec trains
 * an epoch in seconds. About 5% of items are cold: each is the final interaction of a few users
 * whose taste fits it, and appears nowhere else — a ready-made cold-item test.
 */
import type { ItemInfo, ParsedDataset, RawInteraction } from '../types';
import { buildCatalog } from './catalog';
import type { DemoItem } from './catalog';
import { ensureCoverage } from './coverage';
import { Rng } from './rng';
import { buildPools, drawSequence } from './sequences';
import { affinity, drawTaste } from './tastes';
import type { Taste } from './tastes';
import { DOMAINS, TOPICS } from './vocabulary';

/** Generator knobs; see defaultDemoOptions for the values. */
export interface DemoOptions {
  readonly seed: number;
  readonly users: number;
  readonly minPerDomain: number;
  readonly maxPerDomain: number;
  readonly minLength: number;
  readonly maxLength: number;
  readonly coldFraction: number;
  /** Users whose final item is a given cold item (≥ minItemCount so a k-core keeps it). */
  readonly usersPerColdItem: number;
  /** Every warm item occurs at least this often. */
  readonly minItemCount: number;
}

/** The bundled demo's parameters. */
export function defaultDemoOptions(): DemoOptions {
  return {
    seed: 20240607, // any uint32
    users: 600,
    minPerDomain: 170, // items per domain, inclusive range
    maxPerDomain: 230,
    minLength: 8, // interactions per user, inclusive range
    maxLength: 40,
    coldFraction: 0.05, // share of items per domain that are cold
    usersPerColdItem: 5,
    minItemCount: 5,
  };
}

/** The demo dataset: parser-shaped output plus the raw ids of the cold items. */
export interface DemoDataset extends ParsedDataset {
  readonly coldItems: readonly string[];
}

const START = 1_600_000_000; // Unix seconds (Sept 2020); users start within the following 180 days
const DAY = 86_400;

/** Generates the demo dataset. */
export function generateDemoDataset(overrides: Partial<DemoOptions> = {}): DemoDataset {
  const opts = { ...defaultDemoOptions(), ...overrides };
  const rng = new Rng(opts.seed);
  const items = buildCatalog(rng, opts);
  const pools = buildPools(items);
  const tastes = Array.from({ length: opts.users }, () => drawTaste(rng));
  const lengths = tastes.map(() => rng.int(opts.minLength, opts.maxLength));
  const coldFinal = assignColdFinals(rng, items, tastes, opts.usersPerColdItem);
  const seqs = tastes.map((t, u) => drawSequence(rng, items, pools, t, (lengths[u] ?? 0) - (coldFinal[u] === undefined ? 0 : 1)));
  ensureCoverage(seqs, items, opts.minItemCount);
  seqs.forEach((s, u) => {
    const c = coldFinal[u];
    if (c !== undefined) s.push(c);
  });
  return {
    interactions: toInteractions(rng, items, tastes, seqs),
    items: new Map(items.map((it) => [it.id, toInfo(it)])),
    coldItems: items.filter((it) => it.cold).map((it) => it.id),
  };
}

/** For each cold item, the `per` users (not yet holding one) whose taste fits it best. */
function assignColdFinals(rng: Rng, items: readonly DemoItem[], tastes: readonly Taste[], per: number): (number | undefined)[] {
  const finals: (number | undefined)[] = tastes.map(() => undefined);
  items.forEach((it, i) => {
    if (!it.cold) return;
    const ranked = tastes
      .map((t, u) => ({ u, score: affinity(t, it.topics) + 0.05 * rng.next() }))
      .filter(({ u }) => finals[u] === undefined)
      .sort((a, b) => b.score - a.score || a.u - b.u);
    for (const { u } of ranked.slice(0, per)) finals[u] = i;
  });
  return finals;
}

/** Strictly increasing timestamps per user; ratings follow taste with a little noise. */
function toInteractions(rng: Rng, items: readonly DemoItem[], tastes: readonly Taste[], seqs: readonly number[][]): RawInteraction[] {
  const out: RawInteraction[] = [];
  seqs.forEach((seq, u) => {
    let ts = START + rng.int(0, 180 * DAY);
    const taste = tastes[u];
    for (const i of seq) {
      ts += rng.int(600, 3 * DAY);
      const it = items[i];
      const a = taste && it ? affinity(taste, it.topics) : 0.5;
      const rating = Math.min(5, Math.max(1, Math.round(1.5 + 3.5 * a + rng.next() - 0.5)));
      out.push({ user: `u${String(u + 1).padStart(4, '0')}`, item: it?.id ?? '', timestamp: ts, rating });
    }
  });
  return out;
}

function toInfo(it: DemoItem): ItemInfo {
  return { title: it.title, genres: it.topics.map((t) => TOPICS[t]?.name ?? ''), domain: DOMAINS[it.domain]?.name ?? '' };
}
