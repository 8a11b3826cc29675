/**
 * CPRec's unified, domain-agnostic text template (§4.3.3): a behaviour sequence is the item texts
 * in time order, with no domain words, so one template serves every domain and the mixed corpus.
 * Training texts and evaluation prompts share it exactly: a prompt is the history followed by the
 * separator, a candidate is one item text followed by the separator (so a title that is a prefix
 * of another is not favoured).
 */
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { LmExample } from '../../train/lm/packing';

/** Opening words of every behaviour text. */
export const BEHAVIOUR_HEADER = 'Behaviours:';
/** Written after every item text. */
export const ITEM_SEPARATOR = ' ;';

/** The text of a whole sequence (pre-training). */
export function behaviourText(items: readonly string[]): string {
  return BEHAVIOUR_HEADER + items.map((t) => ` ${t}${ITEM_SEPARATOR}`).join('');
}

/** The continuation a candidate item is scored as. */
export function candidateText(item: string): string {
  return ` ${item}${ITEM_SEPARATOR}`;
}

/** Token ids of `text`, with the tokenizer's BOS first when it has one. */
export function encodeWithBos(tok: TextTokenizer, text: string): number[] {
  const ids = tok.encode(text);
  return tok.bosId === undefined ? ids : [tok.bosId, ...ids];
}

/** A pre-training example: causal-LM loss on every token (CPT has no prompt part), EOS at the end. */
export function behaviourExample(tok: TextTokenizer, items: readonly string[]): LmExample {
  return { tokens: [...encodeWithBos(tok, behaviourText(items)), tok.eosId], promptLength: 0 };
}
