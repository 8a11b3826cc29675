/** LoRA training estimates, the refusal message of fitsInMemory, and JSON error positions. */
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import { estimateLmMemory, parameterCount } from '../../models/lm/weights';
import { assertFitsInMemory, estimateInferenceMemory, estimateLoraTrainingMemory, fitsInMemory, formatBytes } from './inspectMemory';
import { jsonErrorPosition } from '../../text/jsonPosition';

/** A 7B-class LLaMA shape (Llama-2-7B's config.json fields). */
const LLAMA_7B = parseLmConfig({ model_type: 'llama', vocab_size: 32000, hidden_size: 4096, intermediate_size: 11008, num_hidden_layers: 32, num_attention_heads: 32, max_position_embeddings: 4096 });

describe('memory estimates', () => {
  it('counts LoRA parameters as PEFT does (q_proj, v_proj, r=8 → 4.19M for Llama-2-7B)', () => {
    const e = estimateLoraTrainingMemory(LLAMA_7B);
    expect(e.loraParameters).toBe(32 * 2 * (8 * 4096 + 4096 * 8));
    expect(e.loraParameters).toBe(4_194_304);
    expect(e.weightBytes).toBe(parameterCount(LLAMA_7B) * 4);
    expect(e.adapterBytes).toBe(16 * e.loraParameters);
    expect(e.totalBytes).toBe(e.weightBytes + e.adapterBytes + e.activationBytes);
  });

  it('grows with rank, targets, batch and sequence length', () => {
    const base = estimateLoraTrainingMemory(LLAMA_7B, { seqLen: 256 });
    expect(estimateLoraTrainingMemory(LLAMA_7B, { seqLen: 256, rank: 16 }).loraParameters).toBe(2 * base.loraParameters);
    expect(estimateLoraTrainingMemory(LLAMA_7B, { seqLen: 256, targetModules: ['q_proj', 'k_proj', 'v_proj', 'o_proj'] }).loraParameters).toBeGreaterThan(base.loraParameters);
    expect(estimateLoraTrainingMemory(LLAMA_7B, { seqLen: 256, batch: 2 }).activationBytes).toBe(2 * base.activationBytes);
    expect(estimateLoraTrainingMemory(LLAMA_7B, { seqLen: 512 }).activationBytes).toBeGreaterThan(2 * base.activationBytes);
  });

  it('inference holds float32 weights and caps the default context at 2048 tokens', () => {
    expect(estimateInferenceMemory(LLAMA_7B)).toEqual(estimateLmMemory(LLAMA_7B, 1, 2048, 4));
  });

  it('fitsInMemory explains a refusal with the breakdown and what to change', () => {
    const e = estimateInferenceMemory(LLAMA_7B);
    const no = fitsInMemory(e, 8 * 1024 ** 3);
    expect(no.fits).toBe(false);
    expect(no.message).toMatch(/^does not fit: needs about 2\d\.\d GiB \(weight 25\.1 GiB \+ kv cache 2\.0 GiB \+ activation 762\.0 MiB\) but only 8\.0 GiB is available; use a shorter sequence length/);
    expect(fitsInMemory(e, 64 * 1024 ** 3)).toMatchObject({ fits: true, requiredBytes: e.totalBytes });
    expect(() => assertFitsInMemory(e, 1024, 'Llama-2-7B')).toThrow(RecForgeError);
    expect(() => assertFitsInMemory(e, 1024, 'Llama-2-7B')).toThrow(/^Llama-2-7B does not fit/);
  });

  it('formatBytes', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 ** 3)]).toEqual(['512 B', '1.5 KiB', '3.0 GiB']);
  });
});

describe('jsonErrorPosition', () => {
  it.each([
    ['{"a": 1}', null],
    ['{"a": }', { line: 1, column: 7 }],
    ['{\n  "a": 1,\n}', { line: 3, column: 1 }],
    ['[1 2]', { line: 1, column: 4 }],
    ['{"a": "\\q"}', { line: 1, column: 9 }],
    ['{"a": tru}', { line: 1, column: 10 }],
    ['{"a": 1', { line: 1, column: 8 }],
    ['\ufeff{}', { line: 1, column: 1 }],
    ['{} x', { line: 1, column: 4 }],
  ])('%j', (text, expected) => {
    const pos = jsonErrorPosition(text);
    if (expected === null) expect(pos).toBeNull();
    else expect(pos).toMatchObject(expected);
  });
});
