/**
 * Instruction examples as token ids (RecCocktail §3.1/§3.2 SFT: loss only on the answer). The
 * answer is the target title after one space, ended by EOS; at evaluation every candidate title is
 * scored the same way (space, title, EOS), so training and ranking see identical token strings.
 */
import type { InstructionExample } from '../../data/multidomain/instructionText';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { LmExample } from '../../train/lm/packing';
import { encodeWithBos } from '../cprec/behaviourText';

/** Prompt ids (BOS first when the tokenizer has one). */
export function promptIds(tok: TextTokenizer, prompt: string): number[] {
  return encodeWithBos(tok, prompt);
}

/** Answer ids of an item title: " title" + EOS. */
export function answerIds(tok: TextTokenizer, title: string): number[] {
  return [...tok.encode(` ${title}`), tok.eosId];
}

/** A supervised example: prompt masked, answer scored. */
export function instructionExample(tok: TextTokenizer, ex: InstructionExample): LmExample {
  const prompt = promptIds(tok, ex.prompt);
  return { tokens: [...prompt, ...answerIds(tok, ex.completion)], promptLength: prompt.length };
}
