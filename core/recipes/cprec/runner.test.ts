import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useTensorSuite } from '../../testing/tensorSuite';
import type { RecipeModelRef, RecipeRunEvent, RecipeRunIo } from '../runner';
import { nodeRecipeFiles } from '../../platform/recipeFiles';
import { CPREC_PATHS, CPREC_SERIES, createCprecRunner } from './runner';
import { parseCprecSettings, type CprecSettingsInput } from './settings';
import { demoRecipeSources, demoSources, writeTinyHfFolder } from '../llm/testData';
import { stageFile } from '../llm/stageCheckpoints';

useTensorSuite();

const files = nodeRecipeFiles;

const TINY: CprecSettingsInput = { vocabSize: 300, hidden: 32, layers: 1, steps: 10, warmupFraction: 0.2, stableFraction: 0.5, batchSize: 4, maxLen: 48, negatives: 9, maxEvalCases: 30, sftSteps: 4 };

async function run(runDir: string, model: RecipeModelRef, over: CprecSettingsInput = {}, resume = false): Promise<RecipeRunEvent[]> {
  const events: RecipeRunEvent[] = [];
  let clock = 0;
  const io: RecipeRunIo = { runDir, resume, emit: (e) => void events.push(e), isCancelled: () => false, yieldToEventLoop: () => Promise.resolve(), now: () => (clock += 1000) };
  const settings = parseCprecSettings({ ...TINY, ...over });
  expect(await createCprecRunner(files).run({ runId: 'c1', settings, sources: demoRecipeSources(120), model }, io)).toEqual({ status: 'done' });
  return events;
}

