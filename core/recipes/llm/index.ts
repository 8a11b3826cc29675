/** What the LLM recipes (CPRec, RecCocktail) share: the model source, the file port, candidate ranking with chance levels. */
export { disposeRecipeModel, loadRecipeModel, resolveModel, scratchModelOf, tinyLmConfigJson, type RecipeModel, type ResolvedModel, type ScratchModelSettings } from './modelSource';
export { joinPath, type LoadedModelFolder, type RecipeFiles } from './recipeFiles';
export { rankMetricRecords, type RankProtocol } from './metricRecords';
export { generationMetrics, type GenerationMetrics } from './generationEval';
export { foldAdapter, withFolded, type FoldedWeights } from './mergedWeights';
export { DEFAULT_CUTOFFS, metricsFromRanks, rankCases, scoreCases, targetRank, type RankCase, type RankMetrics } from './rankEval';
export { targetDomainOf } from './targetDomain';
