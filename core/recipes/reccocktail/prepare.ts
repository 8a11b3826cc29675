/**
 * Everything RecCocktail derives from the data before training: the corpus, the warm/cold
 * scenario split of the target domain, the general and target instruction corpora (leakage guard
 * included), the catalog a scratch model pre-trains on, and the fixed ranking cases (validation,
 * warm test, cold test) with at most 100 unlabeled prompts per scenario for entropy guidance.
 */
import { RecForgeError } from '../../errors';
import { buildCorpus, domainByName, type CorpusDomain, type CorpusItem, type DomainSource, type MultiDomainCorpus } from '../../data/multidomain/corpus';
import { buildRecCocktailCorpora, type RecCocktailCorpora } from '../../data/multidomain/recCocktail';
import type { CandidateProtocol } from '../../data/splits/candidates';
import { createRng, mixSeed, shuffleInPlace } from '../../train/rng';
import type { RankCase } from '../llm/rankEval';
import { resolveModel, type RecipeModel, type ResolvedModel } from '../llm/modelSource';
import { scenarioCases, type CaseOptions } from './evalCases';
import type { CaseSets } from './playground';
import { scenarioSplit, type ScenarioSplit } from './scenarioSplit';
import type { RecCocktailSettings } from './settings';
import type { CatalogEntry } from './stages';

/** The domains of a run and the model to start from. */
export interface RecCocktailData {
  readonly sources: readonly DomainSource[];
  readonly model: RecipeModel;
}

/** A prepared run. */
export interface PreparedRecCocktail {
  readonly corpus: MultiDomainCorpus;
  readonly target: CorpusDomain;
  readonly model: ResolvedModel;
  readonly scenarios: ScenarioSplit;
  readonly corpora: RecCocktailCorpora;
  /** Text of every item: a new item's text exists when it is recommended, its interactions do not. */
  readonly catalog: readonly CatalogEntry[];
  readonly sets: CaseSets;
  readonly candidates: { readonly valid: CandidateProtocol; readonly warm: CandidateProtocol; readonly cold: CandidateProtocol; readonly coldValid: CandidateProtocol };
}

/** Item text in prompts and answers: the title, or genres first then the title (the genre is the first decision). */
export function itemTextOf(kind: RecCocktailSettings['itemText']): (item: CorpusItem) => string {
  const title = (it: CorpusItem): string => it.title ?? it.id;
  return kind === 'title' ? title : (it) => (it.genres.length > 0 ? `${it.genres.join(', ')}: ${title(it)}` : title(it));
}

/** A seeded sample of ≤ n test prompts of one scenario; only prompts and candidates are read. */
export function unlabeledPrompts(tests: readonly RankCase[], n: number, seed: number): RankCase[] {
  const order = tests.map((_, i) => i);
  shuffleInPlace(order, createRng(mixSeed(seed, 0xe47)));
  return order.slice(0, n).map((i) => tests[i] as RankCase);
}

/** The target corpus restricted to a seeded share of its users (few-shot ingredient, paper Table 3). */
export function fewShot(corpora: RecCocktailCorpora, s: Pick<RecCocktailSettings, 'fewShotUsers' | 'seed'>): RecCocktailCorpora {
  if (s.fewShotUsers >= 1) return corpora;
  const users = [...new Set(corpora.target.map((e) => e.userId))];
  shuffleInPlace(users, createRng(mixSeed(s.seed, 0xf5)));
  const kept = new Set(users.slice(0, Math.max(1, Math.round(users.length * s.fewShotUsers))));
  return { ...corpora, target: corpora.target.filter((e) => kept.has(e.userId)) };
}

function checkSettings(s: RecCocktailSettings): void {
  if (s.entropyPrompts > 100 || s.entropyPrompts < 1) throw new RecForgeError('validation', 'entropyPrompts must be in [1, 100]', { file: 'reccocktail', field: 'entropyPrompts' });
  // The gradient flows through the exact ΔW merge and the first-tokens entropy; the other forms are grid-only.
  if (s.lambdaSearch === 'gradient' && (s.mergeMode !== 'exact' || s.entropyObjective === 'candidates')) {
    throw new RecForgeError('validation', 'λ by gradient needs the exact merge and a first-tokens entropy; choose "grid" for the others', { file: 'reccocktail', field: 'lambdaSearch' });
  }
}

/** Builds corpora and cases; a scratch model's tokenizer is trained on the catalog here. */
export function prepareRecCocktail(data: RecCocktailData, s: RecCocktailSettings): PreparedRecCocktail {
  checkSettings(s);
  const corpus = buildCorpus(data.sources);
  const target = domainByName(corpus, s.targetDomain);
  const scenarios = scenarioSplit(target.source.rows, target.source.items.length, target.source.users.length, { coldFraction: s.coldFraction, coldStrategy: s.coldStrategy, warmUsers: s.maxEvalCases, coldCases: s.maxEvalCases, coldValidShare: s.coldValidation, seed: s.seed });
  const catalog = corpus.items.map((it) => ({ title: itemTextOf(s.itemText)(it), genres: it.genres }));
  const model = resolveModel(data.model, catalog.map((c) => c.title));
  const template = { itemText: itemTextOf(s.itemText), ...(s.template === '' ? {} : { template: s.template }) };
  const corpora = fewShot(buildRecCocktailCorpora(corpus, s.targetDomain, scenarios.split, { seed: s.seed, negatives: s.negatives, maxHistory: s.maxHistory, windowsPerUser: s.windowsPerUser, ...template }), s);
  const o: CaseOptions = { negatives: s.negatives, seed: s.seed, maxHistory: s.maxHistory, maxCases: s.maxEvalCases, neverNegatives: scenarios.newItems, ...template };
  const valid = scenarioCases(corpus, target, scenarios.warm, 'valid', model.tokenizer, o);
  const warm = scenarioCases(corpus, target, scenarios.warm, 'test', model.tokenizer, o);
  const cold = scenarioCases(corpus, target, scenarios.cold, 'test', model.tokenizer, { ...o, neverNegatives: [] });
  const coldValid = scenarioCases(corpus, target, scenarios.coldValid, 'test', model.tokenizer, { ...o, neverNegatives: [] });
  // Entropy guidance is per inference scenario (§3.3, Fig. 4): each gets its own unlabeled prompts.
  const entropy = { warm: unlabeledPrompts(warm.cases, s.entropyPrompts, s.seed), cold: unlabeledPrompts(cold.cases, s.entropyPrompts, s.seed) };
  const sets: CaseSets = { valid: valid.cases, warm: warm.cases, cold: cold.cases, coldValid: coldValid.cases, entropy };
  return { corpus, target, model, scenarios, corpora, catalog, sets, candidates: { valid: valid.candidates, warm: warm.candidates, cold: cold.candidates, coldValid: coldValid.candidates } };
}
