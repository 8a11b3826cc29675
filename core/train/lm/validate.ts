/**
 * Checks an LmTrainJob before anything is allocated and fills in its defaults, so a bad job fails
 * at once with a located error instead of mid-run (e.g. a token id ≥ vocab would silently read
 * another row's logits).
 */
import { RecForgeError } from '../../errors';
import { defaultAdamW } from './adamw';
import type { LmSource, LmTrainJob, ResolvedLmJob } from './job';
import { validatePhases } from './phases';
import { exampleCount } from './exampleStream';

function jobError(field: string, expected: string): RecForgeError {
  return new RecForgeError('validation', `invalid LM train job: ${field} must be ${expected}`, { file: 'LM train job', field, expected });
}

const isInt = (x: number, min: number): boolean => Number.isInteger(x) && x >= min;

function validateSource(s: LmSource, vocab: number, i: number): void {
  const n = exampleCount(s);
  const field = `sources.${i}`;
  if (n < 1) throw jobError(`${field}.offsets`, 'at least two offsets (one example)');
  if (s.promptLengths.length !== n) throw jobError(`${field}.promptLengths`, `one entry per example (${n})`);
  if (s.offsets[0] !== 0 || s.offsets[n] !== s.tokens.length) throw jobError(`${field}.offsets`, `from 0 to tokens.length (${s.tokens.length})`);
  for (let e = 0; e < n; e++) {
    const len = (s.offsets[e + 1] as number) - (s.offsets[e] as number);
    if (!(len >= 1)) throw jobError(`${field}.offsets`, `increasing (example ${e} is empty)`);
    if (!isInt(s.promptLengths[e] as number, 0)) throw jobError(`${field}.promptLengths`, 'integers ≥ 0');
  }
  for (let k = 0; k < s.tokens.length; k++) {
    const id = s.tokens[k] as number;
    if (!(isInt(id, 0) && id < vocab)) throw jobError(`${field}.tokens`, `token ids in [0, ${vocab}) (found ${id} at ${k})`);
  }
}

function validateShape(job: LmTrainJob): void {
  const ints: [string, number | undefined, number][] = [
    ['steps', job.steps, 1],
    ['batchSize', job.batchSize, 1],
    ['accumulation', job.accumulation, 1],
    ['maxLen', job.maxLen, 2],
    ['checkpointEvery', job.checkpointEvery, 0],
  ];
  for (const [field, value, min] of ints) if (value !== undefined && !isInt(value, min)) throw jobError(field, `an integer ≥ ${min}`);
  if (job.maxLen > job.model.maxPositionEmbeddings) throw jobError('maxLen', `≤ maxPositionEmbeddings (${job.model.maxPositionEmbeddings})`);
  const window = job.model.slidingWindow;
  if (window !== undefined && job.maxLen > window) {
    throw jobError('maxLen', `≤ the model's sliding_window (${window}): transformers attends only to the last ${window} tokens, RecForge's attention is full, so longer rows would train a different model`);
  }
  if (job.clipNorm !== undefined && job.clipNorm !== null && !(job.clipNorm > 0)) throw jobError('clipNorm', 'a positive number or null');
  if (job.padId !== undefined && !(isInt(job.padId, 0) && job.padId < job.model.vocabSize)) throw jobError('padId', 'a token id');
  if (job.sources.length === 0) throw jobError('sources', 'a non-empty list');
  if (new Set(job.sources.map((s) => s.name)).size !== job.sources.length) throw jobError('sources', 'uniquely named');
}

/** The job with every default applied; throws RecForgeError('validation') located at the bad field. */
export function resolveLmJob(job: LmTrainJob): ResolvedLmJob {
  validateShape(job);
  job.sources.forEach((s, i) => validateSource(s, job.model.vocabSize, i));
  const first = job.sources[0]?.name ?? '';
  const phases = job.phases ?? [{ name: 'train', source: first, startStep: 0 }];
  validatePhases(phases, job.sources.map((s) => s.name));
  return {
    ...job,
    base: job.base ?? { kind: 'random' },
    phases,
    optimizer: { ...defaultAdamW(), ...job.optimizer },
    accumulation: job.accumulation ?? 1,
    packing: job.packing ?? false,
    shuffle: job.shuffle ?? true,
    clipNorm: job.clipNorm === undefined ? 1 : job.clipNorm,
    checkpointEvery: job.checkpointEvery ?? 0,
    padId: job.padId ?? 0,
    resume: job.resume ?? false,
  };
}
