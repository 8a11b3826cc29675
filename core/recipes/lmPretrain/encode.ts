/**
 * Tokenizer and token ids of the pretraining corpus. The BPE vocabulary is learnt from the training
 * part only (item texts + training users' histories), never from held-out users. Every example is
 * [bos when the tokenizer has one] + text ids + eos with prompt length 0: everything is scored and
 * the model learns where a description or history ends.
 */
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import type { LmSource } from '../../train/lm/job';
import type { LmExample } from '../../train/lm/packing';
import type { BpeModel } from '../../text/tokenizer/bpeModel';
import { trainBpe } from '../../text/tokenizer/bpeTrainer';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { PretrainCorpus } from './corpus';
import { chunkHistory, historyText } from './history';

/** Name of the training source in the LM job. */
export const PRETRAIN_SOURCE = 'pretrain';

/** The corpus as the trainer and the evaluator take it. */
export interface EncodedCorpus {
  readonly train: LmSource;
  readonly val: readonly LmExample[]; // held-out users' history texts
  readonly stats: { readonly itemExamples: number; readonly historyExamples: number; readonly trainTokens: number; readonly valTokens: number };
}

/** Texts the tokenizer learns from (order does not matter to trainBpe). */
export function tokenizerTexts(corpus: PretrainCorpus): string[] {
  return [...corpus.itemTexts, ...corpus.trainHistories.map((h) => historyText(h))];
}

/**
 * Trains the byte-level BPE of a run. Deterministic (trainBpe depends only on the word multiset);
 * no bos, as in Qwen2 tokenizers and the recipes' own scratch models.
 */
export function trainPretrainTokenizer(corpus: PretrainCorpus, vocabSize: number): BpeModel {
  return trainBpe(tokenizerTexts(corpus), { vocabSize, addBos: false });
}

/** Ids of one example: bos? + text + eos. */
export function exampleIds(tok: TextTokenizer, text: string): number[] {
  return [...(tok.bosId === undefined ? [] : [tok.bosId]), ...tok.encode(text), tok.eosId];
}

function historyExamples(tok: TextTokenizer, histories: readonly (readonly string[])[], maxLen: number): LmExample[] {
  const fits = (text: string): boolean => exampleIds(tok, text).length <= maxLen;
  // A single title too long for a row keeps its tail (and eos), as the trainer would cut it.
  return histories.flatMap((h) => chunkHistory(h, fits).map((text) => ({ tokens: exampleIds(tok, text).slice(-maxLen), promptLength: 0 })));
}

/** An item description, its head kept when longer than a row (the trainer would keep the tail). */
function itemExample(tok: TextTokenizer, text: string, maxLen: number): LmExample {
  return { tokens: exampleIds(tok, text).slice(0, maxLen), promptLength: 0 };
}

const tokenCount = (examples: readonly LmExample[]): number => examples.reduce((n, e) => n + e.tokens.length, 0);

/** Encodes items then training histories (the trainer shuffles) and the held-out histories. */
export function encodeCorpus(corpus: PretrainCorpus, tok: TextTokenizer, maxLen: number): EncodedCorpus {
  const items = corpus.itemTexts.map((t) => itemExample(tok, t, maxLen));
  const histories = historyExamples(tok, corpus.trainHistories, maxLen);
  const val = historyExamples(tok, corpus.valHistories, maxLen);
  const train = [...items, ...histories];
  return {
    train: sourceFromExamples(PRETRAIN_SOURCE, train),
    val,
    stats: { itemExamples: items.length, historyExamples: histories.length, trainTokens: tokenCount(train), valTokens: tokenCount(val) },
  };
}
