import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { useTensorSuite } from '../../testing/tensorSuite';
import { recordingRunIo } from '../pad/testIo';
import { rm } from 'node:fs/promises';
import { nodeRecipeFiles } from '../../platform/recipeFiles';
import { useTempDir } from '../../testing/tempDir';
import { stageFile } from '../llm/stageCheckpoints';
import { createRellaxRunner } from './runner';
import { syntheticRatedSource } from './syntheticCtr';

useTensorSuite();
const tmp = useTempDir('rellax-runner-');
const rellaxRunner = createRellaxRunner(nodeRecipeFiles);

/** A recording io over the test's run folder. */
function recordingIo(cancelAfterEvents = Infinity, resume = false): ReturnType<typeof recordingRunIo> {
  const r = recordingRunIo((events) => events.length >= cancelAfterEvents, resume);
  return { ...r, io: { ...r.io, runDir: tmp.dir } };
}

const source = syntheticRatedSource('toy', 24, 10, 3, 6);
const settings = rellaxRunner.settings.parse({ testPerUser: 2, minHistory: 3, maxTrainPerUser: 4, k: 3, stage1Steps: 8, stage2Steps: 4, crmEpochs: 2, crmMaxLen: 8, lmHidden: 16, lmIntermediate: 32 });

describe('rellaxRunner', () => {
  it('emits stages, live losses, AUC / LogLoss per variant with protocol, and the ablation table', async () => {
    const { io, events } = recordingIo();
    const outcome = await rellaxRunner.run({ runId: 'r', settings, sources: [source], model: { kind: 'scratch' } }, io);
    expect(outcome.status).toBe('done');
    const stages = events.flatMap((e) => (e.kind === 'stage' ? [e.stage] : []));
    expect(new Set(stages)).toEqual(new Set(['data', 'crm', 'subr', 'stage1', 'stage2', 'evaluate']));
    const lmSeries = new Set(events.flatMap((e) => (e.kind === 'lm' ? [e.series] : [])));
    expect(lmSeries).toEqual(new Set(['ReLLa LoRA (recent)', 'ReLLa LoRA (SUBR)']));
    const lmLosses = events.flatMap((e) => (e.kind === 'lm' && e.event.kind === 'progress' ? e.event.points.map((p) => p.loss) : []));
    expect(lmLosses.length).toBe(2 * 8);
    const train = events.flatMap((e) => (e.kind === 'train' ? [e] : []));
    expect(train.map((e) => e.series)).toEqual([...Array<string>(2).fill('CRM'), ...['+SPA', '+CFLoRA', 'full'].flatMap((v) => Array<string>(4).fill(v))]);
    expect(train.at(-1)?.progress).toMatchObject({ step: 14, totalSteps: 14 });
    expect([...lmLosses, ...train.flatMap((e) => e.points.map((p) => p.loss))].every(Number.isFinite)).toBe(true);

    const metrics = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : [])) as MetricRecord[];
    expect(metrics.map((m) => `${m.variant} ${m.name}`)).toEqual(['base', '+SUBR', '+SPA', '+CFLoRA', 'full'].flatMap((v) => [`${v} AUC`, `${v} LogLoss`]));
    for (const m of metrics) {
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.protocol).toMatchObject({ split: 'temporal', target: 'test', candidates: { kind: 'labelled' }, users: 48, domain: 'toy', seed: settings.seed });
      expect(m.protocol.chance).toBeGreaterThan(0);
    }
    const table = events.find((e) => e.kind === 'table')?.table as ResultTable;
    expect(table.columns).toEqual(['Variant', 'AUC', 'LogLoss']);
    expect(table.rows.map((r) => r[0])).toEqual(['base', '+SUBR', '+SPA', '+CFLoRA', 'full']);
    expect(table.rows.map((r) => r[1])).toEqual(metrics.filter((m) => m.name === 'AUC').map((m) => m.value));
    expect(table.protocol).toMatch(/per-user temporal split .* 48 test samples/);
  }, 40_000);

  it('a resumed run restores the stage-1 adapters and the scored variants, and trains only the missing variant', async () => {
    const first = recordingIo();
    expect((await rellaxRunner.run({ runId: 'r', settings, sources: [source], model: { kind: 'scratch' } }, first.io)).status).toBe('done');
    await rm(stageFile(tmp.dir, 'variant-full')); // cut off while the full model trained
    const resumed = recordingIo(Infinity, true);
    expect((await rellaxRunner.run({ runId: 'r', settings, sources: [source], model: { kind: 'scratch' } }, resumed.io)).status).toBe('done');
    expect(resumed.events.some((e) => e.kind === 'lm')).toBe(false); // both stage-1 adapters restored
    const trainEvents = resumed.events.flatMap((e) => (e.kind === 'train' ? [e] : []));
    expect([...new Set(trainEvents.map((e) => e.series))]).toEqual(['CRM', 'full']);
    const last = trainEvents[trainEvents.length - 1]?.progress; // restored variants leave the budget: the bar ends full
    expect(last?.step).toBe(last?.totalSteps);
    const scores = (events: typeof first.events): number[] => events.flatMap((e) => (e.kind === 'metrics' ? e.metrics.map((m) => m.value) : []));
    expect(scores(resumed.events)).toEqual(scores(first.events));
  }, 60_000);

  it('stops when cancelled (inside stage 1) and frees every tensor', async () => {
    const { io, events } = recordingIo(8);
    const outcome = await rellaxRunner.run({ runId: 'r', settings, sources: [source], model: { kind: 'scratch' } }, io);
    expect(outcome.status).toBe('cancelled');
    expect(events.some((e) => e.kind === 'table' || e.kind === 'metrics')).toBe(false);
  }, 20_000);

  it('needs ratings and a scratch model', async () => {
    const { rating: _r, ...unrated } = source.rows;
    const { io } = recordingIo();
    await expect(rellaxRunner.run({ runId: 'r', settings, sources: [{ ...source, rows: unrated }], model: { kind: 'scratch' } }, io)).rejects.toThrow(/no ratings/);
    await expect(rellaxRunner.run({ runId: 'r', settings, sources: [source], model: { kind: 'folder', path: '/m' } }, io)).rejects.toThrow(/not supported/);
  });
});
