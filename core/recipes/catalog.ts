/**
 * The recipes the studio can run, as plain data: what each is, where it comes from, its stages
 * and the zod schema of its settings. Hosts turn this into RecipeInfo (JSON Schema) for the UI.
 */
import type { z } from 'zod';
import type { RecipeStage } from '../protocol/recipes';
import { sasrecSpecSchema } from '../protocol/runSchemas';

export interface RecipeEntry {
  readonly id: 'sasrec';
  readonly title: string;
  readonly paper: string;
  readonly summary: string;
  readonly stages: readonly RecipeStage[];
  readonly settings: z.ZodType;
  readonly formDefaults: Readonly<Record<string, unknown>>;
}

const STAGES_CRM: readonly RecipeStage[] = [
  { id: 'data', title: 'Dataset' },
  { id: 'split', title: 'Leave-one-out split' },
  { id: 'train', title: 'Train' },
  { id: 'eval', title: 'Evaluate (sampled + full)' },
];

export const RECIPES: readonly RecipeEntry[] = [
  {
    id: 'sasrec',
    title: 'SASRec',
    paper: 'Kang & McAuley, Self-Attentive Sequential Recommendation, ICDM 2018',
    summary: 'Causal self-attention over the item history; the conventional recommender every LLM recipe is compared with.',
    stages: STAGES_CRM,
    settings: sasrecSpecSchema.omit({ model: true }),
    formDefaults: { 'train.epochs': 20 },
  },
];
