/** Decoding restricted to an allowed set of token sequences (item titles, semantic IDs). */
export { TokenTrie } from './trie';
export { constrainedBeamSearch, constrainedDecode } from './beamSearch';
export type { ConstrainedBeamOptions, ConstrainedResult } from './beamSearch';
export { gatherKvCache } from './cacheOps';
export { allowedMask, topAllowed } from './maskedTopK';
export type { Expansion } from './maskedTopK';
