/**
 * The CTR prompt (ReLLa/ReLLaX §3.1 template, as token ids): BOS, then for each kept behaviour its
 * title words, an SPA slot (when SPA is on, §3.3: a soft token after the item's text tokens) and
 * liked/disliked, separated by SEP; then ASK, the target's words (+ its SPA slot) and ANSWER. The
 * label is the next token: YES or NO.
 */
import { UNRATED, type CtrSample } from './ctrData';
import { SPECIAL, type Vocab } from './vocab';

/** A prompt and where its soft slots are. */
export interface Prompt {
  readonly tokens: number[];
  /** Token positions of SPA slots and the item each one stands for. */
  readonly softPositions: number[];
  readonly softItems: number[];
}

function pushItem(p: Prompt, vocab: Vocab, item: number, spa: boolean): void {
  p.tokens.push(...(vocab.itemTokens[item] ?? []));
  if (!spa) return;
  p.softPositions.push(p.tokens.length);
  p.softItems.push(item);
  p.tokens.push(SPECIAL.soft);
}

/** Tokens of the prompt for `sample` with the behaviours at `positions` (chronological). */
export function buildPrompt(sample: CtrSample, positions: readonly number[], vocab: Vocab, spa: boolean): Prompt {
  const p: Prompt = { tokens: [SPECIAL.bos], softPositions: [], softItems: [] };
  for (const pos of positions) {
    pushItem(p, vocab, sample.history[pos] ?? 0, spa);
    const liked = sample.historyLiked[pos];
    if (liked !== UNRATED) p.tokens.push(liked === 1 ? SPECIAL.liked : SPECIAL.disliked);
    p.tokens.push(SPECIAL.sep);
  }
  p.tokens.push(SPECIAL.ask);
  pushItem(p, vocab, sample.target, spa);
  p.tokens.push(SPECIAL.answer);
  return p;
}

/** The answer token of a label. */
export function answerToken(label: 0 | 1): number {
  return label === 1 ? SPECIAL.yes : SPECIAL.no;
}

/**
 * Most tokens a training example can have (the longest prompt, SPA slots included, plus its
 * YES/NO label): BOS; per behaviour its words, a soft slot, liked/disliked and SEP; ASK; the
 * target's words and soft slot; ANSWER; the label. The decoder's position table must reach it.
 */
export function exampleTokenBound(k: number, maxItemTokens: number): number {
  return 1 + k * (maxItemTokens + 3) + 1 + (maxItemTokens + 1) + 1 + 1;
}
