/** PAD (arXiv 2412.04107): pre-train, align with MK-MMD, disentangle into gated triple experts. */
export { mkMmd, padMmdOptions, pairwiseSqDistances, type MkMmdOptions, type MmdEstimator } from './mkmmd';
export { itemTextEmbeddings } from './textEmbedding';
export { defaultPadSettings, padSettingsSchema, totalEpochs, type PadSettings } from './settings';
export { trainPad, trainSasrecBaseline, type PadData, type TrainedScorer } from './trainPad';
export { evaluateWarmCold, type PadEvalSettings, type PadMetric, type PadProtocol } from './padEval';
export { drawPadCandidates, type PadCandidates } from './padCandidates';
export { compareOneSeed, comparePadToSasrec, summarise, type SeedResult, type Summary } from './padCompare';
export { chooseSource, padDataFromSource } from './padData';
export { padTable, meanMetrics, seedMetrics } from './padReport';
export { createPadRunner } from './runner';
export type { PadHooks, PadProgress, PadPhase } from './padLoop';
