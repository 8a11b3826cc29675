/** LLaMA / Qwen2 / Mistral decoder on tfjs, over HF-named weights. */
export { parseLmConfig, lmConfigToJson } from './config';
export type { LmConfig, LmModelType } from './config';
export { PROJECTIONS, projectionPath, projectionShape, expectedTensorShapes, parameterCount, estimateLmMemory, initLmWeights, disposeWeights, requireWeight } from './weights';
export type { LmWeights, Projection, LmMemoryEstimate } from './weights';
export { rmsNorm, linear, ropeTables, ropeAtPositions, applyRope, mlp } from './layers';
export type { ProjectionDelta } from './layers';
export { causalMask, selfAttention } from './attention';
export type { LayerKv } from './attention';
export { lmForward, disposeKvCache } from './forward';
export type { KvCache, LmForwardOptions, LmForwardResult } from './forward';
export { greedyDecode } from './generate';
export type { GreedyDecodeOptions } from './generate';
