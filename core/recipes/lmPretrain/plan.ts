/**
 * Everything a pretraining run derives from its inputs before training: corpus, tokenizer, token
 * ids and decoder config. One pure function, so the Node runner, an in-memory caller and a resumed
 * run all derive the same things the same way. A resume passes the run's saved BPE model instead
 * of retraining it (training would give the same merges; loading is faster and provably equal).
 */
import type { LmConfig } from '../../models/lm/config';
import { createBpeTokenizer } from '../../text/tokenizer/bpeTokenizer';
import type { BpeModel } from '../../text/tokenizer/bpeModel';
import type { TextTokenizer } from '../../text/tokenizer/types';
import { buildPretrainCorpus } from './corpus';
import type { PretrainCorpus, PretrainDataset } from './corpus';
import { encodeCorpus, trainPretrainTokenizer } from './encode';
import type { EncodedCorpus } from './encode';
import { pretrainLmConfig } from './job';
import type { LmPretrainSettings } from './settings';

/** The derived inputs of a run. */
export interface PretrainPlan {
  readonly corpus: PretrainCorpus;
  readonly bpe: BpeModel;
  readonly tokenizer: TextTokenizer;
  readonly encoded: EncodedCorpus;
  readonly model: LmConfig;
}

/** Builds the plan; `bpe` given = reuse that tokenizer, else train one on the corpus. */
export function planPretrain(dataset: PretrainDataset, s: LmPretrainSettings, bpe?: BpeModel): PretrainPlan {
  const corpus = buildPretrainCorpus(dataset, s);
  const model = bpe ?? trainPretrainTokenizer(corpus, s.vocabSize);
  const tokenizer = createBpeTokenizer(model);
  return { corpus, bpe: model, tokenizer, encoded: encodeCorpus(corpus, tokenizer, s.maxLen), model: pretrainLmConfig(s, tokenizer) };
}
