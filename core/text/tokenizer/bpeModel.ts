/**
 * A byte-level BPE vocabulary as our trainer produces it: the same data tokenizer.json stores
 * (vocab, ordered merges, special tokens), in arrays rather than JSON objects.
 */
import type { SpecialTokenNames } from './types';

/** A trained byte-level BPE tokenizer. */
export interface BpeModel {
  /** Token string of each id: specials, then the 256 byte characters, then merged tokens. */
  readonly vocab: readonly string[];
  /** Merges in learning order (rank = index). */
  readonly merges: readonly (readonly [string, string])[];
  /** Contents of the special tokens; their ids are their positions in `vocab`. */
  readonly specials: SpecialTokenNames;
  /** Whether sequences start with the bos token (written to tokenizer_config.json as add_bos_token). */
  readonly addBos: boolean;
}

/** Special tokens in id order. */
export function specialList(s: SpecialTokenNames): string[] {
  return [s.pad, s.eos, s.bos, s.unk];
}
