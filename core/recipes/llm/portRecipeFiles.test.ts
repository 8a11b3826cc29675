/**
 * RecipeFiles over a byte port: a tiny HF model folder and a PEFT adapter saved through an
 * in-memory port load back equal, and the bytes are the ones the Node binding writes to disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { parseLmConfig } from '../../models/lm/config';
import { disposeWeights } from '../../models/lm/weights';
import { disposeLoraAdapter, initLoraAdapter, loraTensorName } from '../../models/lora/adapter';
import { decodeSafetensors, encodeSafetensors, type StoredTensor } from '../../tensor/safetensors';
import { defaultLoraConfig } from '../../models/lora/config';
import { loadHfCheckpoint, saveHfCheckpoint } from '../../platform/hf/checkpoint';
import { readTokenizerFiles, saveTokenizerFolder } from '../../platform/hf/tokenizerFolder';
import { createHfTokenizer } from '../../text/tokenizer/hfTokenizer';
import type { RecipeFiles } from './recipeFiles';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { useTensorSuite } from '../../testing/tensorSuite';
import { recipeFilesOver } from './portRecipeFiles';
import { READ_CHUNK_BYTES } from './filePort';
import { writeTinyHfFolder } from './testData';

useTensorSuite();

/** The HF folder writers and readers of core/platform/hf (inspection, registration, export use them) as a reference; over the disk, through the same checkpoint writer. */
const hfFolders: Pick<RecipeFiles, 'saveModelFolder' | 'loadModelFolder'> = {
  async saveModelFolder(dir, config, weights, tokenizer) {
    await saveTokenizerFolder(dir, tokenizer);
    await saveHfCheckpoint(dir, config, weights);
  },
  async loadModelFolder(dir) {
    const tokenizerFiles = await readTokenizerFiles(dir);
    return { ...(await loadHfCheckpoint(dir)), tokenizer: createHfTokenizer(tokenizerFiles), tokenizerFiles };
  },
};

const TEXTS = ['the red book', 'a blue game', 'green movie night', 'book of games'];
const LM = parseLmConfig({ model_type: 'llama', vocab_size: 40, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2 });

const tmp = useTempDir('rf-port-');

async function expectSameTensors(a: ReadonlyMap<string, tf.Tensor>, b: ReadonlyMap<string, tf.Tensor>): Promise<void> {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, t] of a) {
    const other = b.get(name) as tf.Tensor;
    expect(other.shape).toEqual(t.shape);
    expect(await other.data()).toEqual(await t.data());
  }
}

describe('recipeFilesOver (byte port)', () => {
  it('writes a HF model folder with the same bytes as core/platform/hf, and loads it back equal', async () => {
    const port = memoryFilePort();
    const files = recipeFilesOver(port);
    await writeTinyHfFolder(files, 'm', TEXTS);
    await writeTinyHfFolder(hfFolders, tmp.dir, TEXTS);
    for (const name of ['config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json']) {
      expect(port.files.get(`m/${name}`), name).toEqual(new Uint8Array(await readFile(path.join(tmp.dir, name))));
    }
    const viaPort = await files.loadModelFolder('m');
    const viaNode = await hfFolders.loadModelFolder(tmp.dir);
    expect(viaPort.config).toEqual(viaNode.config);
    expect(viaPort.tokenizerFiles).toEqual(viaNode.tokenizerFiles);
    expect(viaPort.tokenizer.encode('the red book')).toEqual(viaNode.tokenizer.encode('the red book'));
    await expectSameTensors(viaNode.weights, viaPort.weights);
    disposeWeights(viaPort.weights);
    disposeWeights(viaNode.weights);
  });

  it('round-trips a PEFT adapter and text files', async () => {
    const files = recipeFilesOver(memoryFilePort());
    const adapter = initLoraAdapter(LM, defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj'] }), 7);
    await files.saveAdapter('run/adapter', adapter);
    const loaded = await files.loadAdapter('run/adapter', LM);
    expect(loaded.config).toEqual(adapter.config);
    await expectSameTensors(adapter.tensors, loaded.tensors);
    disposeLoraAdapter(adapter);
    disposeLoraAdapter(loaded);
    await files.writeText('run/notes/a.json', '{"λ":0.5}\n');
    expect(await files.readText('run/notes/a.json')).toBe('{"λ":0.5}\n');
  });

  it('ignores, as PEFT does, LoRA tensors of modules the config does not target', async () => {
    const port = memoryFilePort();
    const files = recipeFilesOver(port);
    const adapter = initLoraAdapter(LM, defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj'], layers_to_transform: [0] }), 7);
    await files.saveAdapter('run/adapter', adapter);
    const path = 'run/adapter/adapter_model.safetensors';
    const stored = new Map(decodeSafetensors(port.files.get(path) as Uint8Array).tensors);
    const extra = (shape: [number, number]): StoredTensor => ({ dtype: 'F32', shape, data: new Float32Array(shape[0] * shape[1]).fill(0.5) });
    stored.set(loraTensorName('model.layers.0.self_attn.k_proj', 'A'), extra([2, 16]));
    stored.set(loraTensorName('model.layers.0.self_attn.k_proj', 'B'), extra([8, 2]));
    stored.set(loraTensorName('model.layers.1.self_attn.q_proj', 'A'), extra([3, 5])); // not even the right shape
    stored.set(loraTensorName('model.layers.1.self_attn.q_proj', 'B'), extra([5, 3]));
    await port.writeBytes(path, encodeSafetensors(stored, { format: 'pt' }));
    const loaded = await files.loadAdapter('run/adapter', LM);
    await expectSameTensors(adapter.tensors, loaded.tensors);
    disposeLoraAdapter(adapter);
    disposeLoraAdapter(loaded);
  });

  it('reads files larger than one chunk in several reads', async () => {
    const port = memoryFilePort();
    const reads: number[] = [];
    const big = new Uint8Array(READ_CHUNK_BYTES + 10).map((_, i) => i % 251);
    port.files.set('big.txt', big);
    const counting = { ...port, readBytes: (p: string, o: number, n: number) => (reads.push(n), port.readBytes(p, o, n)) };
    const { readWholeFile } = await import('./filePort');
    expect(await readWholeFile(counting, 'big.txt')).toEqual(big);
    expect(reads).toEqual([READ_CHUNK_BYTES, 10]);
  });

  it('names the missing file of a folder', async () => {
    const files = recipeFilesOver(memoryFilePort());
    await expect(files.loadModelFolder('nowhere')).rejects.toMatchObject({ detail: 'tokenizer.json is missing', location: { file: 'tokenizer.json' } });
    await expect(files.loadAdapter('nowhere', LM)).rejects.toMatchObject({ location: { file: 'adapter_config.json' } });
  });
});
