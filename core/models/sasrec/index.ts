/** The SASRec model family (registry entry). */
import type { SasRecConfig } from '../../protocol/dto';
import type { ModelFamily } from '../types';
import { defaultSasRecConfig } from './config';
import { buildSasRec } from './model';

export { defaultSasRecConfig, validateSasRecConfig } from './config';
export { buildSasRec, sasrecLoss, sasrecScoreAll, sasrecScoreCandidates } from './model';
export { encodeSequence } from './encoder';
export { initSasRecParams, sasrecVariables, type SasRecParams } from './params';

/** SASRec: self-attentive sequential recommendation. */
export const sasrecFamily: ModelFamily<SasRecConfig> = {
  name: 'sasrec',
  defaultConfig: defaultSasRecConfig,
  build: buildSasRec,
};
