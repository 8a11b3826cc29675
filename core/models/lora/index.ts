/** LoRA adapters in Hugging Face PEFT layout: config, forward delta, merge/unmerge. */
export { parseLoraConfig, defaultLoraConfig, loraScaling, isLoraTarget, loraConfigToJson } from './config';
export type { LoraConfig, LoraConfigInput } from './config';
export { loraTensorName, parseLoraTensorName, expectedLoraShapes, initLoraAdapter, loraPair, loraDelta, disposeLoraAdapter } from './adapter';
export type { LoraAdapter } from './adapter';
export { mergeLoraAdapter, unmergeLoraAdapter } from './merge';
