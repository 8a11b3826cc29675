/** Missing and corrupt checkpoint files give import errors that name the file. */
import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { loadHfCheckpoint, saveHfCheckpoint } from './checkpoint';

useTensorSuite();

const CONFIG = { model_type: 'llama', vocab_size: 40, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2 };
const tmp = useTempDir('rf-hf-err-');

/** First and last shard file names, from the index. */
async function shardNames(): Promise<[string, string]> {
  const index = JSON.parse(await readFile(path.join(tmp.dir, 'model.safetensors.index.json'), 'utf8')) as { weight_map: Record<string, string> };
  const files = [...new Set(Object.values(index.weight_map))].sort();
  expect(files.length).toBeGreaterThan(1);
  return [files[0] as string, files[files.length - 1] as string];
}

async function save(sharded: boolean): Promise<void> {
  const config = parseLmConfig(CONFIG);
  const weights = initLmWeights(config, 1);
  // Tensors total ≈ 23 KB in F32; 4 KB shards give several files.
  await saveHfCheckpoint(tmp.dir, config, weights, sharded ? { maxShardBytes: 4096 } : {});
  disposeWeights(weights);
}

async function loadError(): Promise<RecForgeError> {
  const err = await loadHfCheckpoint(tmp.dir).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect((err as RecForgeError).code).toBe('import');
  return err as RecForgeError;
}

const edit = async (file: string, f: (json: Record<string, unknown>) => void): Promise<void> => {
  const json = JSON.parse(await readFile(path.join(tmp.dir, file), 'utf8')) as Record<string, unknown>;
  f(json);
  await writeFile(path.join(tmp.dir, file), JSON.stringify(json));
};

describe('loadHfCheckpoint errors', () => {
  it('missing config.json', async () => {
    await save(false);
    await rm(path.join(tmp.dir, 'config.json'));
    expect((await loadError()).location).toMatchObject({ file: 'config.json' });
  });

  it('truncated single file', async () => {
    await save(false);
    await truncate(path.join(tmp.dir, 'model.safetensors'), 2000);
    expect((await loadError()).location).toMatchObject({ file: 'model.safetensors' });
  });

  it('bad header length in a shard', async () => {
    await save(true);
    const [SHARD1] = await shardNames();
    const bytes = await readFile(path.join(tmp.dir, SHARD1));
    new DataView(bytes.buffer, bytes.byteOffset).setBigUint64(0, 1n << 40n, true);
    await writeFile(path.join(tmp.dir, SHARD1), bytes);
    expect((await loadError()).location).toMatchObject({ file: SHARD1 });
  });

  it('missing shard', async () => {
    await save(true);
    const [, last] = await shardNames();
    await rm(path.join(tmp.dir, last));
    expect((await loadError()).location).toMatchObject({ file: last });
  });

  it('tensor named in the index missing from its shard', async () => {
    await save(true);
    const [SHARD1] = await shardNames();
    await edit('model.safetensors.index.json', (j) => Object.assign(j.weight_map as object, { 'model.rotary.inv_freq': SHARD1 }));
    expect((await loadError()).location).toMatchObject({ file: SHARD1, field: 'model.rotary.inv_freq' });
  });

  it('shape mismatch against config.json', async () => {
    await save(false);
    await edit('config.json', (j) => Object.assign(j, { intermediate_size: 32 }));
    const err = await loadError();
    expect(err.location).toMatchObject({ file: 'model.safetensors', field: 'model.layers.0.mlp.gate_proj.weight', expected: 'shape [32, 16]' });
  });

  it('bad config field', async () => {
    await save(false);
    await edit('config.json', (j) => Object.assign(j, { num_attention_heads: 0 }));
    expect((await loadError()).location).toMatchObject({ file: 'config.json', field: 'num_attention_heads' });
  });
});
