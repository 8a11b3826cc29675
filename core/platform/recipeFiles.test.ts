/** The Node binding's PEFT adapter folders round-trip bit-identically; bad folders give errors naming the file. */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { RecForgeError } from '../errors';
import { parseLmConfig } from '../models/lm/config';
import { disposeLoraAdapter, initLoraAdapter } from '../models/lora/adapter';
import { defaultLoraConfig } from '../models/lora/config';
import { useTensorSuite } from '../testing/tensorSuite';
import { ADAPTER_CONFIG_FILE, ADAPTER_WEIGHTS_FILE } from '../recipes/llm/portRecipeFiles';
import { nodeRecipeFiles } from './recipeFiles';

useTensorSuite();

const LM = parseLmConfig({ model_type: 'llama', vocab_size: 40, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2 });
const tmp = useTempDir('rf-peft-');

describe('PEFT adapter folder', () => {
  it('saves and loads back bit-identically', async () => {
    const config = defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj', 'up_proj'], base_model_name_or_path: 'tiny-llama' });
    const adapter = initLoraAdapter(LM, config, 7);
    for (const [name, t] of adapter.tensors) {
      if (!name.endsWith('lora_B.weight')) continue;
      adapter.tensors.set(name, tf.randomNormal(t.shape, 0, 1, 'float32', 3));
      t.dispose();
    }
    await nodeRecipeFiles.saveAdapter(tmp.dir, adapter);
    const loaded = await nodeRecipeFiles.loadAdapter(tmp.dir, LM);
    expect(loaded.config).toEqual(config);
    expect([...loaded.tensors.keys()]).toEqual([...adapter.tensors.keys()]);
    for (const [name, t] of adapter.tensors) {
      const got = loaded.tensors.get(name);
      expect(got?.shape).toEqual(t.shape);
      expect(new Uint32Array(Float32Array.from(got?.dataSync() ?? []).buffer)).toEqual(new Uint32Array(Float32Array.from(t.dataSync()).buffer));
    }
    const json = JSON.parse(await readFile(path.join(tmp.dir, ADAPTER_CONFIG_FILE), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ peft_type: 'LORA', r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj', 'up_proj'] });
    const bytes = await readFile(path.join(tmp.dir, ADAPTER_WEIGHTS_FILE));
    const headerLen = Number(bytes.readBigUInt64LE(0));
    expect(JSON.parse(bytes.subarray(8, 8 + headerLen).toString('utf8')).__metadata__).toEqual({ format: 'pt' });
    disposeLoraAdapter(adapter);
    disposeLoraAdapter(loaded);
  });

  it('names the file that is missing or does not fit the base model', async () => {
    const adapter = initLoraAdapter(LM, defaultLoraConfig({ r: 2, target_modules: ['q_proj'] }), 1);
    await nodeRecipeFiles.saveAdapter(tmp.dir, adapter);
    disposeLoraAdapter(adapter);
    const wider = parseLmConfig({ model_type: 'llama', vocab_size: 40, hidden_size: 32, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 4 });
    const err = await nodeRecipeFiles.loadAdapter(tmp.dir, wider).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: ADAPTER_WEIGHTS_FILE, field: 'base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight' });
    await rm(path.join(tmp.dir, ADAPTER_CONFIG_FILE));
    const missing = await nodeRecipeFiles.loadAdapter(tmp.dir, LM).catch((e: unknown) => e);
    expect((missing as RecForgeError).location).toMatchObject({ file: ADAPTER_CONFIG_FILE });
  });
});
