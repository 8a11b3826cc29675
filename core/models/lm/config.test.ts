/** config.json fidelity: fields that change what transformers computes are read, or refused located. */
import { describe, expect, it } from 'vitest';
import type { RecForgeError } from '../../errors';
import { thrownRecForgeError } from '../../testing/recForgeError';
import { lmConfigToJson, parseLmConfig } from './config';

const tiny = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model_type: 'qwen2', vocab_size: 50, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, ...extra,
});

const refusal = (json: Record<string, unknown>): RecForgeError => thrownRecForgeError(() => parseLmConfig(json));

describe('RoPE settings (transformers v4 rope_theta, v5 rope_parameters)', () => {
  it('reads rope_theta from rope_parameters when there is no top-level rope_theta, and exports it', () => {
    const c = parseLmConfig(tiny({ rope_parameters: { rope_type: 'default', rope_theta: 1e6 } }));
    expect(c.ropeTheta).toBe(1e6);
    expect(lmConfigToJson(c).rope_theta).toBe(1e6);
  });

  it('keeps the top-level value and the 10000 default', () => {
    expect(parseLmConfig(tiny({ rope_theta: 5e5 })).ropeTheta).toBe(5e5);
    expect(parseLmConfig(tiny({ rope_theta: 5e5, rope_parameters: { rope_type: 'default', rope_theta: 5e5 } })).ropeTheta).toBe(5e5);
    expect(parseLmConfig(tiny()).ropeTheta).toBe(10000);
  });

  it.each([
    [{ rope_parameters: { rope_type: 'llama3', rope_theta: 5e5, factor: 8 } }, 'rope_parameters.rope_type'],
    [{ rope_parameters: { rope_type: 'yarn', rope_theta: 1e6, factor: 4 } }, 'rope_parameters.rope_type'],
    [{ rope_parameters: { rope_type: 'linear', factor: 2 } }, 'rope_parameters.rope_type'],
    [{ rope_parameters: { type: 'dynamic', factor: 2 } }, 'rope_parameters.type'],
    [{ rope_parameters: { rope_type: 'default', rope_theta: 1e4, partial_rotary_factor: 0.5 } }, 'rope_parameters.partial_rotary_factor'],
    [{ partial_rotary_factor: 0.5 }, 'partial_rotary_factor'],
    [{ rope_theta: 1e4, rope_parameters: { rope_type: 'default', rope_theta: 1e6 } }, 'rope_parameters.rope_theta'],
  ])('refuses %j located at %s', (extra, field) => {
    expect(refusal(tiny(extra)).location).toMatchObject({ file: 'config.json', field, expected: expect.any(String) });
  });

  it('accepts a partial_rotary_factor of 1', () => {
    expect(parseLmConfig(tiny({ partial_rotary_factor: 1, rope_parameters: { rope_type: 'default', rope_theta: 1e6, partial_rotary_factor: 1 } })).ropeTheta).toBe(1e6);
  });
});

describe('attention biases', () => {
  it('llama honours attention_bias; mistral with attention_bias true is refused located', () => {
    expect(parseLmConfig(tiny({ model_type: 'llama', attention_bias: true }))).toMatchObject({ qkvBias: true, oBias: true });
    expect(parseLmConfig(tiny({ model_type: 'mistral', attention_bias: false }))).toMatchObject({ qkvBias: false, oBias: false });
    expect(refusal(tiny({ model_type: 'mistral', attention_bias: true })).location).toMatchObject({ file: 'config.json', field: 'attention_bias', expected: expect.any(String) });
  });
});

describe('max_position_embeddings', () => {
  it.each([
    ['llama', 2048],
    ['qwen2', 32768],
    ['mistral', 131072],
  ])('defaults to transformers\' value for %s (%i)', (modelType, tokens) => {
    expect(parseLmConfig(tiny({ model_type: modelType })).maxPositionEmbeddings).toBe(tokens);
    expect(parseLmConfig(tiny({ model_type: modelType, max_position_embeddings: 512 })).maxPositionEmbeddings).toBe(512);
  });
});
