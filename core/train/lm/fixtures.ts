/** Tiny models and corpora for this folder's tests (2 layers, hidden 32, vocab 50), built in code. */
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import { createRng } from '../rng';
import type { Sha256 } from './checkpoint';
import type { LmSource, LmTrainJob } from './job';
import type { LmTrainEvent, LmTrainPoint } from './progress';
import type { LmTrainHooks } from './runLmTrainJob';
import type { LmExample } from './packing';
import { sourceFromExamples } from './sourceFromExamples';

/** A 2-layer decoder; GQA (4 heads, 2 kv heads) unless `extra` says otherwise. */
export function tinyLm(extra: Record<string, unknown> = {}): LmConfig {
  return parseLmConfig({
    model_type: 'qwen2', vocab_size: 50, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2,
    num_attention_heads: 4, num_key_value_heads: 2, max_position_embeddings: 64, tie_word_embeddings: true, ...extra,
  });
}

/** `n` examples of random length in [minLen, maxLen] with a prompt of 1–3 tokens; ids in [lo, hi). */
export function randomExamples(n: number, seed: number, minLen = 3, maxLen = 8, lo = 1, hi = 50): LmExample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const len = rng.nextInt(minLen, maxLen + 1);
    return { tokens: Array.from({ length: len }, () => rng.nextInt(lo, hi)), promptLength: rng.nextInt(1, Math.min(3, len - 1) + 1) };
  });
}

/** A random corpus as an LmSource. */
export function randomSource(name: string, n: number, seed: number, lo = 1, hi = 50): LmSource {
  return sourceFromExamples(name, randomExamples(n, seed, 3, 8, lo, hi));
}

/** A small LoRA job over one random source; override anything. */
export function tinyJob(overrides: Partial<LmTrainJob> = {}): LmTrainJob {
  return {
    runId: 'lm_test',
    model: tinyLm(),
    trainable: { kind: 'lora', lora: { r: 4, lora_alpha: 8, target_modules: ['q_proj', 'v_proj', 'down_proj'] } },
    base: { kind: 'random', std: 0.2 },
    sources: [randomSource('general', 12, 1)],
    schedule: { kind: 'constant', lr: 1e-2 },
    seed: 7,
    steps: 6,
    batchSize: 2,
    maxLen: 16,
    ...overrides,
  };
}

/** Everything a test run emitted. */
export interface Recording {
  readonly events: LmTrainEvent[];
  readonly points: LmTrainPoint[];
  readonly disk: Map<string, Uint8Array>;
}

/** Hooks over an in-memory disk; cancels once `stopAfterSteps` updates have run; clock +30 ms per read. */
export function memoryHooks(disk: Map<string, Uint8Array> = new Map(), stopAfterSteps = Infinity, sha256?: Sha256): { hooks: LmTrainHooks; rec: Recording } {
  const rec: Recording = { events: [], points: [], disk };
  let steps = 0;
  let clock = 0;
  const hooks: LmTrainHooks = {
    emit: (e) => {
      rec.events.push(e);
      if (e.kind === 'progress') rec.points.push(...e.points);
    },
    isCancelled: () => steps >= stopAfterSteps,
    yieldToEventLoop: async () => void steps++,
    now: () => (clock += 30),
    writeCheckpoint: async (name, bytes) => void disk.set(name, bytes.slice()),
    readCheckpoint: async (name) => disk.get(name) ?? null,
    ...(sha256 ? { sha256 } : {}),
  };
  return { hooks, rec };
}
