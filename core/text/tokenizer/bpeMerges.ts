/**
 * Applying learned BPE merges to one word: repeatedly join the adjacent pair with the lowest merge
 * rank, the leftmost one on ties. This is the order @huggingface/tokenizers' BPE model uses
 * (priority = rank, then position), so both encoders agree token for token.
 */

/** Merge ranks keyed by `left + ' ' + right` (the byte alphabet has no plain space). */
export type MergeRanks = ReadonlyMap<string, number>;

/** Ranks of a merge list (position in the list; a repeated pair keeps its last rank, as HF does). */
export function mergeRanks(merges: readonly (readonly [string, string])[]): Map<string, number> {
  const ranks = new Map<string, number>();
  merges.forEach(([a, b], i) => ranks.set(`${a} ${b}`, i));
  return ranks;
}

/** Index of the lowest-ranked adjacent pair (leftmost on ties), or -1 when none can merge. */
function bestPair(symbols: readonly string[], ranks: MergeRanks): number {
  let best = -1;
  let bestRank = Infinity;
  for (let i = 0; i + 1 < symbols.length; i++) {
    const rank = ranks.get(`${symbols[i] as string} ${symbols[i + 1] as string}`);
    if (rank !== undefined && rank < bestRank) {
      bestRank = rank;
      best = i;
    }
  }
  return best;
}

/** The tokens of one byte-alphabet word after all applicable merges. */
export function applyMerges(word: string, ranks: MergeRanks): string[] {
  const symbols = Array.from(word);
  for (let i = bestPair(symbols, ranks); i >= 0; i = bestPair(symbols, ranks)) {
    symbols.splice(i, 2, (symbols[i] as string) + (symbols[i + 1] as string));
  }
  return symbols;
}
