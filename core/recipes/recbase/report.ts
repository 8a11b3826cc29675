/**
 * What a finished run reports: the CL-VAE vs RQ-VAE table (Fig. 5: per-level utilisation,
 * collision rate) and the held-out-domain AUCs as metric records with their protocol.
 */
import type { EvalProtocol, MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import type { CodebookMetrics } from './codeMetrics';
import type { RecBaseConfig } from './config';
import type { RecBaseResult } from './runRecBase';
import type { QuantiserStage } from './trainQuantiser';

/** Display names of the two tokenizers (also the loss series names). */
export const TOKENIZER_NAMES = { 'cl-vae': 'CL-VAE', 'rq-vae': 'RQ-VAE' } as const;

function tokenizerRow(name: string, m: CodebookMetrics, stages: readonly QuantiserStage[]): (string | number)[] {
  const reinitialised = stages.reduce((n, st) => n + st.reinitialised, 0);
  return [name, ...m.utilisation, m.collisionRate, m.largestCollision, m.reconstruction, reinitialised];
}

/** CL-VAE vs plain RQ-VAE, measured on every item of the corpus. */
export function tokenizerTable(r: RecBaseResult, s: RecBaseConfig): ResultTable {
  const levels = r.tokenizers['cl-vae'].metrics.utilisation.map((_, d) => `Level ${d + 1} utilisation`);
  const items = r.tokenizers['cl-vae'].metrics.items;
  return {
    id: 'tokenizers',
    title: 'CL-VAE vs plain RQ-VAE',
    columns: ['Tokenizer', ...levels, 'Collision rate', 'Largest collision', 'Reconstruction MSE', 'Re-initialised codes'],
    rows: (['cl-vae', 'rq-vae'] as const).map((v) => tokenizerRow(TOKENIZER_NAMES[v], r.tokenizers[v].metrics, r.tokenizers[v].stages)),
    protocol:
      `Both fitted on the same ${r.protocol.fitItems} item vectors (${s.tokenizerFit === 'all-items' ? 'every item' : `every domain but ${r.protocol.heldOutDomain}`}), ` +
      `seed ${s.seed}, ${s.quantiser.levels} levels × ${s.quantiser.codes} codes, ${s.quantiser.levels * s.quantiser.stepsPerLevel} updates each; ` +
      `measured on all ${items} items. Utilisation = share of a level's codes used by at least one item; collision rate = 1 − distinct code tuples / items.`,
  };
}

/**
 * The protocol of every AUC of the run. `seed` is the run's settings seed; the candidate sampler's
 * seed, derived from it, is `candidates.seed`.
 */
export function aucProtocol(r: RecBaseResult): EvalProtocol {
  const c = r.protocol.candidates;
  return {
    split: 'held-out-domain',
    target: 'test',
    candidates: { kind: 'sampled', negatives: c.negatives, sampler: 'uniform', seed: c.seed },
    excludeHistory: true,
    users: r.auc.cases,
    domain: r.protocol.heldOutDomain,
    seed: r.protocol.seed,
    chance: 0.5,
  };
}

/**
 * AUC records: zero-shot and fine-tuned decoder (scored levels), their whole-ID counterparts when
 * fewer levels were scored, and the held-out domain's popularity baseline. Decoder records say in
 * `scoredLevels` how many ID levels their score covers, so a level-1 record and its full-ID
 * counterpart never share a protocol.
 */
export function aucMetrics(r: RecBaseResult, s: RecBaseConfig): MetricRecord[] {
  const protocol = aucProtocol(r);
  const idLevels = r.decoder.tokenizer.ids.levels + 1; // the quantised levels + the disambiguation level
  const partial = s.eval.scoreLevels > 0 && s.eval.scoreLevels < idLevels;
  const auc = (variant: string, value: number, scoredLevels?: number): MetricRecord => ({ name: 'AUC', k: null, value, protocol: scoredLevels === undefined ? protocol : { ...protocol, scoredLevels }, variant });
  const scored = partial ? s.eval.scoreLevels : idLevels;
  const out = [auc('zero-shot', r.auc.zeroShot.scored, scored)];
  if (r.auc.fineTuned) out.push(auc('fine-tuned', r.auc.fineTuned.scored, scored));
  if (partial) {
    out.push(auc('zero-shot (full ID)', r.auc.zeroShot.fullId, idLevels));
    if (r.auc.fineTuned) out.push(auc('fine-tuned (full ID)', r.auc.fineTuned.fullId, idLevels));
  }
  out.push(auc('popularity', r.auc.popularity));
  return out;
}
