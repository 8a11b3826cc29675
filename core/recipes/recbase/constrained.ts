/**
 * Generative retrieval restricted to real items: a TokenTrie over every item's code tokens, so
 * constrained beam search can only complete sequences that are some item's semantic ID (IDs are
 * unique after collision resolution, so each sequence maps back to exactly one item).
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { constrainedBeamSearch } from '../../models/lm/constrained/beamSearch';
import { TokenTrie } from '../../models/lm/constrained/trie';
import { tokensOfItem } from './codeSequences';
import type { ItemTokenizer } from './codeSequences';

/** The trie of the given corpus items and the way back from a sequence to its item. */
export interface ItemTrie {
  readonly trie: TokenTrie;
  readonly itemOf: ReadonlyMap<string, number>;
  readonly length: number; // tokens per item
}

/** Trie over corpus items `items` (1-based). */
export function itemTrie(t: ItemTokenizer, items: readonly number[]): ItemTrie {
  const seqs = items.map((g) => tokensOfItem(t, g));
  return { trie: TokenTrie.from(seqs), itemOf: new Map(seqs.map((s, i) => [s.join(','), items[i] ?? 0])), length: t.ids.levels + 1 };
}

/** A decoded recommendation: the item, its tokens and log-likelihood. */
export interface DecodedItem {
  readonly item: number;
  readonly tokens: readonly number[];
  readonly score: number;
}

/** The `beams` most likely items after `prompt`, best first; every result is an item of the trie. */
export async function recommendItems(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, t: ItemTrie, prompt: readonly number[], beams: number): Promise<DecodedItem[]> {
  const out = await constrainedBeamSearch(c, weights, prompt, t.trie, { beams, maxLen: t.length });
  return out.map((r) => ({ item: t.itemOf.get(r.tokens.join(',')) ?? 0, tokens: r.tokens, score: r.score }));
}
