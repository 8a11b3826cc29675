import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { decodeSafetensors } from '../../tensor/safetensors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { LM_CHECKPOINT_NAME } from './checkpoint';
import { memoryHooks, randomSource, tinyJob, tinyLm } from './fixtures';
import { wsaDataPhases } from './phases';
import { runLmTrainJob } from './runLmTrainJob';
import { sourceFromExamples } from './sourceFromExamples';

useTensorSuite();

describe('runLmTrainJob', () => {
  it('memorises a tiny corpus from scratch (full weights): the loss falls', async () => {
    const examples = [[1, 5, 9, 13, 17, 21], [2, 6, 10, 14, 18, 22], [3, 7, 11, 15, 19, 23], [4, 8, 12, 16, 20, 24]].map((tokens) => ({ tokens, promptLength: 1 }));
    const { hooks, rec } = memoryHooks();
    const out = await runLmTrainJob(tinyJob({
      model: tinyLm({ num_key_value_heads: 4 }),
      trainable: { kind: 'full' },
      base: { kind: 'random', std: 0.05 },
      sources: [sourceFromExamples('toy', examples)],
      schedule: { kind: 'cosine', peak: 2e-2, warmupSteps: 2, totalSteps: 30 },
      optimizer: { weightDecay: 0 },
      steps: 30,
      batchSize: 4,
      packing: true,
      maxLen: 24,
    }), hooks);
    expect(out).toMatchObject({ status: 'done', steps: 30 });
    const losses = rec.points.map((p) => p.loss);
    expect(losses).toHaveLength(30);
    const first = losses[0] as number;
    expect(first).toBeGreaterThan(3); // ≈ ln 50 at the start
    expect(Math.min(...losses.slice(-3))).toBeLessThan(0.3 * first);
  });

  it('WSA: general data until annealing, then the target source; boundaries and switches are emitted', async () => {
    const schedule = { kind: 'wsa', peak: 1e-2, totalSteps: 10, warmupFraction: 0.2, stableFraction: 0.5 } as const;
    const { hooks, rec } = memoryHooks();
    const job = tinyJob({ sources: [randomSource('general', 12, 1, 1, 25), randomSource('target', 9, 2, 25, 50)], phases: wsaDataPhases(schedule, 'general', 'target'), schedule, steps: 10 });
    await runLmTrainJob(job, hooks);
    expect(rec.events[0]).toEqual({ kind: 'plan', startStep: 0, totalSteps: 10, boundaries: [
      { step: 1, phase: 'warmup', source: 'general' }, { step: 3, phase: 'stable', source: 'general' }, { step: 8, phase: 'anneal', source: 'target' },
    ] });
    const switches = rec.events.flatMap((e) => (e.kind === 'phaseChange' ? [[e.step, e.from, e.to]] : []));
    expect(switches).toEqual([[1, null, 'warmup'], [3, 'warmup', 'stable'], [8, 'stable', 'anneal']]);
    expect(rec.points.find((p) => p.step === 8)?.source).toBe('target');
    expect(rec.points.map((p) => p.source)).toEqual([...Array<string>(7).fill('general'), 'target', 'target', 'target']);
    expect(rec.points[7]?.lr).toBeCloseTo(1e-2, 8); // annealing starts at the peak
    // 7 updates × 2 rows read 14 general examples (12 per epoch); 3 updates read 6 target examples.
    const data = JSON.parse(decodeSafetensors(rec.disk.get(LM_CHECKPOINT_NAME) as Uint8Array).metadata['data'] ?? '{}');
    expect(data).toEqual({ general: { epoch: 1, cursor: 2 }, target: { epoch: 0, cursor: 6 } });
  });

  it('throttles progress yet delivers every point, with tokens/s and grad norm; cancels between updates', async () => {
    const { hooks, rec } = memoryHooks(new Map(), 4);
    const out = await runLmTrainJob(tinyJob({ steps: 10 }), hooks);
    expect(out).toEqual({ status: 'cancelled', steps: 4 });
    const deltas = rec.events.filter((e) => e.kind === 'progress');
    expect(deltas.length).toBeLessThan(5);
    expect(rec.points.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    for (const p of rec.points) {
      expect(p.tokensPerSecond).toBeGreaterThan(0);
      expect(p.gradNorm).toBeGreaterThan(0);
      expect(p).toMatchObject({ phase: 'train', source: 'general', lr: 1e-2 });
    }
    expect(rec.disk.size).toBe(0); // checkpointEvery 0: only at the end, which a cancelled run never reaches
  });

  it('a cancel during the last update comes too late: the run finishes and saves its checkpoint', async () => {
    const { hooks, rec } = memoryHooks(new Map(), 3);
    expect(await runLmTrainJob(tinyJob({ steps: 3 }), hooks)).toMatchObject({ status: 'done', steps: 3 });
    expect(rec.disk.has(LM_CHECKPOINT_NAME)).toBe(true);
  });

  it.each([
    [{ sources: [sourceFromExamples('bad', [{ tokens: [1, 50], promptLength: 1 }])] }, 'sources.0.tokens'],
    [{ phases: [{ name: 'p', source: 'nope', startStep: 0 }] }, 'phases'],
    [{ maxLen: 100 }, 'maxLen'],
    [{ accumulation: 0 }, 'accumulation'],
  ])('rejects a bad job before training (%#)', async (overrides, field) => {
    const err = await runLmTrainJob(tinyJob(overrides), memoryHooks().hooks).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location?.field).toBe(field);
  });
});
