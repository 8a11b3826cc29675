import type { StartRunRequest } from '../../../core/protocol';

/** Every number the new-run form edits (kept as text while typing). */
export type RunFormKey =
  | 'epochs' | 'batchSize' | 'learningRate' | 'hidden' | 'blocks' | 'heads'
  | 'dropout' | 'maxLen' | 'negatives' | 'seed' | 'evalSeed';

export type RunFormValues = Readonly<Record<RunFormKey, string>>;

export interface RunFormField {
  readonly key: RunFormKey;
  readonly label: string;
  readonly testId: string;
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly group: 'train' | 'model' | 'eval';
}

/** Defaults from core/protocol/schemas.ts, except epochs (20 instead of 200, for an interactive first run). */
export const RUN_FORM_DEFAULTS: RunFormValues = {
  epochs: '20', // passes over the training sequences
  batchSize: '128', // sequences per step
  learningRate: '0.001', // Adam step size
  hidden: '64', // embedding / model width
  blocks: '2', // transformer blocks
  heads: '1', // attention heads
  dropout: '0.2', // 0–0.9
  maxLen: '50', // history length
  negatives: '100', // sampled negatives per test positive
  seed: '42', // training seed
  evalSeed: '2024', // negative sampler seed
};

export const RUN_FORM_FIELDS: readonly RunFormField[] = [
  { key: 'epochs', label: 'Epochs', testId: 'run-epochs', integer: true, min: 1, max: 10000, step: 1, group: 'train' },
  { key: 'batchSize', label: 'Batch size', testId: 'run-batch-size', integer: true, min: 1, max: 4096, step: 1, group: 'train' },
  { key: 'learningRate', label: 'Learning rate', testId: 'run-lr', integer: false, min: 1e-6, max: 1, step: 0.0001, group: 'train' },
  { key: 'seed', label: 'Seed', testId: 'run-seed', integer: true, min: 0, max: 2 ** 31 - 1, step: 1, group: 'train' },
  { key: 'hidden', label: 'Hidden', testId: 'run-hidden', integer: true, min: 8, max: 1024, step: 8, group: 'model' },
  { key: 'blocks', label: 'Blocks', testId: 'run-blocks', integer: true, min: 1, max: 8, step: 1, group: 'model' },
  { key: 'heads', label: 'Heads', testId: 'run-heads', integer: true, min: 1, max: 16, step: 1, group: 'model' },
  { key: 'dropout', label: 'Dropout', testId: 'run-dropout', integer: false, min: 0, max: 0.9, step: 0.05, group: 'model' },
  { key: 'maxLen', label: 'Max length', testId: 'run-max-len', integer: true, min: 2, max: 512, step: 1, group: 'model' },
  { key: 'negatives', label: 'Negatives', testId: 'run-negatives', integer: true, min: 1, max: 10000, step: 1, group: 'eval' },
  { key: 'evalSeed', label: 'Sampler seed', testId: 'run-eval-seed', integer: true, min: 0, max: 2 ** 31 - 1, step: 1, group: 'eval' },
];

export type BuildResult = { readonly ok: true; readonly request: StartRunRequest } | { readonly ok: false; readonly errors: readonly string[] };

/** Parses and range-checks the form; the host validates again with the zod schemas. */
export function buildStartRequest(datasetId: string, values: RunFormValues, fullRanking: boolean): BuildResult {
  const errors: string[] = [];
  const n = {} as Record<RunFormKey, number>;
  for (const field of RUN_FORM_FIELDS) {
    const text = values[field.key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) errors.push(`${field.label} must be a number`);
    else if (field.integer && !Number.isInteger(value)) errors.push(`${field.label} must be a whole number`);
    else if (value < field.min || value > field.max) errors.push(`${field.label} must be between ${field.min} and ${field.max}`);
    n[field.key] = value;
  }
  if (datasetId === '') errors.push('Choose a dataset');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      datasetId,
      model: 'sasrec',
      modelConfig: { hidden: n.hidden, blocks: n.blocks, heads: n.heads, maxLen: n.maxLen, dropout: n.dropout },
      train: { epochs: n.epochs, batchSize: n.batchSize, learningRate: n.learningRate, seed: n.seed },
      eval: { negatives: n.negatives, seed: n.evalSeed, fullRanking },
    },
  };
}
