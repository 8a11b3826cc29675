import type { EvalProtocol, MetricRecord, RunProgress, RunSummary, SeriesColumns, TrainPoint } from '../../core/protocol';

/** Test data builders (not bundled: only *.test.ts import this). */
export function points(from: number, to: number): TrainPoint[] {
  const out: TrainPoint[] = [];
  for (let step = from; step <= to; step += 1) out.push({ step, epoch: 1, loss: 1 / step, lr: 1e-3 });
  return out;
}

/** Points as the columns runs.get sends. */
export function columns(pts: readonly TrainPoint[]): SeriesColumns {
  return { step: pts.map((p) => p.step), epoch: pts.map((p) => p.epoch), loss: pts.map((p) => p.loss), lr: pts.map((p) => p.lr) };
}

export function progress(step: number, overrides: Partial<RunProgress> = {}): RunProgress {
  return { step, totalSteps: 100, epoch: 1, epochs: 5, etaSeconds: 10, phase: 'train', ...overrides };
}

export const SAMPLED: EvalProtocol = {
  split: 'leave-one-out',
  target: 'test',
  candidates: { kind: 'sampled', negatives: 100, sampler: 'uniform', seed: 2024 },
  excludeHistory: true,
  users: 943,
};

export const FULL: EvalProtocol = { ...SAMPLED, candidates: { kind: 'full' } };

export function metric(name: string, k: number | null, value: number, protocol: EvalProtocol = SAMPLED): MetricRecord {
  return { name, k, value, protocol };
}

export function run(id: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    datasetId: 'ds1',
    datasetName: 'ml-100k',
    model: 'sasrec',
    status: 'running',
    createdAt: '2025-01-01T00:00:00Z',
    finishedAt: null,
    config: {
      modelConfig: { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 },
      train: { epochs: 20, batchSize: 128, learningRate: 1e-3, seed: 42 },
      eval: { negatives: 100, seed: 2024, fullRanking: true },
    },
    metrics: [],
    error: null,
    notes: '',
    tags: [],
    ...overrides,
  };
}
