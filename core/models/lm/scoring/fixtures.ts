/** Tiny random decoders for scoring and constrained-decoding tests (built in code, no downloads). */
import { parseLmConfig } from '../config';
import type { LmConfig, LmModelType } from '../config';

/** A 2-layer GQA decoder (4 heads, 2 kv heads, d = 32) of the given family; `extra` overrides HF fields. */
export function tinyLmConfig(modelType: LmModelType, extra: Record<string, unknown> = {}): LmConfig {
  return parseLmConfig({
    model_type: modelType,
    vocab_size: 40, // tokens
    hidden_size: 32,
    intermediate_size: 48,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    tie_word_embeddings: modelType === 'qwen2',
    ...extra,
  });
}
