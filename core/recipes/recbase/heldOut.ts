/**
 * The zero-shot protocol on one held-out domain H (§6.1, Table 1; Table 3 for fine-tuning):
 * - H is split leave-one-out (last H interaction = test, second-to-last = valid);
 * - pre-training sees every user's chronological cross-domain sequence with all of H removed;
 * - fine-tuning sees the same sequences with H's train interactions put back (valid/test never);
 * - a test case is a user's last H item against uniform negatives from H (seeded, protocol
 *   record kept), scored after the user's full cross-domain history before it.
 */
import { domainByName } from '../../data/multidomain/corpus';
import type { CorpusDomain, MultiDomainCorpus } from '../../data/multidomain/corpus';
import { mixedSequences } from '../../data/multidomain/mixed';
import { candidatesOf, sampleCandidateSets, trainPopularity } from '../../data/splits/candidates';
import type { CandidateProtocol } from '../../data/splits/candidates';
import { leaveOneOutSplit } from '../../data/splits/leaveOneOut';
import type { SplitProtocol } from '../../data/splits/types';

/** One scored case, in corpus item indices (1-based). */
export interface HeldOutCase {
  readonly user: number; // corpus user
  readonly history: readonly number[];
  readonly candidates: readonly number[]; // [positive, ...negatives]
}

/** Everything the run trains and evaluates on, plus the records that make it reproducible. */
export interface HeldOutData {
  readonly domain: CorpusDomain;
  /** Per corpus user, chronological corpus items without any H item. */
  readonly pretrain: readonly (readonly number[])[];
  /** Per corpus user, chronological corpus items without H's valid and test items. */
  readonly finetune: readonly (readonly number[])[];
  readonly cases: readonly HeldOutCase[];
  /** popularity[g] = H-train count of corpus item g (0 outside H). */
  readonly popularity: Float64Array;
  readonly split: SplitProtocol;
  readonly candidates: CandidateProtocol;
}

/** Per corpus user: positions (in the mixed sequence) of their H interactions. */
function heldOutPositions(domainIdx: Int32Array, start: number, end: number, h: number): number[] {
  const out: number[] = [];
  for (let k = start; k < end; k++) if (domainIdx[k] === h) out.push(k - start);
  return out;
}

function globalPopularity(d: CorpusDomain, local: Float64Array, numItems: number): Float64Array {
  const out = new Float64Array(numItems + 1);
  local.forEach((c, it) => {
    if (it > 0) out[d.itemGlobal[it] ?? 0] = c;
  });
  return out;
}

/** Builds the protocol for domain `name`; at most `maxCases` test cases (first users). */
export function heldOutData(corpus: MultiDomainCorpus, name: string, negatives: number, seed: number, maxCases: number): HeldOutData {
  const d = domainByName(corpus, name);
  const split = leaveOneOutSplit(d.source.rows, d.source.items.length, d.source.users.length);
  const sets = sampleCandidateSets(split, 'test', { negatives, strategy: 'uniform', seed, exclude: 'all-interactions' });
  const mixed = mixedSequences(corpus);
  const testOf = new Map<number, number>(); // corpus user → case index
  split.test.user.forEach((u, k) => testOf.set(d.userGlobal[u] ?? 0, k));
  const pretrain: number[][] = [];
  const finetune: number[][] = [];
  const cases: HeldOutCase[] = [];
  for (let u = 0; u < corpus.users.length; u++) {
    const start = mixed.items.offsets[u] ?? 0;
    const seq = Array.from(mixed.items.values.subarray(start, mixed.items.offsets[u + 1] ?? 0));
    const hPos = heldOutPositions(mixed.domainIdx, start, start + seq.length, d.index);
    const k = testOf.get(u);
    const drop = new Set(k === undefined ? [] : hPos.slice(-2));
    pretrain.push(seq.filter((_, i) => !hPos.includes(i)));
    finetune.push(seq.filter((_, i) => !drop.has(i)));
    const testAt = hPos[hPos.length - 1];
    if (k !== undefined && testAt !== undefined && cases.length < maxCases) {
      const candidates = Array.from(candidatesOf(sets, k), (it) => d.itemGlobal[it] ?? 0);
      cases.push({ user: u, history: seq.slice(0, testAt), candidates });
    }
  }
  const popularity = globalPopularity(d, trainPopularity(split, 0), corpus.items.length);
  return { domain: d, pretrain, finetune, cases, popularity, split: split.protocol, candidates: sets.protocol };
}
