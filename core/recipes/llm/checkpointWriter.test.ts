/** Re-saving a checkpoint folder in the other layout leaves exactly one layout, which loads the new weights. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import { disposeWeights, expectedTensorShapes } from '../../models/lm/weights';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { useTensorSuite } from '../../testing/tensorSuite';
import { writeHfCheckpoint } from './checkpointWriter';
import { readCheckpointWeights, SINGLE_WEIGHTS_FILE, WEIGHTS_INDEX_FILE } from './portTensors';

useTensorSuite();

const CONFIG = parseLmConfig({ model_type: 'llama', vocab_size: 40, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2 });
const SHARD_BYTES = 3000;

/** Every tensor filled with `value`. */
function filled(value: number): Map<string, tf.Tensor> {
  return new Map([...expectedTensorShapes(CONFIG)].map(([name, shape]) => [name, tf.fill(shape, value)]));
}

async function save(port: ReturnType<typeof memoryFilePort>, value: number, maxShardBytes?: number): Promise<void> {
  const weights = filled(value);
  try {
    await writeHfCheckpoint(port, 'm', CONFIG, weights, maxShardBytes ? { maxShardBytes } : {});
  } finally {
    disposeWeights(weights);
  }
}

/** The value every loaded tensor holds (they were saved filled). */
async function loadedValue(port: ReturnType<typeof memoryFilePort>): Promise<number> {
  const weights = await readCheckpointWeights(port, 'm', CONFIG);
  const values = new Set<number>();
  for (const t of weights.values()) for (const v of await t.data()) values.add(v);
  disposeWeights(weights);
  expect(values.size).toBe(1);
  return [...values][0] ?? NaN;
}

const weightFiles = (port: ReturnType<typeof memoryFilePort>): string[] => [...port.files.keys()].filter((p) => p.includes('model')).sort();

describe('writeHfCheckpoint', () => {
  it('sharded over single: the single file goes, the shards load', async () => {
    const port = memoryFilePort();
    await save(port, 1);
    await save(port, 2, SHARD_BYTES);
    expect(weightFiles(port)).not.toContain(`m/${SINGLE_WEIGHTS_FILE}`);
    expect(weightFiles(port)).toContain(`m/${WEIGHTS_INDEX_FILE}`);
    expect(await loadedValue(port)).toBe(2);
  });

  it('single over sharded: the index goes, the single file loads', async () => {
    const port = memoryFilePort();
    await save(port, 1, SHARD_BYTES);
    await save(port, 3);
    expect(weightFiles(port)).not.toContain(`m/${WEIGHTS_INDEX_FILE}`);
    expect(await loadedValue(port)).toBe(3);
  });

  it('a port that cannot delete refuses to leave a stale index that would win on load', async () => {
    const full = memoryFilePort();
    await save(full, 1, SHARD_BYTES);
    const { removeFile: _unused, ...noDelete } = full;
    const weights = filled(4);
    const err = await writeHfCheckpoint(noDelete, 'm', CONFIG, weights).then(() => null, (e: unknown) => e);
    disposeWeights(weights);
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: WEIGHTS_INDEX_FILE });
    expect(err).toHaveProperty('message', expect.stringContaining('earlier save'));
  });
});
