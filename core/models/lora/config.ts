/**
 * LoRA adapter config in Hugging Face PEFT's `adapter_config.json` layout (snake_case field names,
 * every standard field present on save). Only what our forward implements is accepted: bias 'none',
 * no DoRA, no fan_in_fan_out, no per-module rank/alpha patterns.
 */
import { z } from 'zod';
import { PROJECTIONS } from '../lm/weights';
import type { Projection } from '../lm/weights';
import { RecForgeError } from '../../errors';
import { zodError } from '../lm/zodIssue';

const emptyRecord = z.record(z.string(), z.never()).default({});
const nullish = <T extends z.ZodType>(t: T): z.ZodDefault<z.ZodNullable<T>> => t.nullable().default(null);

const loraConfigSchema = z.object({
  peft_type: z.literal('LORA').default('LORA'),
  task_type: z.literal('CAUSAL_LM').default('CAUSAL_LM'),
  base_model_name_or_path: nullish(z.string()),
  revision: nullish(z.string()),
  r: z.number().int().positive().default(8), // rank
  lora_alpha: z.number().positive().default(8), // scaling = lora_alpha / r
  lora_dropout: z.number().min(0).lt(1).default(0), // on the adapter input, training only
  target_modules: z.array(z.enum(PROJECTIONS)).min(1).default(['q_proj', 'v_proj']),
  bias: z.literal('none').default('none'),
  fan_in_fan_out: z.literal(false).default(false),
  use_rslora: z.boolean().default(false), // scaling = lora_alpha / sqrt(r)
  use_dora: z.literal(false).default(false),
  inference_mode: z.boolean().default(true),
  init_lora_weights: z.boolean().default(true),
  layers_to_transform: nullish(z.union([z.number().int().nonnegative(), z.array(z.number().int().nonnegative())])),
  layers_pattern: nullish(z.union([z.string(), z.array(z.string())])),
  layer_replication: z.null().default(null),
  modules_to_save: z.null().default(null),
  rank_pattern: emptyRecord,
  alpha_pattern: emptyRecord,
  auto_mapping: nullish(z.record(z.string(), z.unknown())),
  loftq_config: emptyRecord,
  megatron_config: z.null().default(null),
  megatron_core: z.string().nullable().default('megatron.core'),
});

/**
 * Fields of newer PEFT versions that change the adapted forward, with what they would switch on.
 * Accepted only at their no-op value (absent, null, false or []) and never written back; other
 * unknown fields are dropped as before.
 */
const FORWARD_CHANGING_FIELDS: Readonly<Record<string, string>> = {
  exclude_modules: 'excluding modules from target_modules',
  target_parameters: 'LoRA on raw parameters',
  lora_bias: 'a bias on lora_B',
  use_qalora: 'QALoRA',
  alora_invocation_tokens: 'activated LoRA (aLoRA)',
  trainable_token_indices: 'trainable token embeddings',
  arrow_config: 'Arrow routing',
  velora_config: 'VeLoRA',
  monteclora_config: 'MonteCLoRA',
};

const isNoOp = (v: unknown): boolean => v === undefined || v === null || v === false || (Array.isArray(v) && v.length === 0);

function refuseForwardChangingFields(json: unknown, file: string): void {
  if (typeof json !== 'object' || json === null) return;
  for (const [field, feature] of Object.entries(FORWARD_CHANGING_FIELDS)) {
    if (isNoOp((json as Record<string, unknown>)[field])) continue;
    throw new RecForgeError('import', `invalid LoRA adapter config: ${field} is set, and ${feature} is not supported`, { file, field, expected: 'absent, null, false or []' });
  }
}

/** A parsed PEFT LoRA config (PEFT field names). */
export type LoraConfig = z.infer<typeof loraConfigSchema>;

/** Input of defaultLoraConfig: any subset of the fields. */
export type LoraConfigInput = z.input<typeof loraConfigSchema>;

/**
 * Parses a decoded adapter_config.json; RecForgeError('import') located at `{file, field, expected}`.
 * @example parseLoraConfig({ peft_type: 'LORA', target_modules: ['q_proj'] }).r // 8
 */
export function parseLoraConfig(json: unknown, file = 'adapter_config.json'): LoraConfig {
  refuseForwardChangingFields(json, file);
  const parsed = loraConfigSchema.safeParse(json);
  if (!parsed.success) throw zodError('import', 'LoRA adapter config', file, parsed.error);
  return parsed.data;
}

/** A config with PEFT defaults for every field not given; RecForgeError('validation') on bad values. */
export function defaultLoraConfig(fields: LoraConfigInput = {}): LoraConfig {
  const parsed = loraConfigSchema.safeParse(fields);
  if (!parsed.success) throw zodError('validation', 'LoRA config', 'LoRA config', parsed.error);
  return parsed.data;
}

/** α/r, or α/√r with rsLoRA. */
export function loraScaling(c: LoraConfig): number {
  return c.use_rslora ? c.lora_alpha / Math.sqrt(c.r) : c.lora_alpha / c.r;
}

/** True when layer `layer`'s `proj` gets an adapter under this config. */
export function isLoraTarget(c: LoraConfig, layer: number, proj: Projection): boolean {
  const layers = c.layers_to_transform;
  const layerOk = layers === null || (typeof layers === 'number' ? layers === layer : layers.includes(layer));
  return layerOk && c.target_modules.includes(proj);
}

/** The adapter_config.json object (what PEFT's save_pretrained writes). */
export function loraConfigToJson(c: LoraConfig): Record<string, unknown> {
  return { ...c, target_modules: [...c.target_modules] };
}
