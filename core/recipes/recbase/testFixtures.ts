/**
 * A small synthetic multi-domain corpus for RecBase tests, built in code: 3 domains × 4 topics ×
 * 6 items whose titles carry topic words (shared across domains) and domain words; every user
 * likes one topic and mostly consumes it, in every domain, so taste transfers across domains
 * through the text — the effect zero-shot scoring relies on.
 */
import { buildCorpus } from '../../data/multidomain/corpus';
import type { MultiDomainCorpus } from '../../data/multidomain/corpus';
import { domainNoun, recBaseItemText } from '../../data/text/unified';
import { createRng } from '../../train/rng';
import type { RecipeSource } from '../runner';

const TOPICS = [['haunted', 'crypt', 'ghost'], ['stellar', 'nebula', 'orbit'], ['royal', 'empire', 'throne'], ['jolly', 'picnic', 'party']];
const DOMAINS = [['movies', 'saga'], ['books', 'novel'], ['games', 'quest']] as const;
const PER_TOPIC = 6;

function item(rawId: string, name: string, title: string, genres: string[]): RecipeSource['items'][number] {
  return { rawId, title, genres, text: recBaseItemText({ title, genres }, domainNoun(name)) };
}

function domainSource(d: number, users: readonly number[][], userIds: readonly string[]): RecipeSource {
  const [name, word] = DOMAINS[d] ?? ['x', 'x'];
  const items = TOPICS.flatMap((words, t) => Array.from({ length: PER_TOPIC }, (_, k) => item(`${name}-${t}-${k}`, name, `${words[k % 3]} ${words[(k + 1) % 3]} ${word} ${k}`, [words[0] ?? ''])));
  const userIdx: number[] = [];
  const itemIdx: number[] = [];
  const ts: number[] = [];
  const ord: number[] = [];
  users.forEach((seq, u) => {
    let o = 0;
    seq.forEach((code, pos) => {
      if (Math.floor(code / 1000) !== d) return;
      userIdx.push(u);
      itemIdx.push((code % 1000) + 1);
      ts.push(1000 * u + pos);
      ord.push(o++);
    });
  });
  return { name, users: userIds, items, rows: { userIdx: Int32Array.from(userIdx), itemIdx: Int32Array.from(itemIdx), ts: Float64Array.from(ts), ord: Int32Array.from(ord) } };
}

/** Per user: items as domain·1000 + local index (0-based), distinct, 85 % from the user's topic. */
function drawUsers(seed: number, count: number, length: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const topic = rng.nextInt(0, TOPICS.length);
    const seen = new Set<number>();
    while (seen.size < length) {
      const t = rng.nextFloat() < 0.85 ? topic : rng.nextInt(0, TOPICS.length);
      seen.add(rng.nextInt(0, DOMAINS.length) * 1000 + t * PER_TOPIC + rng.nextInt(0, PER_TOPIC));
    }
    return [...seen];
  });
}

/** The synthetic domains as the host hands them to a runner (items with rendered text). */
export function syntheticSources(seed = 5, users = 120, length = 12): RecipeSource[] {
  const seqs = drawUsers(seed, users, length);
  const ids = seqs.map((_, u) => `u${u}`);
  return DOMAINS.map((_, d) => domainSource(d, seqs, ids));
}

/** The synthetic corpus (72 items, `users` users). */
export function syntheticCorpus(seed = 5, users = 120, length = 12): MultiDomainCorpus {
  return buildCorpus(syntheticSources(seed, users, length));
}
