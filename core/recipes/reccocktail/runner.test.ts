import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useTensorSuite } from '../../testing/tensorSuite';
import type { RecipeModelRef, RecipeRunEvent, RecipeRunIo } from '../runner';
import { nodeRecipeFiles } from '../../platform/recipeFiles';
import { demoRecipeSources, demoSources, writeTinyHfFolder } from '../llm/testData';
import { stageFile } from '../llm/stageCheckpoints';
import { createRecCocktailRunner } from './runner';
import type { ActionArtifact, CocktailEvaluation } from '../../protocol/recipeActions';
import { recCocktailActions } from './actions';
import { createRunPlayground } from './runPlayground';
import { COCKTAIL_PATHS, loadCocktailState } from './runState';
import { parseRecCocktailSettings, type RecCocktailSettings } from './settings';

useTensorSuite();

const files = nodeRecipeFiles;

const settings = parseRecCocktailSettings({
  vocabSize: 300, hidden: 32, layers: 1, coldFraction: 0.1, negatives: 4, maxHistory: 3, windowsPerUser: 1,
  pretrainSteps: 4, baseSteps: 4, ingredientSteps: 4, batchSize: 4, maxLen: 64, lambdaStep: 0.5,
  entropyPrompts: 6, firstTokens: 2, maxEvalCases: 8, loraRank: 2, loraAlpha: 4, loraTargets: 'attention',
});

async function run(runDir: string, model: RecipeModelRef = { kind: 'scratch' }, s: RecCocktailSettings = settings, resume = false): Promise<RecipeRunEvent[]> {
  const events: RecipeRunEvent[] = [];
  let clock = 0;
  const io: RecipeRunIo = { runDir, resume, emit: (e) => void events.push(e), isCancelled: () => false, yieldToEventLoop: () => Promise.resolve(), now: () => (clock += 1000) };
  const outcome = await createRecCocktailRunner(files).run({ runId: 'r1', settings: s, sources: demoRecipeSources(120), model }, io);
  expect(outcome).toEqual({ status: 'done' });
  return events;
}

