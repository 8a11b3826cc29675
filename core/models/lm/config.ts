/**
 * Hugging Face `config.json` of LLaMA / Qwen2 / Mistral decoders, parsed with zod into the camelCase
 * LmConfig the engine uses, and written back in HF's field names.
 */
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import { zodError } from './zodIssue';

/** Decoder families sharing the LLaMA layout. */
export type LmModelType = 'llama' | 'qwen2' | 'mistral';

/** Architecture of one decoder, in engine naming. */
export interface LmConfig {
  readonly modelType: LmModelType;
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numLayers: number;
  readonly numHeads: number;
  /** Key/value heads (GQA); divides numHeads. */
  readonly numKvHeads: number;
  /** Per-head width (HF `head_dim`, default hidden / heads). */
  readonly headDim: number;
  readonly rmsNormEps: number;
  readonly ropeTheta: number;
  readonly maxPositionEmbeddings: number;
  readonly tieWordEmbeddings: boolean;
  /** q/k/v projections carry a bias (always for qwen2; llama when attention_bias). */
  readonly qkvBias: boolean;
  /** o_proj carries a bias (llama with attention_bias). */
  readonly oBias: boolean;
  /**
   * Mistral's sliding window: in transformers a token attends only to the last `slidingWindow`
   * tokens (itself included). Absent = full attention. The engine's attention is always full, so
   * contexts longer than the window are refused (checkAttentionSpan) rather than computed differently.
   */
  readonly slidingWindow?: number;
  readonly bosTokenId?: number;
  readonly eosTokenId?: number | readonly number[];
}

const posInt = z.number().int().positive();
const tokenId = z.number().int().nonnegative();

const hfConfigSchema = z.looseObject({
  model_type: z.enum(['llama', 'qwen2', 'mistral']),
  vocab_size: posInt,
  hidden_size: posInt,
  intermediate_size: posInt,
  num_hidden_layers: posInt,
  num_attention_heads: posInt,
  num_key_value_heads: posInt.nullish(),
  head_dim: posInt.nullish(),
  rms_norm_eps: z.number().positive().default(1e-6), // HF default 1e-6
  rope_theta: z.number().positive().optional(), // RoPE base; transformers v5 moves it into rope_parameters
  rope_parameters: z
    .looseObject({
      rope_type: z.string().optional(),
      type: z.string().optional(), // older spelling of rope_type
      rope_theta: z.number().positive().optional(),
      partial_rotary_factor: z.number().optional(),
    })
    .nullish(), // transformers v5: every RoPE setting in one object
  partial_rotary_factor: z.number().optional(), // fraction of head_dim RoPE rotates; only 1 supported
  max_position_embeddings: posInt.optional(), // tokens; default per family (MAX_POSITIONS_DEFAULT)
  tie_word_embeddings: z.boolean().default(false),
  attention_bias: z.boolean().optional(),
  mlp_bias: z.literal(false).optional(),
  hidden_act: z.literal('silu').optional(),
  rope_scaling: z.null().optional(),
  sliding_window: posInt.nullish(), // tokens (mistral; qwen2 only with use_sliding_window)
  use_sliding_window: z.boolean().optional(), // qwen2
  max_window_layers: z.number().int().nonnegative().optional(), // qwen2: layers from this index on slide
  layer_types: z.array(z.string()).optional(), // transformers ≥ 4.53: 'full_attention' | 'sliding_attention' per layer
  bos_token_id: tokenId.nullish(),
  eos_token_id: z.union([tokenId, z.array(tokenId)]).nullish(),
});

type HfConfig = z.infer<typeof hfConfigSchema>;

function located(field: string, expected: string, file: string): RecForgeError {
  return new RecForgeError('import', `invalid model config: ${field} must be ${expected}`, { file, field, expected });
}

/** transformers' max_position_embeddings defaults (tokens) when config.json leaves it out. */
const MAX_POSITIONS_DEFAULT: Readonly<Record<LmModelType, number>> = { llama: 2048, qwen2: 32768, mistral: 131072 };

