/**
 * Ranking cases for RecCocktail's evaluation (§4.1: 1 ground truth + N uniformly sampled negatives,
 * history excluded, seeded): the prompt is the instruction with the candidates listed in a seeded
 * shuffled order; each candidate's answer ids are scored. New items (every one the split made new,
 * with or without a case) are never negatives in the validation or warm-test sets, so no cold
 * title reaches a warm prompt.
 */
import type { CorpusDomain, CorpusItem, MultiDomainCorpus } from '../../data/multidomain/corpus';
import { evalExamples } from '../../data/multidomain/instructions';
import { candidatesOf, sampleCandidateSets, type CandidateProtocol } from '../../data/splits/candidates';
import type { SplitResult } from '../../data/splits/types';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { RankCase } from '../llm/rankEval';
import { answerIds, promptIds } from './instructionTokens';

/** Cases of one phase with the candidate protocol. */
export interface ScenarioCases {
  readonly cases: RankCase[];
  readonly prompts: string[];
  readonly candidates: CandidateProtocol;
}

/** Options shared by every phase. */
export interface CaseOptions {
  readonly negatives: number;
  readonly seed: number;
  readonly maxHistory: number;
  readonly maxCases: number;
  readonly template?: string;
  readonly neverNegatives: readonly number[];
  /** How an item reads in prompts and answers (the same function trains and scores). */
  readonly itemText: (item: CorpusItem) => string;
}

function textOf(corpus: MultiDomainCorpus, globalIdx: number, itemText: CaseOptions['itemText']): string {
  const it = corpus.items[globalIdx - 1];
  return it ? itemText(it) : '';
}

/** Valid or test cases of `split` (first maxCases). */
export function scenarioCases(corpus: MultiDomainCorpus, domain: CorpusDomain, split: SplitResult, phase: 'valid' | 'test', tok: TextTokenizer, o: CaseOptions): ScenarioCases {
  const sets = sampleCandidateSets(split, phase, { negatives: o.negatives, strategy: 'uniform', seed: o.seed, neverNegatives: o.neverNegatives });
  const examples = evalExamples(corpus, domain, split, phase === 'valid' ? split.valid : split.test, sets, { seed: o.seed, maxHistory: o.maxHistory, itemText: o.itemText, ...(o.template ? { template: o.template } : {}) });
  const n = Math.min(o.maxCases, examples.length);
  const cases: RankCase[] = [];
  for (let k = 0; k < n; k++) {
    const cands = Array.from(candidatesOf(sets, k), (local) => answerIds(tok, textOf(corpus, domain.itemGlobal[local] ?? 0, o.itemText)));
    cases.push({ prompt: promptIds(tok, examples[k]?.prompt ?? ''), candidates: cands, targetIndex: 0 });
  }
  return { cases, prompts: examples.slice(0, n).map((e) => e.prompt), candidates: sets.protocol };
}
