/**
 * Latent user tastes: one topic-preference vector shared across all domains (so taste transfers
 * from movies to books to games) and a domain mix saying how often the user visits each domain.
 */
import type { Rng } from './rng';
import { DOMAINS, TOPICS } from './vocabulary';

/** Sampling weights (not normalised). */
export interface Taste {
  readonly topics: readonly number[];
  readonly domains: readonly number[];
}

/** 2–3 favourite topics carry most of the mass; every topic keeps a little. */
export function drawTaste(rng: Rng): Taste {
  const topics = TOPICS.map(() => 0.05);
  const favourites = rng.int(2, 3);
  for (let k = 0; k < favourites; k++) {
    const t = rng.int(0, TOPICS.length - 1);
    topics[t] = (topics[t] ?? 0) + 1 + 2 * rng.next();
  }
  const domains = DOMAINS.map(() => 0.2 + rng.next());
  return { topics, domains };
}

/** How much the user likes an item, in [0, 1]: its best topic relative to the user's favourite. */
export function affinity(taste: Taste, topics: readonly number[]): number {
  const best = Math.max(...taste.topics);
  const mine = Math.max(...topics.map((t) => taste.topics[t] ?? 0));
  return best > 0 ? mine / best : 0;
}
