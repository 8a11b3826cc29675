/**
 * Trains a byte-level BPE tokenizer on the workspace's own texts (item titles, descriptions), so an
 * LM can be built fully offline. Deterministic: the result depends only on the multiset of words
 * and the options; equal pair counts are broken by the pair's token strings, never by input order.
 */
import { RecForgeError } from '../../errors';
import { specialList } from './bpeModel';
import type { BpeModel } from './bpeModel';
import { BYTE_CHARS, byteLevelWords } from './byteLevel';
import { Heap } from './heap';
import { MAX_SYMBOLS, PairTable, pairOf } from './bpePairs';
import { splitOnSpecials } from './specialSplit';
import { DEFAULT_SPECIAL_TOKENS } from './types';
import type { SpecialTokenNames } from './types';

/** Options of trainBpe. */
export interface BpeTrainOptions {
  /** Final vocabulary size including the 4 specials and 256 byte tokens (≥ 260). */
  readonly vocabSize: number;
  readonly specials?: SpecialTokenNames;
  /** Pairs seen fewer times than this are never merged (default 2; the vocab may end up smaller). */
  readonly minFrequency?: number;
  /** Sequences start with bos (default true). */
  readonly addBos?: boolean;
}

/** Counts of distinct byte-alphabet words; special-token strings in the texts are left out. */
function countWords(texts: Iterable<string>, specials: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const section of splitOnSpecials(text, specials)) {
      if ('special' in section) continue;
      for (const w of byteLevelWords(section.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

function checkOptions(opts: BpeTrainOptions, specials: readonly string[]): void {
  const min = specials.length + BYTE_CHARS.length;
  if (!Number.isInteger(opts.vocabSize) || opts.vocabSize < min || opts.vocabSize > MAX_SYMBOLS) {
    throw new RecForgeError('validation', `tokenizer vocab size must be an integer in [${min}, ${MAX_SYMBOLS}], got ${opts.vocabSize}`, { file: 'tokenizer options', field: 'vocabSize', expected: `an integer ≥ ${min}` });
  }
  if (new Set(specials).size !== specials.length || specials.some((s) => s.length < 2)) {
    throw new RecForgeError('validation', 'special tokens must be distinct strings of at least 2 characters', { file: 'tokenizer options', field: 'specials' });
  }
}

interface Candidate {
  readonly key: number;
  readonly count: number;
}

/** A heap of pair candidates: most frequent first, ties by (left, right) token strings. */
function candidateHeap(tokens: readonly string[]): Heap<Candidate> {
  const text = (key: number): string => pairOf(key).map((id) => tokens[id] as string).join('\u0000');
  return new Heap<Candidate>((x, y) => (x.count !== y.count ? x.count > y.count : text(x.key) < text(y.key)));
}

/** Queues every pair whose count changed (older entries for it become stale). */
function requeue(table: PairTable, heap: Heap<Candidate>): void {
  for (const key of table.takeChanged()) {
    const count = table.counts.get(key) ?? 0;
    if (count > 0) heap.push({ key, count });
  }
}

/** The merge loop; `tokens` grows with every new token (a repeated string keeps its first id). */
function learnMerges(table: PairTable, tokens: string[], vocabSize: number, minFrequency: number, forbidden: ReadonlySet<string>): [string, string][] {
  const ids = new Map(tokens.map((t, i) => [t, i]));
  const heap = candidateHeap(tokens);
  const merges: [string, string][] = [];
  requeue(table, heap);
  while (tokens.length < vocabSize) {
    const top = heap.pop();
    if (top === undefined || top.count < minFrequency) break;
    if (table.counts.get(top.key) !== top.count) continue; // stale entry
    const [a, b] = pairOf(top.key).map((id) => tokens[id] as string) as [string, string];
    if (forbidden.has(a + b)) continue;
    const id = ids.get(a + b) ?? tokens.push(a + b) - 1;
    ids.set(a + b, id);
    merges.push([a, b]);
    table.merge(top.key, id);
    requeue(table, heap);
  }
  return merges;
}

/**
 * Learns merges from `texts` until the vocab reaches `vocabSize` or no pair occurs `minFrequency` times.
 * @example createBpeTokenizer(trainBpe(titles, { vocabSize: 4096 })).encode('Toy Story (1995)')
 */
export function trainBpe(texts: Iterable<string>, opts: BpeTrainOptions): BpeModel {
  const specials = opts.specials ?? DEFAULT_SPECIAL_TOKENS;
  const specialTexts = specialList(specials);
  checkOptions(opts, specialTexts);
  const tokens = [...specialTexts, ...BYTE_CHARS];
  const byteIds = new Map(BYTE_CHARS.map((c, i) => [c, specialTexts.length + i]));
  const counts = countWords(texts, specialTexts);
  const words = [...counts.keys()].map((w) => Array.from(w, (c) => byteIds.get(c) as number));
  const table = new PairTable(words, [...counts.values()]);
  const merges = learnMerges(table, tokens, opts.vocabSize, opts.minFrequency ?? 2, new Set(specialTexts));
  return { vocab: tokens, merges, specials, addBos: opts.addBos ?? true };
}
