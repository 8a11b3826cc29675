/** Candidate scoring: log-likelihood of continuations given a prompt, with the prompt's KV cache shared. */
export { scoreCandidates, scoreCandidateSets } from './scoreCandidates';
export type { CandidateScore, ScoreOptions, ScoreRequest } from './types';
export { prefixForward } from './prefixForward';
export type { PackedTokens, PrefixForwardResult } from './prefixForward';
export { packPrompt, packContinuations } from './packing';
export { tokenLogProbs } from './tokenLogProbs';
