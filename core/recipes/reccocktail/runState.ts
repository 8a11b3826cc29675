/**
 * What a finished RecCocktail run leaves for its playground (artifacts/cocktail-playground.json):
 * where the base model and both adapters are, how to merge and measure entropy, the protocols,
 * the chosen λs, and the fixed case sets as token ids — so the studio can re-merge, re-rank and
 * re-run entropy guidance later without the workspace data or the tokenizer.
 */
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import { parseJsonLocated } from '../../text/jsonLocated';
import { joinPath, type RecipeFiles } from '../llm/recipeFiles';
import type { RankCase } from '../llm/rankEval';
import type { CaseSets, CocktailOptions } from './playground';
import type { CocktailProtocols } from './report';

/** Paths inside the run folder. */
export const COCKTAIL_PATHS = {
  state: 'artifacts/cocktail-playground.json',
  baseModel: 'artifacts/base-model',
  baseSpirit: 'artifacts/base-spirit',
  ingredient: 'artifacts/ingredient',
  merged: 'artifacts/merged',
  mergedCold: 'artifacts/merged-cold',
} as const;

const ids = z.array(z.number().int().nonnegative());
const rankCase = z.object({ prompt: ids, candidates: z.array(ids), targetIndex: z.number().int().nonnegative() });
const cases = z.array(rankCase);
const protocol = z.record(z.string(), z.unknown());
const unit = z.number().min(0).max(1);
const perScenario = z.object({ warm: unit, cold: unit });

const stateSchema = z.object({
  version: z.literal(2),
  /** 'run': a folder inside the run (scratch model); 'folder': the local checkpoint the run started from. */
  baseModel: z.object({ kind: z.enum(['run', 'folder']), path: z.string() }),
  options: z.object({
    mergeMode: z.enum(['exact', 'paper-ab']),
    entropyObjective: z.enum(['first-tokens', 'candidate-tokens', 'candidates']),
    firstTokens: z.number().int().positive(),
    // Absent in runs saved before the gradient search (they searched the grid).
    lambdaSearch: z.enum(['gradient', 'grid']).optional(),
    lambdaScope: z.enum(['global', 'per-layer']).optional(),
    lambdaSteps: z.number().int().nonnegative().optional(),
    lambdaLr: z.number().positive().optional(),
  }),
  lambdaStep: z.number().positive().max(1),
  chosen: z.object({ grid: unit, gridCold: unit.optional(), entropy: perScenario, entropyGrid: perScenario.optional(), entropyLayers: z.object({ warm: z.array(unit), cold: z.array(unit) }).optional() }),
  protocols: z.object({ valid: protocol, warm: protocol, cold: protocol, coldValid: protocol.optional() }),
  sets: z.object({ valid: cases, warm: cases, cold: cases, coldValid: cases.optional(), entropy: z.object({ warm: cases, cold: cases }) }),
});

/** The saved state of a run. */
export interface CocktailRunState {
  readonly version: 2;
  readonly baseModel: { readonly kind: 'run' | 'folder'; readonly path: string };
  readonly options: CocktailOptions;
  readonly lambdaStep: number;
  /**
   * grid: best validation; entropy: the merged λ per scenario (mean when per layer); entropyGrid:
   * the entropy grid's minimum the gradient search started from; entropyLayers: per-layer λs.
   */
  readonly chosen: {
    readonly grid: number;
    /** Best λ on the cold validation slice (absent without one). */
    readonly gridCold?: number;
    readonly entropy: { readonly warm: number; readonly cold: number };
    readonly entropyGrid?: { readonly warm: number; readonly cold: number };
    readonly entropyLayers?: { readonly warm: readonly number[]; readonly cold: readonly number[] };
  };
  readonly protocols: CocktailProtocols;
  readonly sets: CaseSets;
}

const plain = (cs: readonly RankCase[]): RankCase[] => cs.map((c) => ({ prompt: [...c.prompt], candidates: c.candidates.map((x) => [...x]), targetIndex: c.targetIndex }));

/** Writes the state next to the artifacts. */
export async function saveCocktailState(files: RecipeFiles, runDir: string, state: CocktailRunState): Promise<void> {
  const entropy = { warm: plain(state.sets.entropy.warm), cold: plain(state.sets.entropy.cold) };
  const sets = { valid: plain(state.sets.valid), warm: plain(state.sets.warm), cold: plain(state.sets.cold), coldValid: plain(state.sets.coldValid ?? []), entropy };
  await files.writeText(joinPath(runDir, COCKTAIL_PATHS.state), JSON.stringify({ ...state, sets }));
}

/** Reads and validates the state; RecForgeError('not_found'/'import') when absent, not JSON (line located) or malformed. */
export async function loadCocktailState(files: RecipeFiles, runDir: string): Promise<CocktailRunState> {
  const file = joinPath(runDir, COCKTAIL_PATHS.state);
  const text = await files.readText(file).catch(() => {
    throw new RecForgeError('not_found', `no RecCocktail playground state in ${runDir} (did the run finish?)`, { file });
  });
  const parsed = stateSchema.safeParse(parseJsonLocated(text, file));
  if (!parsed.success) throw new RecForgeError('import', `${COCKTAIL_PATHS.state} is malformed: ${parsed.error.issues[0]?.message ?? ''}`, { file });
  return parsed.data as unknown as CocktailRunState;
}

/** Absolute path of the run's base model folder. */
export function baseModelDir(runDir: string, state: Pick<CocktailRunState, 'baseModel'>): string {
  return state.baseModel.kind === 'run' ? joinPath(runDir, state.baseModel.path) : state.baseModel.path;
}
