/** Text tokenizers of the engine: the TextTokenizer contract, HF tokenizer.json loading, byte-level BPE training. */
export type { DecodeOptions, SpecialTokenNames, TextTokenizer } from './types';
export { DEFAULT_SPECIAL_TOKENS } from './types';
export type { BpeModel } from './bpeModel';
export { trainBpe } from './bpeTrainer';
export type { BpeTrainOptions } from './bpeTrainer';
export { createBpeTokenizer } from './bpeTokenizer';
export { bpeModelToHfFiles } from './hfJson';
export type { HfTokenizerFiles } from './hfJson';
export { createHfTokenizer } from './hfTokenizer';
export type { HfTokenizerSource } from './hfTokenizer';
export { checkTokenizerJson, SUPPORTED_MODEL_TYPES } from './hfSchema';
export type { CheckedTokenizerJson } from './hfSchema';
export type { TokenizerFileNames } from './specialTokens';
