/** RecCocktail (arXiv 2502.08271): base-spirit + ingredient LoRAs, linear cocktail merge, entropy-guided λ. */
export { defaultRecCocktailSettings, loraOf, parseRecCocktailSettings, recCocktailSettingsSchema, type EntropyObjective, type MergeMode, type RecCocktailSettings, type RecCocktailSettingsInput } from './settings';
export { cocktailAdapter } from './cocktail';
export { firstTokensEntropy, meanEntropy, softmaxEntropy } from './entropy';
export { bestByValidation, lambdaGrid, lowestEntropy, type EntropyPoint, type GridPoint } from './lambdaSearch';
export { scenarioSplit, type ScenarioOptions, type ScenarioSplit } from './scenarioSplit';
export { scenarioCases, type CaseOptions, type ScenarioCases } from './evalCases';
export { answerIds, instructionExample, promptIds } from './instructionTokens';
export { baseWeights, catalogLines, trainAdapter, type CatalogEntry } from './stages';
export { createPlayground, type CaseSets, type CocktailOptions, type CocktailPlayground, type LambdaEvaluation } from './playground';
export { prepareRecCocktail, unlabeledPrompts, type PreparedRecCocktail, type RecCocktailData } from './prepare';
export { entropyCurve, sweepLambdas, type CocktailSweep } from './sweep';
export { RECCOCKTAIL_SERIES, runPreparedRecCocktail, runRecCocktail, type CocktailVariant, type RecCocktailResult, type VariantEvaluation } from './runRecCocktail';
export { cocktailMetrics, cocktailProtocols, lambdaTable, variantsTable, type CocktailProtocols } from './report';
export { COCKTAIL_PATHS, loadCocktailState, saveCocktailState, type CocktailRunState } from './runState';
export { createRunPlayground, type PlaygroundEvaluation, type RunPlayground } from './runPlayground';
export { createRecCocktailRunner } from './runner';
