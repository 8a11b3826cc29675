/** From-scratch LM pretraining on a workspace's item text: corpus, tokenizer, job, validation loss. */
export { buildPretrainCorpus, splitUsers, type CorpusOptions, type PretrainCorpus, type PretrainDataset, type PretrainItem } from './corpus';
export { chunkHistory, historyText } from './history';
export { encodeCorpus, exampleIds, PRETRAIN_SOURCE, tokenizerTexts, trainPretrainTokenizer, type EncodedCorpus } from './encode';
export { planPretrain, type PretrainPlan } from './plan';
export { buildPretrainJob, pretrainLmConfig, pretrainSchedule, type PretrainJobParts } from './job';
export { defaultLmPretrainSettings, lmPretrainSettingsSchema, parseLmPretrainSettings, type LmPretrainSettings, type LmPretrainSettingsInput } from './settings';
export { evaluateLmLoss, type ValLossMetric, type ValLossOptions } from './valLoss';
