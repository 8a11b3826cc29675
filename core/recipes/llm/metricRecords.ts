/**
 * RankMetrics as stored MetricRecords: every number carries its protocol (split, target, sampled
 * candidates with seed, segment, domain), the number of evaluated cases and the chance level of
 * the same metric under that protocol. Cut-offs at or beyond the candidate count are left out
 * (HR@10 of 1 + 9 candidates is 1 by construction).
 */
import type { EvalProtocol, MetricRecord } from '../../protocol/dto';
import type { RankMetrics } from './rankEval';

/** The protocol fields shared by every metric of one case set. */
export type RankProtocol = Omit<EvalProtocol, 'chance' | 'users' | 'candidates'> & { readonly negatives: number; readonly seed: number };

/** NDCG@k, HR@k (k < candidates) and MRR of `m`, each with its chance level. */
export function rankMetricRecords(m: RankMetrics, p: RankProtocol, variant?: string): MetricRecord[] {
  const { negatives, seed, ...rest } = p;
  const protocol = (chance: number): EvalProtocol => ({ ...rest, candidates: { kind: 'sampled', negatives, sampler: 'uniform', seed }, users: m.cases, chance });
  const tag = variant === undefined ? {} : { variant };
  const out: MetricRecord[] = [];
  for (const k of Object.keys(m.ndcg).map(Number)) {
    if (k >= m.candidates) continue;
    out.push({ name: 'NDCG', k, value: m.ndcg[k] ?? 0, protocol: protocol(m.chance.ndcg[k] ?? 0), ...tag });
    out.push({ name: 'HR', k, value: m.hr[k] ?? 0, protocol: protocol(m.chance.hr[k] ?? 0), ...tag });
  }
  out.push({ name: 'MRR', k: null, value: m.mrr, protocol: protocol(m.chance.mrr), ...tag });
  return out;
}
