/** Corrupted folders: inspectHfFolder fails with import errors located at the offending file. */
import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { RecForgeError } from '../../errors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { inspectHfFolder } from './inspect';
import { TINY_LLAMA, editJson, shardFiles, writeTinyModel } from './inspectTestFolder';

useTensorSuite();

const tmp = useTempDir('rf-inspect-err-');

async function inspectError(): Promise<RecForgeError> {
  const err = await inspectHfFolder(tmp.dir).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect((err as RecForgeError).code).toBe('import');
  return err as RecForgeError;
}

/** Rewrites the safetensors header bytes of `file` (same length, so offsets stay valid). */
async function patchHeader(file: string, edit: (header: string) => string): Promise<void> {
  const bytes = await readFile(path.join(tmp.dir, file));
  const n = Number(bytes.readBigUInt64LE(0));
  const header = edit(bytes.subarray(8, 8 + n).toString('utf8'));
  expect(Buffer.byteLength(header)).toBe(n);
  bytes.write(header, 8, 'utf8');
  await writeFile(path.join(tmp.dir, file), bytes);
}

describe('inspectHfFolder errors', () => {
  it('missing config.json', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await rm(path.join(tmp.dir, 'config.json'));
    const err = await inspectError();
    expect(err.location).toMatchObject({ file: 'config.json' });
    expect(err.message).toMatch(/config.json is missing/);
  });

  it('corrupt config.json JSON: line of the syntax error', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await writeFile(path.join(tmp.dir, 'config.json'), '{\n  "model_type": "llama",\n  "vocab_size": 300,,\n}');
    const err = await inspectError();
    expect(err.location).toMatchObject({ file: 'config.json', line: 3 });
    expect(err.message).toMatch(/line 3, column 21/);
  });

  it('invalid config field', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await editJson(tmp.dir, 'config.json', (j) => Object.assign(j, { num_attention_heads: -2 }));
    expect((await inspectError()).location).toMatchObject({ file: 'config.json', field: 'num_attention_heads' });
  });

  it('header length larger than the file', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    const bytes = await readFile(path.join(tmp.dir, 'model.safetensors'));
    bytes.writeBigUInt64LE(1n << 40n, 0);
    await writeFile(path.join(tmp.dir, 'model.safetensors'), bytes);
    const err = await inspectError();
    expect(err.location).toMatchObject({ file: 'model.safetensors', expected: 'a valid safetensors file' });
    expect(err.message).toMatch(/header length .* exceeds the file size/);
  });

  it('truncated tensor data', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    const file = path.join(tmp.dir, 'model.safetensors');
    await truncate(file, (await readFile(file)).length - 10);
    expect((await inspectError()).message).toMatch(/model.safetensors: invalid safetensors file: truncated: entry .* needs data up to byte/);
  });

  it('file shorter than the 8-byte length', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await writeFile(path.join(tmp.dir, 'model.safetensors'), Buffer.from([1, 2, 3]));
    expect((await inspectError()).message).toMatch(/shorter than the 8-byte header length/);
  });

  it('header that is not JSON, and an unknown dtype', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await patchHeader('model.safetensors', (h) => h.replace('{', '['));
    expect((await inspectError()).message).toMatch(/header is not JSON/);
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await patchHeader('model.safetensors', (h) => h.replace('"F32"', '"Q32"'));
    expect((await inspectError()).message).toMatch(/unknown dtype "Q32"/);
  });

  it('data_offsets disagreeing with the shape', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await patchHeader('model.safetensors', (h) => h.replace('"shape":[300,16]', '"shape":[300,15]'));
    const err = await inspectError();
    expect(err.message).toMatch(/model.embed_tokens.weight: data_offsets .* needs 18000/);
  });

  it('shard listed in the index is missing', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { maxShardBytes: 4096 });
    const shards = await shardFiles(tmp.dir);
    await rm(path.join(tmp.dir, shards[1] as string));
    expect((await inspectError()).location).toMatchObject({ file: shards[1] });
  });

  it('tensor named in the index missing from its shard', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { maxShardBytes: 4096 });
    const [first] = await shardFiles(tmp.dir);
    await editJson(tmp.dir, 'model.safetensors.index.json', (j) => Object.assign(j.weight_map as object, { 'model.extra.weight': first }));
    expect((await inspectError()).location).toMatchObject({ file: first, field: 'model.extra.weight' });
  });

  it('index without weight_map', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { maxShardBytes: 4096 });
    await editJson(tmp.dir, 'model.safetensors.index.json', (j) => delete j.weight_map);
    expect((await inspectError()).location).toMatchObject({ file: 'model.safetensors.index.json', field: 'weight_map' });
  });

  it('tensor shape disagreeing with config.json', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await editJson(tmp.dir, 'config.json', (j) => Object.assign(j, { intermediate_size: 32 }));
    const err = await inspectError();
    expect(err.location).toMatchObject({ file: 'model.safetensors', field: 'model.layers.0.mlp.gate_proj.weight', expected: 'shape [32, 16]' });
  });

  it('tensor config.json implies but absent (untied config, tied checkpoint)', async () => {
    await writeTinyModel(tmp.dir, { ...TINY_LLAMA, tie_word_embeddings: true });
    await editJson(tmp.dir, 'config.json', (j) => Object.assign(j, { tie_word_embeddings: false }));
    expect((await inspectError()).location).toMatchObject({ file: 'model.safetensors', field: 'lm_head.weight' });
  });

  it('no weights at all, with a hint for pytorch_model.bin', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA);
    await rm(path.join(tmp.dir, 'model.safetensors'));
    await writeFile(path.join(tmp.dir, 'pytorch_model.bin'), 'x');
    const err = await inspectError();
    expect(err.location).toMatchObject({ file: 'model.safetensors' });
    expect(err.message).toMatch(/pytorch_model.bin is not supported/);
  });

  it('generation_config.json with a bad field', async () => {
    await writeTinyModel(tmp.dir, TINY_LLAMA, { generationConfig: { eos_token_id: 'x' } });
    expect((await inspectError()).location).toMatchObject({ file: 'generation_config.json', field: 'eos_token_id' });
  });

  it('a folder that does not exist', async () => {
    await rm(tmp.dir, { recursive: true });
    expect((await inspectError()).message).toMatch(/cannot be read/);
  });
});
