/**
 * CPRec texts that fit a row of maxLen tokens. The trainer cuts an over-long example's FIRST
 * tokens (core/train/lm/packing.ts), which would cut BOS, the header and half a title; here the
 * oldest WHOLE behaviours are dropped instead, so every pre-training text, SFT example and
 * evaluation prompt keeps BOS and the header and shows only complete titles — the same view
 * everywhere, as the template promises. (lmPretrain's chunkHistory splits a history into several
 * texts from the oldest on; CPRec windows must keep their newest behaviour, so they are cut.)
 */
import type { TextTokenizer } from '../../text/tokenizer/types';
import { behaviourExample, behaviourText, encodeWithBos } from './behaviourText';

/**
 * The newest items of `items` (order kept) for which `fits` holds, dropping the oldest first; the
 * newest `minKept` stay even when they do not fit.
 */
export function newestFitting<T>(items: readonly T[], fits: (kept: readonly T[]) => boolean, minKept = 0): T[] {
  for (let start = 0; start < items.length - minKept; start++) {
    const kept = items.slice(start);
    if (fits(kept)) return kept;
  }
  return items.slice(Math.max(0, items.length - minKept));
}

/**
 * A pre-training line (corpus item indices) cut to its newest behaviours whose example (BOS, text,
 * EOS) fits maxLen. The newest behaviour stays even alone and too long (the trainer then cuts it).
 */
export function fitPretrainLine(tok: TextTokenizer, line: readonly number[], titleOf: (item: number) => string, maxLen: number): number[] {
  const fits = (kept: readonly number[]): boolean => behaviourExample(tok, kept.map(titleOf)).tokens.length <= maxLen;
  return newestFitting(line, fits, 1);
}

/** The newest history titles whose prompt, followed by `answerTokens` tokens, fits maxLen (maybe none). */
export function fitHistory(tok: TextTokenizer, history: readonly string[], answerTokens: number, maxLen: number): string[] {
  return newestFitting(history, (kept) => encodeWithBos(tok, behaviourText(kept)).length + answerTokens <= maxLen);
}
