/** ReLLaX (arXiv 2501.13344): SUBR, SPA, CFLoRA on a tiny decoder, CTR ablation with AUC / LogLoss. */
export { runRellaxAblation, RELLAX_VARIANTS, type RellaxAblation, type AblationRow, type RellaxVariant } from './ablation';
export { defaultRellaxSettings, rellaxSettingsSchema, type RellaxSettings } from './settings';
export { buildCtrDataset, type CtrDataset, type CtrOptions, type CtrSample } from './ctrData';
export { ctrDatasetFromSource } from './ctrSource';
export { cfloraDelta, cfloraInteraction, identityInteraction } from './cflora';
export { auc, logLoss } from './ctrMetrics';
export { rellaxMetrics, rellaxTable } from './rellaxReport';
export { createRellaxRunner } from './runner';
export { relevantPositions, recentPositions, semanticVectors } from './subr';
export type { RellaxHooks } from './stage1';
