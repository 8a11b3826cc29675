/**
 * Instruction examples from sequences (training) and from split cases (evaluation). Candidate
 * order is shuffled per example with a seeded stream: with the target always first an LLM would
 * learn the position, not the user.
 */
import type { PackedSequences } from '../../protocol/worker';
import { sampleNegativesWithoutReplacement } from '../../eval/candidates';
import { sortedUnique } from '../../train/itemSets';
import { createRng, mixSeed, shuffleInPlace, type Rng } from '../../train/rng';
import { candidatesOf, type CandidateSets } from '../splits/candidates';
import { caseCount, caseHistory, type EvalCases, type SplitResult } from '../splits/types';
import type { CorpusDomain, MultiDomainCorpus } from './corpus';
import { makeExample, type InstructionExample, type InstructionTextOptions } from './instructionText';

/** Options for training examples. */
export interface TrainingExampleOptions extends InstructionTextOptions {
  readonly seed: number;
  /** Negatives per example (default 29, RecCocktail's 1 + 29 candidate sets). */
  readonly negatives?: number;
  /** Most recent history items shown (default 10). */
  readonly maxHistory?: number;
  /** Examples per user, taken from the end of the sequence (default 1: predict the last item). */
  readonly windowsPerUser?: number;
  /** Local items that must never appear as negatives (e.g. protected by the overlap guard). */
  readonly neverCandidates?: readonly number[];
}

/** Examples from per-user sequences (local item indices of `domain`). */
export function trainingExamples(corpus: MultiDomainCorpus, domain: CorpusDomain, seqs: PackedSequences, opts: TrainingExampleOptions): InstructionExample[] {
  const out: InstructionExample[] = [];
  const numItems = domain.source.items.length;
  const maxHistory = opts.maxHistory ?? 10;
  for (let u = 0; u + 1 < seqs.offsets.length; u++) {
    const seq = seqs.values.subarray(seqs.offsets[u] ?? 0, seqs.offsets[u + 1] ?? 0);
    const lowest = Math.max(1, seq.length - (opts.windowsPerUser ?? 1));
    for (let k = lowest; k < seq.length; k++) {
      const history = seq.subarray(Math.max(0, k - maxHistory), k);
      const target = seq[k] ?? 0;
      const rng = createRng(mixSeed(opts.seed, domain.index, u, k));
      const banned = [...Array.from(seq.subarray(0, k)), ...(opts.neverCandidates ?? [])];
      const candidates = withNegatives(rng, numItems, banned, target, opts.negatives ?? 29);
      out.push(makeExample(corpus, domain, { user: u, history, candidates, target }, opts));
    }
  }
  return out;
}

/** Target + up to n uniform negatives outside `banned`, shuffled. */
function withNegatives(rng: Rng, numItems: number, banned: readonly number[], target: number, n: number): Int32Array {
  const excluded = sortedUnique([...banned, target]);
  const available = numItems - excluded.filter((x) => x >= 1 && x <= numItems).length;
  const negatives = sampleNegativesWithoutReplacement(rng, numItems, excluded, Math.min(n, Math.max(0, available)));
  const all = Int32Array.from([target, ...negatives]);
  shuffleInPlace(all, rng);
  return all;
}

/** Examples for evaluation cases, using pre-drawn candidate sets (e.g. sampleCandidateSets, 29 uniform). */
export function evalExamples(
  corpus: MultiDomainCorpus,
  domain: CorpusDomain,
  split: SplitResult,
  cases: EvalCases,
  sets: CandidateSets,
  opts: InstructionTextOptions & { readonly seed: number; readonly maxHistory?: number },
): InstructionExample[] {
  const out: InstructionExample[] = [];
  for (let k = 0; k < caseCount(cases); k++) {
    const full = caseHistory(split, cases, k);
    const history = full.subarray(Math.max(0, full.length - (opts.maxHistory ?? 10)));
    const candidates = Int32Array.from(candidatesOf(sets, k));
    shuffleInPlace(candidates, createRng(mixSeed(opts.seed, domain.index, cases.user[k] ?? 0, cases.historyEnd[k] ?? 0)));
    out.push(makeExample(corpus, domain, { user: cases.user[k] ?? 0, history, candidates, target: cases.target[k] ?? 0 }, opts));
  }
  return out;
}