const DEFAULT_ROPE_THETA = 10000; // transformers' default RoPE base for all three families

/**
 * The RoPE base from top-level rope_theta (transformers v4) or rope_parameters (v5). Anything but
 * plain RoPE over the whole head is refused: the engine does not implement scaled or partial RoPE.
 */
function ropeTheta(c: HfConfig, file: string): number {
  const p = c.rope_parameters ?? {};
  const ropeType = p.rope_type ?? p.type ?? 'default';
  if (ropeType !== 'default') throw located(p.rope_type === undefined ? 'rope_parameters.type' : 'rope_parameters.rope_type', `"default" (RoPE scaling "${ropeType}" is not supported)`, file);
  if (c.partial_rotary_factor !== undefined && c.partial_rotary_factor !== 1) throw located('partial_rotary_factor', '1 (partial RoPE is not supported)', file);
  if (p.partial_rotary_factor !== undefined && p.partial_rotary_factor !== 1) throw located('rope_parameters.partial_rotary_factor', '1 (partial RoPE is not supported)', file);
  if (c.rope_theta !== undefined && p.rope_theta !== undefined && c.rope_theta !== p.rope_theta) {
    throw located('rope_parameters.rope_theta', `equal to rope_theta (${c.rope_theta}) when both are given`, file);
  }
  return c.rope_theta ?? p.rope_theta ?? DEFAULT_ROPE_THETA;
}

const MISTRAL_DEFAULT_WINDOW = 4096; // tokens: transformers' MistralConfig default when the key is absent

const QWEN2_DEFAULT_WINDOW_LAYERS = 28; // transformers' Qwen2Config max_window_layers default

/**
 * Whether any Qwen2 layer slides in transformers: only with use_sliding_window and a window set
 * (else the window is None), then the layers layer_types marks, or without that list the layers
 * from max_window_layers on. Many checkpoints turn use_sliding_window on with max_window_layers =
 * num_hidden_layers: no layer slides.
 */
function qwen2Slides(c: HfConfig): { slides: boolean; field: string } {
  if (c.use_sliding_window !== true || (c.sliding_window ?? null) === null) return { slides: false, field: '' };
  if (c.layer_types !== undefined) return { slides: c.layer_types.includes('sliding_attention'), field: 'layer_types' };
  return { slides: (c.max_window_layers ?? QWEN2_DEFAULT_WINDOW_LAYERS) < c.num_hidden_layers, field: 'use_sliding_window' };
}

/** The sliding window transformers would apply, or undefined for full attention. */
function slidingWindow(c: HfConfig, file: string): number | undefined {
  if (c.model_type === 'qwen2') {
    const { slides, field } = qwen2Slides(c);
    if (slides) throw located(field, 'full attention in every layer (sliding-window attention is not supported for qwen2)', file);
  }
  if (c.model_type !== 'mistral') return undefined;
  return c.sliding_window === undefined ? MISTRAL_DEFAULT_WINDOW : (c.sliding_window ?? undefined);
}

