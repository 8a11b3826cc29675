/**
 * The demo item catalog: per domain a few hundred items, each with 1–2 topics, a title made of
 * topic words, a popularity weight, a "successor" item (the strongest sequential signal: a
 * sequel or a related item that users often take next), and a cold flag.
 */
import type { Rng } from './rng';
import { DOMAINS, TOPICS } from './vocabulary';

/** One catalog item; `domain` and `topics` index DOMAINS and TOPICS. */
export interface DemoItem {
  readonly id: string;
  readonly domain: number;
  readonly topics: readonly number[];
  readonly title: string;
  readonly popularity: number;
  /** Cold items are only ever a user's final interaction. */
  readonly cold: boolean;
  /** Index of the successor item (warm, shares the primary topic), or -1 for cold items. */
  readonly next: number;
}

/** Catalog sizes and the cold share. */
export interface CatalogOptions {
  readonly minPerDomain: number;
  readonly maxPerDomain: number;
  readonly coldFraction: number;
}

/** Draws the full catalog (all domains), titles unique. */
export function buildCatalog(rng: Rng, opts: CatalogOptions): DemoItem[] {
  const titles = new Set<string>();
  const drafts: Omit<DemoItem, 'next'>[] = [];
  DOMAINS.forEach((domain, d) => {
    const count = rng.int(opts.minPerDomain, opts.maxPerDomain);
    const cold = pickCold(rng, count, opts.coldFraction);
    for (let k = 0; k < count; k++) {
      const topics = drawTopics(rng);
      drafts.push({
        id: `${domain.prefix}${String(k + 1).padStart(4, '0')}`,
        domain: d,
        topics,
        title: uniqueTitle(rng, d, topics, titles),
        // Log-normal-ish popularity: a few hits, a long tail.
        popularity: Math.exp(1.1 * (rng.next() + rng.next() + rng.next() - 1.5)),
        cold: cold.has(k),
      });
    }
  });
  return linkSuccessors(rng, drafts);
}

function pickCold(rng: Rng, count: number, fraction: number): Set<number> {
  const n = Math.round(count * fraction);
  const cold = new Set<number>();
  while (cold.size < n) cold.add(rng.int(0, count - 1));
  return cold;
}

function drawTopics(rng: Rng): number[] {
  const first = rng.int(0, TOPICS.length - 1);
  if (!rng.chance(0.4)) return [first];
  const second = (first + rng.int(1, TOPICS.length - 1)) % TOPICS.length;
  return [first, second];
}

/** "Adjective(topic 1) Noun(topic 2 or 1) Format(domain)", retried until unused. */
function uniqueTitle(rng: Rng, d: number, topics: readonly number[], used: Set<string>): string {
  const a = TOPICS[topics[0] ?? 0];
  const b = TOPICS[topics[topics.length - 1] ?? 0];
  const formats = DOMAINS[d]?.formats ?? ['Edition'];
  let title = '';
  for (let attempt = 0; attempt < 50; attempt++) {
    title = `${rng.pick(a?.adjectives ?? ['New'])} ${rng.pick(b?.nouns ?? ['Thing'])} ${rng.pick(formats)}`;
    if (!used.has(title)) break;
  }
  // Rare exhaustion of combinations: number the sequel instead of failing.
  for (let n = 2; used.has(title); n++) title = title.replace(/( \d+)?$/, ` ${n}`);
  used.add(title);
  return title;
}

/** Each warm item gets a warm successor sharing its primary topic (any domain). */
function linkSuccessors(rng: Rng, drafts: readonly Omit<DemoItem, 'next'>[]): DemoItem[] {
  const byTopic = TOPICS.map(() => [] as number[]);
  drafts.forEach((it, i) => {
    if (!it.cold) byTopic[it.topics[0] ?? 0]?.push(i);
  });
  return drafts.map((it, i) => {
    const pool = (byTopic[it.topics[0] ?? 0] ?? []).filter((j) => j !== i);
    return { ...it, next: it.cold || pool.length === 0 ? -1 : rng.pick(pool) };
  });
}
