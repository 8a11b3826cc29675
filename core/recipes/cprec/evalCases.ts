/**
 * CPRec's evaluation cases on the target domain: leave-one-out on the target's interactions
 * (valid = second-to-last, test = last behaviour of each user), 1 + N uniformly sampled
 * candidates per case (seeded, history excluded), and prompts in the pre-training template whose
 * history is the user's most recent behaviours in ANY domain before the test behaviour — the same
 * all-domain view the annealing corpus trains on (§4.3.2). Only behaviours strictly before the
 * test target are shown, and the oldest whole ones are dropped until the prompt with its longest
 * candidate fits maxLen, as every training text does.
 */
import { RecForgeError } from '../../errors';
import type { MultiDomainCorpus, CorpusDomain } from '../../data/multidomain/corpus';
import type { MixedSequences } from '../../data/multidomain/mixed';
import { candidatesOf, sampleCandidateSets, type CandidateProtocol } from '../../data/splits/candidates';
import { leaveOneOutSplit } from '../../data/splits/leaveOneOut';
import type { SplitProtocol } from '../../data/splits/types';
import type { TextTokenizer } from '../../text/tokenizer/types';
import { behaviourText, candidateText, encodeWithBos } from './behaviourText';
import { fitHistory } from './fitBehaviours';
import type { RankCase } from '../llm/rankEval';

/** Cases plus everything needed to reproduce them. */
export interface CprecEvalSet {
  readonly cases: RankCase[];
  /** Per case: 'warm' when its target occurs in the pre-training corpus, else 'cold'. */
  readonly segments: ('warm' | 'cold')[];
  readonly split: SplitProtocol;
  readonly candidates: CandidateProtocol;
}

/**
 * Title of a corpus item (1-based global index); an untitled item shows its raw id, never the
 * namespaced `${domain}:${rawId}`, which would put a domain word into the domain-agnostic template.
 */
export function itemTitle(corpus: MultiDomainCorpus, globalIdx: number): string {
  const it = corpus.items[globalIdx - 1];
  return it ? it.title ?? it.rawId : '';
}

/** Mixed-sequence position of the user's last behaviour in `domain`, or -1. */
function lastInDomain(mixed: MixedSequences, user: number, domain: number): number {
  for (let k = (mixed.items.offsets[user + 1] ?? 0) - 1; k >= (mixed.items.offsets[user] ?? 0); k--) if (mixed.domainIdx[k] === domain) return k;
  return -1;
}

/** Without test users a run would train for nothing and report empty tables: refuse it up front. */
function noTestUsers(domain: string): RecForgeError {
  const why = `target domain '${domain}' has no test users: CPRec ranks users with at least 3 behaviours in it (train, valid, test)`;
  return new RecForgeError('validation', why, { file: 'CPRec settings', field: 'targetDomain' });
}

/** Test cases of the target domain (the full corpus, target held-outs included, and its mixed sequences). */
export function cprecEvalSet(corpus: MultiDomainCorpus, mixed: MixedSequences, target: CorpusDomain, tok: TextTokenizer, opts: { readonly negatives: number; readonly seed: number; readonly historyItems: number; readonly maxLen: number; readonly maxCases: number; readonly trainedItems: ReadonlySet<number> }): CprecEvalSet {
  const split = leaveOneOutSplit(target.source.rows, target.source.items.length, target.source.users.length);
  if (split.test.user.length === 0) throw noTestUsers(target.name);
  const sets = sampleCandidateSets(split, 'test', { negatives: opts.negatives, strategy: 'uniform', seed: opts.seed });
  const cases: RankCase[] = [];
  const segments: ('warm' | 'cold')[] = [];
  for (let k = 0; k < split.test.user.length && cases.length < opts.maxCases; k++) {
    segments.push(opts.trainedItems.has(split.test.target[k] ?? 0) ? 'warm' : 'cold');
    const g = target.userGlobal[split.test.user[k] ?? 0] ?? 0;
    const pos = lastInDomain(mixed, g, target.index);
    const first = mixed.items.offsets[g] ?? 0;
    const history = Array.from(mixed.items.values.subarray(Math.max(first, pos - opts.historyItems), pos), (it) => itemTitle(corpus, it));
    const cands = Array.from(candidatesOf(sets, k), (local) => tok.encode(candidateText(itemTitle(corpus, target.itemGlobal[local] ?? 0))));
    // The same cap as training: the prompt with its longest candidate fits maxLen.
    const fitted = fitHistory(tok, history, Math.max(0, ...cands.map((c) => c.length)), opts.maxLen);
    cases.push({ prompt: encodeWithBos(tok, behaviourText(fitted)), candidates: cands, targetIndex: 0 });
  }
  return { cases, segments, split: split.protocol, candidates: sets.protocol };
}
