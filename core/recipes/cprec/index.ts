/** CPRec (arXiv 2504.08949): all-domain continual pre-training with a WSA schedule and a data switch at annealing. */
export { cprecLora, cprecSettingsSchema, cprecTrainable, defaultCprecSettings, parseCprecSettings, type CprecSettings, type CprecSettingsInput } from './settings';
export { cprecSchedule, cprecSources, cprecSchedulePlan, type CprecSchedulePlan, type WsaConfig } from './schedulePlan';
export { BEHAVIOUR_HEADER, ITEM_SEPARATOR, behaviourExample, behaviourText, candidateText, encodeWithBos } from './behaviourText';
export { domainSpecificLines, mixedLines, mixedTargetLines, phaseLines, windowsOf } from './corpora';
export { cprecEvalSet, itemTitle, type CprecEvalSet } from './evalCases';
export { createCprecRunner, CPREC_PATHS, CPREC_SERIES } from './runner';
export { cprecJob, runCprec, type CprecData, type CprecEvaluation, type CprecResult } from './runCprec';
