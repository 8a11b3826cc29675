/**
 * Sequence sampling. The next item is, in order of preference: the previous item's successor
 * (FOLLOW), an item sharing a topic with the previous one (STAY, often in the same domain), or a
 * fresh draw from the user's taste. This gives SASRec item-to-item and topic-level structure.
 */
import type { DemoItem } from './catalog';
import type { Rng } from './rng';
import type { Taste } from './tastes';
import { DOMAINS, TOPICS } from './vocabulary';

const FOLLOW = 0.3; // take the successor of the previous item
const STAY = 0.5; // otherwise: share a topic with the previous item
const SAME_DOMAIN = 0.6; // when staying on topic: also stay in the domain

/** Warm items per topic and domain, for sampling. */
export interface Pools {
  /** pools[topic][domain] = warm item indices */
  readonly byTopicDomain: readonly (readonly (readonly number[])[])[];
  readonly warm: readonly number[];
}

/** Indexes the warm items of the catalog (cold items are never sampled here). */
export function buildPools(items: readonly DemoItem[]): Pools {
  const byTopicDomain = TOPICS.map(() => DOMAINS.map(() => [] as number[]));
  const warm: number[] = [];
  items.forEach((it, i) => {
    if (it.cold) return;
    warm.push(i);
    for (const t of it.topics) byTopicDomain[t]?.[it.domain]?.push(i);
  });
  return { byTopicDomain, warm };
}

/** Draws `length` distinct warm items for one user. */
export function drawSequence(rng: Rng, items: readonly DemoItem[], pools: Pools, taste: Taste, length: number): number[] {
  const seq: number[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < length; k++) {
    const next = nextItem(rng, items, pools, taste, seq[seq.length - 1], seen);
    seq.push(next);
    seen.add(next);
  }
  return seq;
}

function nextItem(rng: Rng, items: readonly DemoItem[], pools: Pools, taste: Taste, prev: number | undefined, seen: ReadonlySet<number>): number {
  const p = prev === undefined ? undefined : items[prev];
  if (p !== undefined) {
    if (p.next >= 0 && !seen.has(p.next) && rng.chance(FOLLOW)) return p.next;
    if (rng.chance(STAY)) {
      const domain = rng.chance(SAME_DOMAIN) ? p.domain : rng.weighted(taste.domains);
      return fromPool(rng, items, pools, rng.pick(p.topics), domain, seen);
    }
  }
  return fromPool(rng, items, pools, rng.weighted(taste.topics), rng.weighted(taste.domains), seen);
}

/** Popularity-weighted unseen item of (topic, domain); widens to the topic, then to all warm items. */
function fromPool(rng: Rng, items: readonly DemoItem[], pools: Pools, topic: number, domain: number, seen: ReadonlySet<number>): number {
  const inTopic = pools.byTopicDomain[topic] ?? [];
  const candidates = [inTopic[domain] ?? [], inTopic.flat(), pools.warm];
  for (const pool of candidates) {
    const open = pool.filter((i) => !seen.has(i));
    const k = rng.weighted(open.map((i) => items[i]?.popularity ?? 0));
    const chosen = open[k];
    if (chosen !== undefined) return chosen;
  }
  throw new Error('demo catalog exhausted: sequence longer than the number of warm items');
}
