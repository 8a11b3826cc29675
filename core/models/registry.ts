/**
 * Name-keyed model registry (RecBole get_model / mergekit style): the trainer builds models by
 * the name in a TrainJob and never imports a family directly.
 */
import type { SasRecConfig } from '../protocol/dto';
import { sasrecFamily } from './sasrec';
import type { ModelFamily } from './types';

/** Config type of each registered family. */
export interface ModelConfigs {
  readonly sasrec: SasRecConfig;
}

/** Registered model names. */
export type ModelName = keyof ModelConfigs;

const REGISTRY: { readonly [N in ModelName]: ModelFamily<ModelConfigs[N]> } = {
  sasrec: sasrecFamily,
};

/** The family registered under `name`. */
export function getModelFamily<N extends ModelName>(name: N): ModelFamily<ModelConfigs[N]> {
  return REGISTRY[name];
}
