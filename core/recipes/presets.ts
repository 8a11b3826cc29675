/**
 * One-click starting points of the LLM recipes in the new-run form: a quick demo size (a tiny
 * from-scratch LM that finishes in well under a minute on 2 cores, for a first look at every
 * stage and the playground) and the paper's ablations. Values are form paths; everything not
 * named keeps the recipe's defaults (the paper-scale demo).
 */
import type { RecipePreset } from '../protocol/recipes';

const TINY_LM = { 'settings.vocabSize': 300, 'settings.hidden': 32, 'settings.layers': 1, 'settings.batchSize': 4, 'settings.maxLen': 48 } as const;

export const CPREC_PRESETS: readonly RecipePreset[] = [
  { id: 'quick', title: 'Quick demo (tiny LM, ~15 s)', description: 'A 1-layer decoder, 40 WSA steps, 60 test users: every stage and the phase chart, not the quality', values: { ...TINY_LM, 'settings.steps': 40, 'settings.maxEvalCases': 60, 'settings.sftSteps': 20 } },
  { id: 'naive-mixing', title: 'Ablation: naive mixing', description: 'The domain-specific and mixed corpora shuffled together as one source in every phase: the same WSA lr schedule, no data switch at annealing', values: { 'settings.dataOrder': 'shuffled' } },
  { id: 'no-annealing', title: 'Ablation: no annealing', description: 'Warm-up then stable to the end: no annealing phase, so the harder corpus never enters', values: { 'settings.stableFraction': 0.95 } },
  { id: 'domain-specific-only', title: 'Ablation: domain-specific only', description: "The target domain's own sequences while annealing instead of all-domain mixed windows", values: { 'settings.annealData': 'target-specific' } },
];

export const RECCOCKTAIL_PRESETS: readonly RecipePreset[] = [
  {
    id: 'quick',
    title: 'Quick demo (tiny LM, ~30 s)',
    description: 'A 1-layer decoder, 20 updates per stage, 20 cases per set, λ grid step 0.25: the whole pipeline and the playground, not the quality',
    values: { ...TINY_LM, 'settings.pretrainSteps': 20, 'settings.baseSteps': 20, 'settings.ingredientSteps': 20, 'settings.negatives': 4, 'settings.maxEvalCases': 20, 'settings.entropyPrompts': 20, 'settings.lambdaStep': 0.25, 'settings.windowsPerUser': 2, 'settings.loraRank': 8, 'settings.generationCases': 10 },
  },
  { id: 'few-shot-10', title: 'Few-shot ingredient (10 % of users)', description: "The ingredient sees only 10 % of the target domain's training users (paper Table 3)", values: { 'settings.fewShotUsers': 0.1 } },
  { id: 'few-shot-30', title: 'Few-shot ingredient (30 % of users)', description: "The ingredient sees only 30 % of the target domain's training users", values: { 'settings.fewShotUsers': 0.3 } },
  { id: 'paper-ab', title: "Paper's Eq. 7 merge (A and B interpolated)", description: 'Interpolates A and B separately (cross terms) instead of the exact ΔW sum', values: { 'settings.mergeMode': 'paper-ab', 'settings.lambdaSearch': 'grid' } },
  { id: 'candidate-entropy', title: 'Entropy over candidates', description: 'Entropy guidance on the softmax of the candidate scores instead of the first generated tokens', values: { 'settings.entropyObjective': 'candidates', 'settings.lambdaSearch': 'grid' } },
  { id: 'per-layer-lambda', title: 'Entropy λ per layer', description: 'Adam on one λ per decoder layer instead of one for the whole model', values: { 'settings.lambdaScope': 'per-layer' } },
  { id: 'grid-lambda', title: 'Entropy λ on the grid only', description: "The entropy grid's minimum, without the gradient refinement", values: { 'settings.lambdaSearch': 'grid' } },
];
