/**
 * The ReLLaX ablation as the studio stores it: one ResultTable (rows base / +SUBR / +SPA / +CFLoRA
 * / full; columns AUC, LogLoss) and MetricRecords named by variant, with the protocol (per-user
 * temporal split, labelled samples) and chance levels: AUC 0.5, and for LogLoss the loss of
 * always predicting the training positive rate (the best score without looking at the sample).
 */
import type { EvalProtocol, MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import type { RellaxAblation } from './ablation';

/** Binary cross-entropy of the constant prediction `p` on labels with positive rate `rate`. */
export function constantLogLoss(p: number, rate: number): number {
  const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
  return -(rate * Math.log(q) + (1 - rate) * Math.log(1 - q));
}

/** `seed`: the run's settings seed (initialisation, retrieval sampling, training order). */
function protocolOf(a: RellaxAblation, domain: string, chance: number): EvalProtocol {
  return { split: 'temporal', target: 'test', candidates: { kind: 'labelled' }, excludeHistory: false, users: a.protocol.testSamples, domain, seed: a.protocol.seed, chance };
}

/** AUC and LogLoss per variant. */
export function rellaxMetrics(a: RellaxAblation, domain: string): MetricRecord[] {
  const logLossChance = constantLogLoss(a.protocol.trainPositiveRate, a.protocol.testPositiveRate);
  return a.rows.flatMap((r) => [
    { name: 'AUC', k: null, value: r.auc, protocol: protocolOf(a, domain, 0.5), variant: r.name },
    { name: 'LogLoss', k: null, value: r.logLoss, protocol: protocolOf(a, domain, logLossChance), variant: r.name },
  ]);
}

function protocolText(a: RellaxAblation, domain: string): string {
  const p = a.protocol;
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  return [
    `domain ${domain}: per-user temporal split — each user's last ${p.testPerUser} rated interaction(s) are test samples, up to ${p.maxTrainPerUser} earlier ones train; history = every earlier interaction, label = rating ≥ ${p.threshold}`,
    `${p.trainSamples} train / ${p.testSamples} test samples (positive rate ${pct(p.trainPositiveRate)} / ${pct(p.testPositiveRate)})`,
    `K = ${p.k} behaviours per prompt (recent, or SUBR-relevant)`,
    `${p.lm}; stage 1: ${p.stage1Steps} LoRA steps per retrieval mode, stage 2: ${p.stage2Steps} steps (SPA / CFLoRA, A·B frozen); seed ${p.seed}`,
    `chance: AUC 0.5, LogLoss ${constantLogLoss(p.trainPositiveRate, p.testPositiveRate).toFixed(4)} (constant train positive rate)`,
  ].join(' · ');
}

/** The ablation table. */
export function rellaxTable(a: RellaxAblation, domain: string): ResultTable {
  return { id: 'rellax-ablation', title: 'ReLLaX ablation (AUC ↑, LogLoss ↓)', columns: ['Variant', 'AUC', 'LogLoss'], rows: a.rows.map((r) => [r.name, r.auc, r.logLoss]), protocol: protocolText(a, domain) };
}
