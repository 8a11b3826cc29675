import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeSafetensors } from '../../tensor/safetensors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { LM_CHECKPOINT_NAME } from './checkpoint';
import { memoryHooks, randomSource, tinyJob, tinyLm } from './fixtures';
import type { LmTrainJob } from './job';
import { wsaDataPhases } from './phases';
import { runLmTrainJob } from './runLmTrainJob';

useTensorSuite();

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const WSA = { kind: 'wsa', peak: 1e-2, totalSteps: 8, warmupFraction: 0.25, stableFraction: 0.25 } as const;

const JOBS: [string, LmTrainJob][] = [
  ['LoRA, dropout 0.1, packing, accumulation 2', tinyJob({
    trainable: { kind: 'lora', lora: { r: 4, lora_alpha: 8, lora_dropout: 0.1, target_modules: ['q_proj', 'v_proj', 'gate_proj'] } },
    steps: 8, accumulation: 2, packing: true, checkpointEvery: 3,
  })],
  ['full weights, WSA source switch after the resume point (update 5)', tinyJob({
    model: tinyLm({ num_hidden_layers: 1 }), trainable: { kind: 'full' },
    sources: [randomSource('general', 7, 3, 1, 25), randomSource('target', 5, 4, 25, 50)],
    phases: wsaDataPhases(WSA, 'general', 'target'), schedule: WSA, steps: 8, checkpointEvery: 3,
  })],
];

describe('exact resume', () => {
  it.each(JOBS)('%s: a run checkpointed mid-epoch at step 3 and resumed repeats the uninterrupted losses', async (_name, job) => {
    const straight = memoryHooks(new Map(), Infinity, sha256);
    await runLmTrainJob(job, straight.hooks);

    const disk = new Map<string, Uint8Array>();
    const first = memoryHooks(disk, 5, sha256);
    expect(await runLmTrainJob(job, first.hooks)).toEqual({ status: 'cancelled', steps: 5 });
    const meta = decodeSafetensors(disk.get(LM_CHECKPOINT_NAME) as Uint8Array).metadata;
    expect(meta['step']).toBe('3');
    expect(Object.values(JSON.parse(meta['data'] ?? '{}') as Record<string, { cursor: number }>).some((p) => p.cursor > 0)).toBe(true);

    const second = memoryHooks(disk, Infinity, sha256);
    expect(await runLmTrainJob({ ...job, resume: true }, second.hooks)).toMatchObject({ status: 'done', steps: 8 });
    expect(second.rec.events[0]).toMatchObject({ kind: 'plan', startStep: 3 });
    expect(second.rec.points.map((p) => p.step)).toEqual([4, 5, 6, 7, 8]);
    for (const p of second.rec.points) {
      const ref = straight.rec.points.find((q) => q.step === p.step);
      expect(p.source).toBe(ref?.source);
      expect(Math.abs(p.loss - (ref?.loss ?? NaN))).toBeLessThan(1e-5);
    }
  });

  it('refuses a checkpoint whose tensor data does not match its payload_sha256', async () => {
    const disk = new Map<string, Uint8Array>();
    const job = JOBS[0]?.[1] as LmTrainJob;
    await runLmTrainJob({ ...job, steps: 1 }, memoryHooks(disk, Infinity, sha256).hooks);
    const bytes = disk.get(LM_CHECKPOINT_NAME) as Uint8Array;
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
    await expect(runLmTrainJob({ ...job, resume: true }, memoryHooks(disk, Infinity, sha256).hooks)).rejects.toThrow(/payload_sha256/);
  });
});
