/** The LM benches' model and batch (bench -- lm, the LM half of bench -- profile). */
import { parseLmConfig, type LmConfig } from '../core/models/lm/config';
import { PROJECTIONS } from '../core/models/lm/weights';
import { defaultLoraConfig, type LoraConfig } from '../core/models/lora/config';
import { defaultAdamW } from '../core/train/lm/adamw';
import { readMicroBatches, type ExampleReader, type MicroBatch } from '../core/train/lm/packing';
import type { StepOptions } from '../core/train/lm/step';
import { createRng } from '../core/train/rng';

/** Qwen2-0.5B's shape ratios at d = 256: 6 layers, GQA 4/2 heads, SwiGLU 704, tied 4096-token vocabulary. */
export const LM_BENCH_MODEL: LmConfig = parseLmConfig({
  model_type: 'qwen2',
  vocab_size: 4096,
  hidden_size: 256,
  intermediate_size: 704,
  num_hidden_layers: 6,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  tie_word_embeddings: true,
  max_position_embeddings: 1024,
});

export const LM_BENCH_TRAIN = { batch: 4, seqLen: 128, loraRank: 8, warmup: 2, steps: 6 } as const;

/** The trainer step's options in the LM benches: PyTorch's AdamW defaults, clipping at 1. */
export const LM_BENCH_STEP: StepOptions = { lr: 1e-3, hyper: defaultAdamW(), clipNorm: 1 };

/** Rank-8 LoRA (α 16) on every projection. */
export function loraBenchConfig(): LoraConfig {
  return defaultLoraConfig({ r: LM_BENCH_TRAIN.loraRank, lora_alpha: 2 * LM_BENCH_TRAIN.loraRank, target_modules: [...PROJECTIONS] });
}

/** `count` micro-batches of random rows (batch × seqLen tokens), every position after the first scored. */
export function randomRows(c: LmConfig, count: number, seed = 11): MicroBatch[] {
  const rng = createRng(seed);
  const { batch, seqLen } = LM_BENCH_TRAIN;
  const reader: ExampleReader = {
    peek: () => ({ tokens: Array.from({ length: seqLen }, () => rng.nextInt(0, c.vocabSize)), promptLength: 0 }),
    advance: () => undefined,
  };
  return Array.from({ length: count }, () => readMicroBatches(reader, 1, batch, seqLen, false, 0)[0] as MicroBatch);
}
