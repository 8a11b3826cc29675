import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { recipeFilesOver } from '../llm/portRecipeFiles';
import { useTensorSuite } from '../../testing/tensorSuite';
import type { RecipeSource } from '../runner';
import { createPadRunner } from './runner';
import { syntheticColdData } from './syntheticCold';
import { recordingRunIo } from './testIo';

useTensorSuite();

const padRunner = createPadRunner(recipeFilesOver(memoryFilePort()));

function tinySource(): RecipeSource {
  const d = syntheticColdData({ genres: 4, itemsPerGenre: 10, users: 60, length: 10, loyalty: 0.9, seed: 2 });
  const items = d.itemTexts.slice(1).map((text, i) => ({ rawId: `i${i + 1}`, title: text, genres: [], text }));
  return { name: 'toy', users: Array.from({ length: 60 }, (_, u) => `u${u}`), items, rows: d.cols };
}

function recordingIo(cancelAfterTrainEvents = Infinity): ReturnType<typeof recordingRunIo> {
  return recordingRunIo((events) => events.filter((e) => e.kind === 'train').length >= cancelAfterTrainEvents);
}

const settings = padRunner.settings.parse({ seeds: 2, hidden: 16, blocks: 1, maxLen: 8, textDim: 16, pretrainEpochs: 2, alignEpochs: 1, finetuneEpochs: 1, batchSize: 32, negatives: 20, maxEvalCases: 100 });

