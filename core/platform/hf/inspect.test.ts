/** inspectHfFolder on tiny folders written by saveHfCheckpoint: what the report contains. */
import { mkdir, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { parseLmConfig } from '../../models/lm/config';
import { parameterCount } from '../../models/lm/weights';
import { decodeSafetensors, encodeSafetensors } from '../../tensor/safetensors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { inspectHfFolder } from './inspect';
import { fitsInMemory } from './inspectMemory';
import { TINY_LLAMA, TINY_QWEN2, editJson, writeTinyModel } from './inspectTestFolder';

useTensorSuite();

const tmp = useTempDir('rf-inspect-');

describe('inspectHfFolder', () => {
  it('single F32 file with tokenizer and generation config', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { tokenizerVocab: 280, generationConfig: { eos_token_id: [1, 2], bos_token_id: 2, max_new_tokens: 32, do_sample: false } });
    const r = await inspectHfFolder(tmp.dir);
    expect(r.config).toEqual({ modelType: 'llama', numLayers: 2, hiddenSize: 16, intermediateSize: 24, numHeads: 2, numKvHeads: 1, headDim: 8, vocabSize: 300, tieWordEmbeddings: false, ropeTheta: 500000, maxPositionEmbeddings: 128, torchDtype: 'float32' });
    const params = parameterCount(parseLmConfig(TINY_LLAMA));
    expect(r.parameterCount).toBe(params);
    expect(r.weights).toMatchObject({ layout: 'single', files: ['model.safetensors'], storedParameterCount: params, dtypes: [{ dtype: 'F32', tensors: 21, bytes: 4 * params }] });
    expect(r.files.map((f) => f.name)).toEqual(['config.json', 'generation_config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json']);
    expect(r.files.find((f) => f.name === 'model.safetensors')?.bytes).toBeGreaterThan(4 * params);
    expect(r.tokenizer).toEqual({ present: true, files: ['tokenizer.json', 'tokenizer_config.json'], modelType: 'BPE', vocabSize: 280 });
    expect(r.generation).toEqual({ eosTokenId: [1, 2], bosTokenId: 2, maxNewTokens: 32 });
    expect(r.memory.inference.weightBytes).toBe(4 * params);
    expect(r.memory.loraTraining.totalBytes).toBeGreaterThan(r.memory.loraTraining.weightBytes);
    expect(fitsInMemory(r.memory.inference, 1e9).fits).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('sharded BF16 Qwen2 with tied embeddings, no tokenizer', async () => {
    await writeTinyModel(tmp.dir, TINY_QWEN2, { dtype: 'BF16', maxShardBytes: 3000 });
    const r = await inspectHfFolder(tmp.dir);
    expect(r.config).toMatchObject({ modelType: 'qwen2', tieWordEmbeddings: true, ropeTheta: 10000, torchDtype: 'bfloat16' });
    expect(r.weights.layout).toBe('sharded');
    expect(r.weights.files.length).toBeGreaterThan(2);
    expect(r.weights.dtypes.map((d) => d.dtype)).toEqual(['BF16']);
    expect(r.weights.storedParameterCount).toBe(r.parameterCount);
    expect(r.tokenizer).toEqual({ present: false, files: [] });
    expect(r.generation).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('follows symlinks like the HF hub cache (snapshot files → blobs)', async () => {
    const blobs = path.join(tmp.dir, 'blobs');
    const snapshot = path.join(tmp.dir, 'snapshot');
    await writeTinyModel(blobs, TINY_LLAMA, { maxShardBytes: 4096 });
    await mkdir(snapshot);
    for (const name of await readdir(blobs)) {
      await rename(path.join(blobs, name), path.join(blobs, `${name}.blob`));
      await symlink(path.join(blobs, `${name}.blob`), path.join(snapshot, name));
    }
    const r = await inspectHfFolder(snapshot);
    expect(r.files.map((f) => f.name)).toContain('config.json');
    expect(r.files.every((f) => f.bytes > 0)).toBe(true);
    expect(r.weights.layout).toBe('sharded');
  });

  it('reads headers only: garbage tensor data does not matter', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    const file = path.join(tmp.dir, 'model.safetensors');
    const bytes = await readFile(file);
    const headerEnd = 8 + Number(bytes.readBigUInt64LE(0));
    bytes.fill(0xff, headerEnd);
    await writeFile(file, bytes);
    await expect(inspectHfFolder(tmp.dir)).resolves.toMatchObject({ parameterCount: parameterCount(parseLmConfig(TINY_LLAMA)) });
  });

  it('warns about extra tensors, index total_size and a tokenizer larger than the embedding', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { tokenizerVocab: 320 });
    const file = path.join(tmp.dir, 'model.safetensors');
    const st = decodeSafetensors(new Uint8Array(await readFile(file)));
    const tensors = new Map(st.tensors).set('model.rotary_emb.inv_freq', { dtype: 'F32', shape: [4], data: new Float32Array(4) });
    await writeFile(file, encodeSafetensors(tensors, st.metadata));
    const r = await inspectHfFolder(tmp.dir);
    expect(r.warnings).toEqual([expect.stringMatching(/1 tensor\(s\) not used.*inv_freq/), expect.stringMatching(/320 tokens but config.json vocab_size is 300/)]);
  });

  it('warns when the index total_size disagrees; reports a broken tokenizer without failing', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { maxShardBytes: 4096, tokenizerVocab: 270 });
    await editJson(tmp.dir, 'model.safetensors.index.json', (j) => Object.assign(j, { metadata: { total_size: 1 } }));
    await editJson(tmp.dir, 'tokenizer.json', (j) => Object.assign(j, { model: { type: 'WordLevel', vocab: {} } }));
    const r = await inspectHfFolder(tmp.dir);
    expect(r.warnings).toEqual([expect.stringMatching(/total_size is 1/)]);
    expect(r.tokenizer.problem).toMatchObject({ code: 'import', location: { file: 'tokenizer.json', field: 'model.type' } });
  });
});