function toLmConfig(c: HfConfig, file: string): LmConfig {
  const numKvHeads = c.num_key_value_heads ?? c.num_attention_heads;
  if (c.num_attention_heads % numKvHeads !== 0) throw located('num_key_value_heads', `a divisor of num_attention_heads (${c.num_attention_heads})`, file);
  if ((c.head_dim ?? null) === null && c.hidden_size % c.num_attention_heads !== 0) throw located('hidden_size', `a multiple of num_attention_heads (${c.num_attention_heads})`, file);
  const headDim = c.head_dim ?? c.hidden_size / c.num_attention_heads;
  if (headDim % 2 !== 0) throw located('head_dim', 'an even number (RoPE rotates pairs)', file);
  // transformers' Mistral attention never has biases whatever attention_bias says; only llama honours it.
  if (c.model_type === 'mistral' && c.attention_bias === true) throw located('attention_bias', 'false or absent (transformers builds Mistral attention without biases)', file);
  const llamaBias = c.model_type === 'llama' && c.attention_bias === true;
  const bos = c.bos_token_id ?? undefined;
  const eos = c.eos_token_id ?? undefined;
  const window = slidingWindow(c, file);
  return {
    modelType: c.model_type,
    vocabSize: c.vocab_size,
    hiddenSize: c.hidden_size,
    intermediateSize: c.intermediate_size,
    numLayers: c.num_hidden_layers,
    numHeads: c.num_attention_heads,
    numKvHeads,
    headDim,
    rmsNormEps: c.rms_norm_eps,
    ropeTheta: ropeTheta(c, file),
    maxPositionEmbeddings: c.max_position_embeddings ?? MAX_POSITIONS_DEFAULT[c.model_type],
    tieWordEmbeddings: c.tie_word_embeddings,
    qkvBias: c.model_type === 'qwen2' || llamaBias,
    oBias: llamaBias,
    ...(window === undefined ? {} : { slidingWindow: window }),
    ...(bos === undefined ? {} : { bosTokenId: bos }),
    ...(eos === undefined ? {} : { eosTokenId: eos }),
  };
}

/**
 * Parses a decoded config.json. Throws RecForgeError('import') located at `{file, field, expected}`.
 * @example parseLmConfig(JSON.parse(text)) // { modelType: 'llama', hiddenSize: 4096, … }
 */
export function parseLmConfig(json: unknown, file = 'config.json'): LmConfig {
  const parsed = hfConfigSchema.safeParse(json);
  if (!parsed.success) throw zodError('import', 'model config', file, parsed.error);
  return toLmConfig(parsed.data, file);
}

const ARCHITECTURES: Readonly<Record<LmModelType, string>> = {
  llama: 'LlamaForCausalLM',
  qwen2: 'Qwen2ForCausalLM',
  mistral: 'MistralForCausalLM',
};

/** The HF config.json object for `config` (what transformers' from_pretrained reads). */
export function lmConfigToJson(config: LmConfig, torchDtype: 'float32' | 'bfloat16' = 'float32'): Record<string, unknown> {
  return {
    architectures: [ARCHITECTURES[config.modelType]],
    model_type: config.modelType,
    vocab_size: config.vocabSize,
    hidden_size: config.hiddenSize,
    intermediate_size: config.intermediateSize,
    num_hidden_layers: config.numLayers,
    num_attention_heads: config.numHeads,
    num_key_value_heads: config.numKvHeads,
    head_dim: config.headDim,
    hidden_act: 'silu',
    rms_norm_eps: config.rmsNormEps,
    rope_theta: config.ropeTheta,
    max_position_embeddings: config.maxPositionEmbeddings,
    tie_word_embeddings: config.tieWordEmbeddings,
    ...(config.modelType === 'qwen2' ? {} : { attention_bias: config.oBias }),
    // Written even when null: MistralConfig reads a missing key as a 4096-token window.
    ...(config.modelType === 'mistral' ? { sliding_window: config.slidingWindow ?? null } : {}),
    ...(config.bosTokenId === undefined ? {} : { bos_token_id: config.bosTokenId }),
    ...(config.eosTokenId === undefined ? {} : { eos_token_id: config.eosTokenId }),
    torch_dtype: torchDtype,
  };
}

/**
 * Refuses a context of `tokens` positions beyond the model's sliding window: transformers would
 * hide the older tokens, the engine's full attention would not, so the outputs would differ.
 */
export function checkAttentionSpan(config: LmConfig, tokens: number): void {
  const w = config.slidingWindow;
  if (w === undefined || tokens <= w) return;
  throw new RecForgeError('validation', `a context of ${tokens} tokens exceeds the model's sliding window of ${w}: transformers attends only to the last ${w} tokens and RecForge's attention is full, so the results would differ`, {
    file: 'config.json',
    field: 'sliding_window',
    expected: `contexts of at most ${w} tokens`,
  });
}
