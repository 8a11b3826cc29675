/**
 * Pair statistics of the BPE trainer: how often each adjacent symbol pair occurs (weighted by word
 * frequency) and in which words, updated incrementally as words are merged, so a merge costs time
 * proportional to the words it touches rather than to the corpus.
 */

const SHIFT = 2 ** 21; // symbol ids < 2^21, so a pair key a·2^21 + b stays an exact double

/** Largest vocabulary the pair keys can address. */
export const MAX_SYMBOLS = SHIFT;

/** Key of the ordered pair (a, b). */
export const pairKey = (a: number, b: number): number => a * SHIFT + b;

/** The pair of a key. */
export const pairOf = (key: number): [number, number] => [Math.floor(key / SHIFT), key % SHIFT];

/** Distinct words (as symbol ids) with their corpus counts, and the pair counts over them. */
export class PairTable {
  readonly counts = new Map<number, number>();
  private readonly where = new Map<number, number[]>();
  /** Pairs whose count changed since the last takeChanged(). */
  private changed = new Set<number>();

  constructor(
    private readonly words: number[][],
    private readonly wordCounts: readonly number[],
  ) {
    words.forEach((_, w) => this.addPairs(w, -1));
  }

  /** Pairs changed since the previous call (to re-queue with their new counts). */
  takeChanged(): Set<number> {
    const out = this.changed;
    this.changed = new Set();
    return out;
  }

  /** Replaces every (a, b) by `merged` in the words containing it. */
  merge(key: number, merged: number): void {
    const [a, b] = pairOf(key);
    const words = new Set(this.where.get(key) ?? []);
    this.where.delete(key);
    for (const w of words) {
      this.removePairs(w);
      this.words[w] = joinPair(this.words[w] as number[], a, b, merged);
      this.addPairs(w, merged);
    }
    this.counts.delete(key);
  }

  /** Counts the word's pairs; records the word under pairs that contain `fresh` (or all when -1). */
  private addPairs(w: number, fresh: number): void {
    const s = this.words[w] as number[];
    const n = this.wordCounts[w] as number;
    for (let i = 0; i + 1 < s.length; i++) {
      const x = s[i] as number;
      const y = s[i + 1] as number;
      const key = pairKey(x, y);
      this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      this.changed.add(key);
      if (fresh < 0 || x === fresh || y === fresh) this.wordsOf(key).push(w);
    }
  }

  private removePairs(w: number): void {
    const s = this.words[w] as number[];
    const n = this.wordCounts[w] as number;
    for (let i = 0; i + 1 < s.length; i++) {
      const key = pairKey(s[i] as number, s[i + 1] as number);
      this.counts.set(key, (this.counts.get(key) ?? 0) - n);
      this.changed.add(key);
    }
  }

  private wordsOf(key: number): number[] {
    let list = this.where.get(key);
    if (list === undefined) {
      list = [];
      this.where.set(key, list);
    }
    return list;
  }
}

/** `symbols` with each non-overlapping (a, b), left to right, replaced by `merged`. */
function joinPair(symbols: readonly number[], a: number, b: number, merged: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (symbols[i] === a && symbols[i + 1] === b) {
      out.push(merged);
      i++;
    } else out.push(symbols[i] as number);
  }
  return out;
}