describe('cprec runner', () => {
  it('a resumed run restores the finished stages (CPT, SFT from initial), trains the missing one, and reports the same numbers', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cprec-resume-'));
    const trained = (events: RecipeRunEvent[]): string[] => events.flatMap((e) => (e.kind === 'lm' && e.event.kind === 'plan' ? [e.series] : []));
    const results = (events: RecipeRunEvent[]): unknown[] => events.flatMap((e) => (e.kind === 'metrics' ? e.metrics.map((m): unknown => m.value) : e.kind === 'table' ? [e.table.rows] : []));
    for (const trainable of ['lora', 'full'] as const) {
      try {
        const first = await run(dir, { kind: 'scratch' }, { trainable });
        expect(trained(first)).toEqual([CPREC_SERIES, 'sft (from initial)', 'sft (from CPT)']);
        await rm(stageFile(dir, 'sft-cpt')); // cut off during the last stage
        const resumed = await run(dir, { kind: 'scratch' }, { trainable }, true);
        expect(trained(resumed)).toEqual(['sft (from CPT)']);
        expect(results(resumed)).toEqual(results(first));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);

  it('scratch model: stages, the all-domain series with its WSA plan and data switch, metrics with protocol, tables, a loadable model folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cprec-'));
    try {
      const events = await run(dir, { kind: 'scratch' });
      expect(events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))).toEqual(['data', 'pretrain', 'evaluate', 'sft', 'export']);
      const lmEvents = events.flatMap((e) => (e.kind === 'lm' ? [e] : []));
      expect([...new Set(lmEvents.map((e) => e.series))]).toEqual([CPREC_SERIES, 'sft (from initial)', 'sft (from CPT)']);
      const lm = lmEvents.filter((e) => e.series === CPREC_SERIES);
      const plan = lm.find((e) => e.event.kind === 'plan')?.event;
      expect(plan).toEqual({
        kind: 'plan', startStep: 0, totalSteps: 10,
        boundaries: [{ step: 1, phase: 'warmup', source: 'domain-specific' }, { step: 3, phase: 'stable', source: 'domain-specific' }, { step: 8, phase: 'anneal', source: 'mixed-target' }],
      });
      const changes = lm.flatMap((e) => (e.event.kind === 'phaseChange' ? [`${e.event.step}:${e.event.to}:${e.event.source}`] : []));
      expect(changes).toEqual(['1:warmup:domain-specific', '3:stable:domain-specific', '8:anneal:mixed-target']);

      const metrics = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : []));
      for (const variant of ['initial', 'cprec', 'sft', 'cprec+sft']) {
        for (const segment of ['all', 'warm', 'cold']) {
          const m = metrics.find((x) => x.variant === variant && x.name === 'HR' && x.k === 1 && x.protocol.segment === segment);
          expect(m?.protocol).toMatchObject({ split: 'leave-one-out', target: 'test', domain: 'movies', candidates: { kind: 'sampled', negatives: 9, sampler: 'uniform' } });
          expect(m?.protocol.chance).toBeCloseTo(0.1, 12);
        }
      }
      const all = metrics.filter((x) => x.variant === 'cprec' && x.protocol.segment === 'all' && x.name === 'MRR');
      expect(all[0]?.protocol.users).toBe(30);

      const tables = events.flatMap((e) => (e.kind === 'table' ? [e.table] : []));
      expect(tables.map((t) => t.id)).toEqual(['cprec-results', 'cprec-schedule']);
      expect(tables[1]?.rows.map((r) => r.slice(0, 3))).toEqual([['warmup', 1, 'domain-specific'], ['stable', 3, 'domain-specific'], ['anneal', 8, 'mixed-target']]);

      const artifacts = events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
      expect(artifacts.map((a) => `${a.kind}:${a.path}`)).toEqual([`hf-model:${CPREC_PATHS.model}`]);
      const saved = await files.loadModelFolder(path.join(dir, CPREC_PATHS.model));
      expect(saved.tokenizer.encode(' Haunted').length).toBeGreaterThan(0);
      saved.weights.forEach((t) => t.dispose());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs unchanged on a local HF checkpoint folder, here with a LoRA adapter as the product', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cprec-folder-'));
    try {
      const modelDir = path.join(dir, 'tiny-qwen2');
      await writeTinyHfFolder(files, modelDir, demoSources(120).flatMap((s) => s.items.map((it) => it.title ?? '')));
      const events = await run(path.join(dir, 'run'), { kind: 'folder', path: modelDir }, { trainable: 'lora', loraRank: 2, loraAlpha: 4 });
      const artifacts = events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
      expect(artifacts.map((a) => `${a.kind}:${a.path}`)).toEqual([`peft-adapter:${CPREC_PATHS.adapter}`]);
      const base = await files.loadModelFolder(modelDir);
      const adapter = await files.loadAdapter(path.join(dir, 'run', CPREC_PATHS.adapter), base.config);
      expect(adapter.config.r).toBe(2);
      expect(adapter.config.base_model_name_or_path).toBe(modelDir);
      [...base.weights.values(), ...adapter.tensors.values()].forEach((t) => t.dispose());
      expect(events.some((e) => e.kind === 'metrics' && e.metrics.some((m) => m.variant === 'initial'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a from-scratch LoRA run saves the base its adapter applies to, and the adapter names it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cprec-lora-'));
    try {
      const events = await run(dir, { kind: 'scratch' }, { trainable: 'lora', loraRank: 2, loraAlpha: 4 });
      const artifacts = events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
      expect(artifacts.map((a) => `${a.kind}:${a.path}`)).toEqual([`hf-model:${CPREC_PATHS.baseModel}`, `peft-adapter:${CPREC_PATHS.adapter}`]);
      const base = await files.loadModelFolder(path.join(dir, CPREC_PATHS.baseModel));
      const adapter = await files.loadAdapter(path.join(dir, CPREC_PATHS.adapter), base.config);
      expect(adapter.config.base_model_name_or_path).toBe(path.join(dir, CPREC_PATHS.baseModel));
      expect(base.tokenizer.encode(' Haunted').length).toBeGreaterThan(0);
      [...base.weights.values(), ...adapter.tensors.values()].forEach((t) => t.dispose());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
