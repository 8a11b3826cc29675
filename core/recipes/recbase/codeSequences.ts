/**
 * Behaviour sequences rendered as concept-ID token sequences (§4.1 step 2, Fig. 1c):
 * BOS, then each item's levels + 1 code tokens, oldest first. Pre-training predicts every next
 * token (next-item code prediction); in-domain fine-tuning predicts only the held-out domain's
 * items after their cross-domain history (prompt tokens carry no loss).
 */
import type { LmExample } from '../../train/lm/packing';
import { itemTokens, SPECIAL_TOKENS } from './codeVocab';
import type { CodeVocab } from './codeVocab';
import type { SemanticIds } from './semanticIds';

/** Maps corpus items (1-based) to tokens. */
export interface ItemTokenizer {
  readonly vocab: CodeVocab;
  readonly ids: SemanticIds; // row g − 1 = corpus item g
}

/** Tokens of corpus item g. */
export function tokensOfItem(t: ItemTokenizer, g: number): number[] {
  return itemTokens(t.ids, t.vocab, g - 1);
}

/** BOS + the last `windowItems` items of `history`. */
export function promptTokens(t: ItemTokenizer, history: readonly number[], windowItems: number): number[] {
  return [SPECIAL_TOKENS.bos, ...history.slice(-windowItems).flatMap((g) => tokensOfItem(t, g))];
}

/** Consecutive chunks of ≤ windowItems + 1 items per sequence (≥ 2 items each), all tokens scored. */
export function pretrainExamples(t: ItemTokenizer, sequences: readonly (readonly number[])[], windowItems: number): LmExample[] {
  const out: LmExample[] = [];
  const span = windowItems + 1;
  for (const seq of sequences) {
    for (let end = seq.length; end >= 2; end -= span) {
      const chunk = seq.slice(Math.max(0, end - span), end);
      out.push({ tokens: promptTokens(t, chunk, span), promptLength: 1 });
    }
  }
  return out;
}

/** One example per item of `keep` (the target domain): prompt = BOS + history window, completion = its codes. */
export function targetExamples(t: ItemTokenizer, sequences: readonly (readonly number[])[], keep: (g: number) => boolean, windowItems: number): LmExample[] {
  const out: LmExample[] = [];
  for (const seq of sequences) {
    seq.forEach((g, i) => {
      if (i === 0 || !keep(g)) return;
      const prompt = promptTokens(t, seq.slice(0, i), windowItems);
      out.push({ tokens: [...prompt, ...tokensOfItem(t, g)], promptLength: prompt.length });
    });
  }
  return out;
}