describe('padRunner', () => {
  it('reports stages, one loss series per model and seed, per-seed and mean metrics and the table', async () => {
    const { io, events } = recordingIo();
    const outcome = await padRunner.run({ runId: 'r', settings, sources: [tinySource()], model: { kind: 'scratch' } }, io);
    expect(outcome.status).toBe('done');
    const stages = new Set(events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : [])));
    expect([...stages].sort()).toEqual(['align', 'baseline', 'evaluate', 'finetune', 'pretrain', 'split']);
    const train = events.flatMap((e) => (e.kind === 'train' ? [e] : []));
    expect(new Set(train.map((e) => e.series))).toEqual(new Set(['PAD seed 1', 'SASRec seed 1', 'PAD seed 2', 'SASRec seed 2']));
    expect(train.length).toBe(2 * 2 * 4);
    expect(train.at(-1)?.progress.step).toBe(16);
    expect(train.every((e) => e.points.every((p) => Number.isFinite(p.loss)))).toBe(true);

    const metrics = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : [])) as MetricRecord[];
    const variants = new Set(metrics.map((m) => m.variant));
    expect(variants).toEqual(new Set(['PAD seed 1', 'SASRec seed 1', 'PAD seed 2', 'SASRec seed 2', 'PAD', 'SASRec']));
    for (const m of metrics) {
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.protocol).toMatchObject({ split: 'cold-item', excludeHistory: true, domain: 'toy', seed: 11, candidates: { kind: 'sampled', negatives: 20, sampler: 'uniform', seed: 7 } });
      expect(m.protocol.target).toBe(m.protocol.segment === 'warm' ? 'valid' : 'test');
      expect(m.protocol.chance).toBeGreaterThan(0);
      expect(m.protocol.users).toBeGreaterThan(0);
    }
    const hrChance = metrics.find((m) => m.name === 'HR')?.protocol.chance;
    expect(hrChance).toBeCloseTo(10 / 21, 12);
    const mean = (variant: string, segment: string): number => metrics.find((m) => m.variant === variant && m.name === 'NDCG' && m.protocol.segment === segment)?.value ?? NaN;
    expect(mean('PAD', 'cold')).toBeCloseTo((mean('PAD seed 1', 'cold') + mean('PAD seed 2', 'cold')) / 2, 12);

    const table = events.find((e) => e.kind === 'table')?.table as ResultTable;
    expect(table.columns).toEqual(['Segment', 'Variant', 'HR@10', 'HR@10 ±', 'NDCG@10', 'NDCG@10 ±', 'MRR', 'MRR ±']);
    expect(table.rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(['warm SASRec', 'warm PAD', 'warm PAD − SASRec', 'cold SASRec', 'cold PAD', 'cold PAD − SASRec']);
    for (const r of table.rows) for (const v of r.slice(2)) expect(Number.isFinite(v)).toBe(true);
    const diff = table.rows[5]?.[4] as number;
    expect(diff).toBeCloseTo((table.rows[4]?.[4] as number) - (table.rows[3]?.[4] as number), 12);
    expect(table.protocol).toContain('seeds 1, 2');
    const gates = events.flatMap((e) => (e.kind === 'table' ? [e.table] : [])).find((t) => t.id === 'pad-gates');
    for (const r of gates?.rows ?? []) expect((r.slice(1) as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(gates?.rows[1]?.[1]).toBe(0);
  }, 40_000);

  it('stops between steps when cancelled and frees every tensor', async () => {
    const { io, events } = recordingIo(3);
    const outcome = await padRunner.run({ runId: 'r', settings, sources: [tinySource()], model: { kind: 'scratch' } }, io);
    expect(outcome.status).toBe('cancelled');
    expect(events.some((e) => e.kind === 'table')).toBe(false);
    expect(events.filter((e) => e.kind === 'train').length).toBe(3);
  }, 20_000);

  it('refuses more negatives than a 40-item domain has before any training starts', async () => {
    const { io, events } = recordingIo();
    const run = padRunner.run({ runId: 'r', settings: { ...settings, negatives: 60 }, sources: [tinySource()], model: { kind: 'scratch' } }, io);
    await expect(run).rejects.toMatchObject({ code: 'validation', location: { file: 'settings', field: 'negatives' } });
    expect(events.filter((e) => e.kind === 'train')).toEqual([]);
    expect(events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []))).toEqual(['split']);
  });

  it('resumes after finished seeds without retraining them and reports the uninterrupted run\'s table', async () => {
    const three = { ...settings, seeds: 3 };
    const input = { runId: 'r', settings: three, sources: [tinySource()], model: { kind: 'scratch' } as const };
    const whole = recordingIo();
    expect((await createPadRunner(recipeFilesOver(memoryFilePort())).run(input, whole.io)).status).toBe('done');

    const resumable = createPadRunner(recipeFilesOver(memoryFilePort()));
    const seedsReported = (events: readonly { kind: string }[]): number => events.filter((e) => e.kind === 'metrics').length;
    const first = recordingRunIo((events) => seedsReported(events) >= 2);
    expect((await resumable.run(input, first.io)).status).toBe('cancelled');
    const second = recordingRunIo(() => false, true);
    expect((await resumable.run(input, second.io)).status).toBe('done');

    const trainEvents = second.events.flatMap((e) => (e.kind === 'train' ? [e] : []));
    expect(new Set(trainEvents.map((e) => e.series))).toEqual(new Set(['PAD seed 3', 'SASRec seed 3']));
    // Restored seeds leave the progress budget: the bar ends full.
    const last = trainEvents[trainEvents.length - 1]?.progress;
    expect(last?.step).toBe(last?.totalSteps);
    const tables = (events: typeof whole.events): unknown[] => events.flatMap((e) => (e.kind === 'table' ? [e.table] : []));
    expect(tables(second.events)).toEqual(tables(whole.events));
    const metrics = (events: typeof whole.events): unknown[] => events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : []));
    expect(metrics(second.events)).toEqual(metrics(whole.events));
  }, 60_000);

  it('retrains a finished seed on resume when the item texts changed since (an edited template)', async () => {
    const input = { runId: 'r', settings, sources: [tinySource()], model: { kind: 'scratch' } as const };
    const runner = createPadRunner(recipeFilesOver(memoryFilePort()));
    const first = recordingRunIo((events) => events.filter((e) => e.kind === 'metrics').length >= 1);
    expect((await runner.run(input, first.io)).status).toBe('cancelled');
    const source = input.sources[0] as RecipeSource;
    const edited = { ...source, items: source.items.map((it) => ({ ...it, text: `new: ${it.text}` })) };
    const second = recordingRunIo(() => false, true);
    expect((await runner.run({ ...input, sources: [edited] }, second.io)).status).toBe('done');
    const trained = new Set(second.events.flatMap((e) => (e.kind === 'train' ? [e.series] : [])));
    expect(trained).toEqual(new Set(['PAD seed 1', 'SASRec seed 1', 'PAD seed 2', 'SASRec seed 2']));
  }, 60_000);

  it('refuses an unknown domain with the names it knows', async () => {
    const { io } = recordingIo();
    await expect(padRunner.run({ runId: 'r', settings: { ...settings, domain: 'books' }, sources: [tinySource()], model: { kind: 'scratch' } }, io)).rejects.toThrow(/no domain named 'books'.*one of toy/);
  });
});