describe('reccocktail runner (scratch model)', () => {
  it('reports stages, series, warm/cold metrics with chance, both λs, tables and loadable artifacts; the playground reproduces them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reccocktail-'));
    const pg = createRunPlayground(files);
    try {
      const events = await run(dir);
      const stages = events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []));
      expect(stages).toEqual(['data', 'pretrain', 'base-spirit', 'ingredient', 'evaluate', 'export']);
      const plans = events.flatMap((e) => (e.kind === 'lm' && e.event.kind === 'plan' ? [e.series] : []));
      expect(plans).toEqual(['catalog pre-training', 'base spirit', 'ingredient']);

      const metrics = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : []));
      for (const variant of ['pretrained', 'base', 'ingredient', 'average', 'grid', 'merged']) {
        for (const segment of ['warm', 'cold'] as const) {
          const ndcg1 = metrics.find((m) => m.variant === variant && m.name === 'NDCG' && m.k === 1 && m.protocol.segment === segment);
          expect(ndcg1?.protocol).toMatchObject({ domain: 'movies', target: 'test', candidates: { kind: 'sampled', negatives: 4, sampler: 'uniform' }, excludeHistory: true });
          expect(ndcg1?.protocol.chance).toBeCloseTo(0.2, 12);
          expect(ndcg1?.protocol.split).toBe(segment === 'warm' ? 'leave-one-out' : 'cold-item');
        }
      }
      const lambdas = metrics.filter((m) => m.name === 'lambda');
      // The grid λ per scenario (warm validation; the cold validation slice of other new items) and
      // per scenario, on its own 6 unlabeled prompts, the entropy grid's minimum and the
      // gradient-refined λ the merged variant uses.
      expect(lambdas.map((m) => `${m.variant}:${m.protocol.segment}`)).toEqual(['grid:warm', 'grid:cold', 'merged:warm', 'entropy-grid:warm', 'merged:cold', 'entropy-grid:cold']);
      expect(lambdas[1]?.protocol).toMatchObject({ split: 'cold-item', target: 'valid' });
      const gridLambdas = lambdas.filter((m) => m.variant !== 'merged');
      expect(gridLambdas.every((m) => [0, 0.5, 1].includes(m.value))).toBe(true);
      expect(lambdas.filter((m) => m.variant === 'merged').every((m) => m.value >= 0 && m.value <= 1)).toBe(true);
      expect(lambdas.slice(2).map((m) => m.protocol.users)).toEqual([6, 6, 6, 6]);

      const tables = events.flatMap((e) => (e.kind === 'table' ? [e.table] : []));
      // NDCG@1 of a scenario on the λ table (columns: λ, valid MRR, valid NDCG@1, warm NDCG@1, cold NDCG@1, …).
      const at = (lambda: number | undefined, seg: 'warm' | 'cold'): number => Number(tables[1]?.rows.find((r) => r[0] === lambda)?.[seg === 'warm' ? 3 : 4]);
      expect(tables.map((t) => t.id)).toEqual(['reccocktail-variants', 'reccocktail-lambda', 'reccocktail-lambda-search', 'reccocktail-generation']);
      // Generation: merged among its candidates is a real decode, so its HR@1 is a share of the cases.
      const gen = metrics.filter((m) => m.name === 'GenHR' || m.name === 'ValidRatio');
      expect(gen.map((m) => `${m.variant}:${m.name}:${m.protocol.segment}`)).toEqual(expect.arrayContaining(['merged:GenHR:warm', 'merged:ValidRatio:cold', 'base:GenHR:cold', 'ingredient:ValidRatio:warm']));
      for (const m of gen) expect(Math.abs(m.value * m.protocol.users - Math.round(m.value * m.protocol.users))).toBeLessThan(1e-9);
      expect(tables[1]?.rows.map((r) => r[0])).toEqual([0, 0.5, 1]);
      expect(tables[0]?.protocol).toMatch(/chance NDCG@1 0\.2/);
      expect(tables[0]?.protocol).toMatch(/Zero-shot rows: pretrained \(no adapter\) and base \(the base spirit never trains on movies/);
      // The entropy-grid row serves warm cases at the warm grid λ and new items at the cold one.
      const ndcg1Of = (variant: string, seg: 'warm' | 'cold'): number => metrics.find((m) => m.variant === variant && m.name === 'NDCG' && m.k === 1 && m.protocol.segment === seg)?.value ?? NaN;
      for (const [k, seg] of [[3, 'warm'], [5, 'cold']] as const) expect(ndcg1Of('entropy-grid', seg)).toBeCloseTo(at(lambdas[k]?.value, seg), 4);
      // The grid row serves each scenario at the λ its own validation picked.
      for (const [k, seg] of [[0, 'warm'], [1, 'cold']] as const) expect(ndcg1Of('grid', seg)).toBeCloseTo(at(lambdas[k]?.value, seg), 4);

      const artifacts = events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
      expect(artifacts.map((a) => `${a.kind}:${a.path}`)).toEqual([
        'hf-model:artifacts/base-model', 'peft-adapter:artifacts/base-spirit', 'peft-adapter:artifacts/ingredient', 'peft-adapter:artifacts/merged',
        'peft-adapter:artifacts/merged-cold',
      ]);
      const base = await files.loadModelFolder(path.join(dir, COCKTAIL_PATHS.baseModel));
      for (const a of artifacts.slice(1)) {
        const adapter = await files.loadAdapter(path.join(dir, a.path), base.config);
        expect(adapter.config.base_model_name_or_path).toBe(path.join(dir, COCKTAIL_PATHS.baseModel));
        adapter.tensors.forEach((t) => t.dispose());
      }
      base.weights.forEach((t) => t.dispose());

      // Playground: the slider reproduces the run's λ curve, Auto λ its entropy choice.
      const state = await loadCocktailState(files, dir);
      const atHalf = await pg.evaluateAtLambda(dir, 0.5);
      expect(atHalf.evaluation.warm.ndcg[1]).toBeCloseTo(Number(tables[1]?.rows[1]?.[3]), 4);
      expect(atHalf.metrics.filter((m) => m.variant === 'λ = 0.5' && m.protocol.chance !== undefined)).toHaveLength(2 * 5);
      const auto = await pg.autoLambda(dir);
      expect({ warm: auto.warm.lambda, cold: auto.cold.lambda }).toEqual(state.chosen.entropy);
      expect({ warm: auto.warm.gridLambda, cold: auto.cold.gridLambda }).toEqual(state.chosen.entropyGrid);
      expect(auto.warm.method).toBe('gradient');
      expect(auto.warm.trace).toHaveLength(settings.lambdaSteps + 1);
      expect(auto.cold.entropies.map((p) => p.lambda)).toEqual([0, 0.5, 1]);
      // The merged row serves each scenario at its gradient λ.
      for (const seg of ['warm', 'cold'] as const) {
        const ranked = await pg.evaluateAtLambda(dir, state.chosen.entropy[seg]);
        expect(ndcg1Of('merged', seg)).toBeCloseTo(ranked.evaluation[seg].ndcg[1] ?? NaN, 4);
      }

      // Export → load back → equal scores.
      const out = path.join(dir, 'exported');
      await pg.exportMerged(dir, 0.5, out);
      const loaded = await pg.evaluateFolder(dir, out);
      expect(loaded.evaluation.warm).toEqual(atHalf.evaluation.warm);
      expect(loaded.evaluation.cold).toEqual(atHalf.evaluation.cold);
      expect(loaded.evaluation.valid).toEqual(atHalf.evaluation.valid);

      // The studio's actions: a merged full checkpoint, recorded as an artifact, ranks the same.
      const actions = recCocktailActions(files, pg);
      const io = { yieldToEventLoop: () => Promise.resolve(), isCancelled: () => false, reportProgress: () => undefined };
      const exported = (await actions.exportMerged?.(dir, { lambda: 0.5, format: 'checkpoint' }, io)) as ActionArtifact;
      expect(exported.artifact).toMatchObject({ kind: 'hf-model', path: expect.stringMatching(/^artifacts\/exports\/cocktail-checkpoint-lambda-0\.50-[0-9a-f]{12}$/) });
      const viaCheckpoint = (await actions.evaluateAdapter?.(dir, { path: exported.artifact.path }, io)) as CocktailEvaluation;
      const ndcg1 = (seg: string): number | undefined => viaCheckpoint.metrics.find((m) => m.name === 'NDCG' && m.k === 1 && m.protocol.segment === seg)?.value;
      expect(ndcg1('warm')).toBeCloseTo(atHalf.evaluation.warm.ndcg[1] ?? NaN, 6);
      expect(ndcg1('cold')).toBeCloseTo(atHalf.evaluation.cold.ndcg[1] ?? NaN, 6);
    } finally {
      await pg.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a resumed run restores the finished stages, trains only the missing one, and reports the same numbers', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reccocktail-resume-'));
    const trained = (events: RecipeRunEvent[]): string[] => events.flatMap((e) => (e.kind === 'lm' && e.event.kind === 'plan' ? [e.series] : []));
    const numbers = (events: RecipeRunEvent[]): number[] => events.flatMap((e) => (e.kind === 'metrics' ? e.metrics.map((m) => m.value) : []));
    try {
      const first = await run(dir);
      expect(trained(first)).toEqual(['catalog pre-training', 'base spirit', 'ingredient']);
      expect(trained(await run(dir))).toEqual(['catalog pre-training', 'base spirit', 'ingredient']); // a fresh run never reads stage files
      // The run was cut off during the ingredient: its stage file never got written.
      await rm(stageFile(dir, 'ingredient'));
      const resumed = await run(dir, { kind: 'scratch' }, settings, true);
      expect(trained(resumed)).toEqual(['ingredient']);
      expect(resumed.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))).toEqual(['data', 'pretrain', 'base-spirit', 'ingredient', 'evaluate', 'export']);
      expect(numbers(resumed)).toEqual(numbers(first));
      // Stage files written under other settings are not reused.
      expect(trained(await run(dir, { kind: 'scratch' }, { ...settings, lr: settings.lr / 2 }, true))).toEqual(['catalog pre-training', 'base spirit', 'ingredient']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs unchanged on a local HF checkpoint folder (Qwen2 layout): only the model path differs', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reccocktail-folder-'));
    const pg = createRunPlayground(files);
    try {
      const modelDir = path.join(dir, 'tiny-qwen2');
      await writeTinyHfFolder(files, modelDir, demoSources(120).flatMap((s) => s.items.map((it) => it.title ?? '')));
      const events = await run(path.join(dir, 'run'), { kind: 'folder', path: modelDir }, { ...settings, lambdaScope: 'per-layer' });
      expect(events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))).toEqual(['data', 'base-spirit', 'ingredient', 'evaluate', 'export']);
      const artifacts = events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact.path] : []));
      expect(artifacts).toEqual(['artifacts/base-spirit', 'artifacts/ingredient', 'artifacts/merged', 'artifacts/merged-cold']);
      const state = await loadCocktailState(files, path.join(dir, 'run'));
      expect(state.baseModel).toEqual({ kind: 'folder', path: modelDir });
      // Per-layer λ: one per decoder layer of the checkpoint, listed in the search table.
      expect(state.chosen.entropyLayers?.warm).toHaveLength(1);
      const search = events.flatMap((e) => (e.kind === 'table' && e.table.id === 'reccocktail-lambda-search' ? e.table.rows : []));
      expect(String(search[0]?.[5])).toMatch(/^\[0\.\d{3}\]$/);
      const cold = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : [])).filter((m) => m.variant === 'merged' && m.protocol.segment === 'cold');
      expect(cold.length).toBeGreaterThan(0);
      const slider = await pg.evaluateAtLambda(path.join(dir, 'run'), 1);
      expect(slider.evaluation.cold.cases).toBe(cold[0]?.protocol.users);
    } finally {
      await pg.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
