/** Multi-domain corpora: registration, CPRec mixed sequences and windows, RecCocktail instruction corpora. */
export { buildCorpus, domainByName, type CorpusDomain, type CorpusItem, type CorpusUser, type DomainSource, type MultiDomainCorpus, type SourceItem } from './corpus';
export { domainSpecificSequences, mixedSequences, type MixedSequences } from './mixed';
export { targetDomainWindows, type MixedWindows, type WindowOptions } from './cprecWindows';
export { defaultOverlapPolicy, protectedIdentities, protectedLocalItems, removeOverlap, titleKey, type OverlapPolicy, type ProtectedSet } from './overlap';
export { DEFAULT_INSTRUCTION_TEMPLATE, makeExample, type ExampleParts, type InstructionExample, type InstructionTextOptions } from './instructionText';
export { evalExamples, trainingExamples, type TrainingExampleOptions } from './instructions';
export { sourcesFromPrepared } from './fromPrepared';
export { buildRecCocktailCorpora, sequencesByUser, type RecCocktailCorpora, type RecCocktailOptions } from './recCocktail';
