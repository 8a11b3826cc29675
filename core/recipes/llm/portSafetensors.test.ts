/**
 * Checkpoint weights are read tensor by tensor from byte ranges: the same weights as decoding whole
 * shards, no whole-shard read, unneeded tensors untouched, and shards past 4 GB (faked, sparse) load.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import { disposeWeights, expectedTensorShapes } from '../../models/lm/weights';
import { decodeSafetensors } from '../../tensor/safetensors';
import { encodeFloatSafetensors, type FloatTensor } from '../../tensor/safetensorsFloat';
import { encodeUtf8 } from '../../tensor/utf8';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { useTensorSuite } from '../../testing/tensorSuite';
import { writeHfCheckpoint } from './checkpointWriter';
import { readWholeFile, type FilePort } from './filePort';
import { openFolderTensors, readCheckpointWeights, WEIGHTS_INDEX_FILE } from './portTensors';

useTensorSuite();

const CONFIG = parseLmConfig({ model_type: 'llama', vocab_size: 40, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2 });
const EXTRA = 'model.layers.0.self_attn.rotary_emb.inv_freq'; // in old LLaMA checkpoints; not a weight

interface Read {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

function recording(port: FilePort): { port: FilePort; reads: Read[] } {
  const reads: Read[] = [];
  return { reads, port: { ...port, readBytes: (path, offset, length) => (reads.push({ path, offset, length }), port.readBytes(path, offset, length)) } };
}

/** A sharded BF16 checkpoint whose layer-0 shard also holds EXTRA between two weights; returns that shard's path. */
async function shardedWithExtra(): Promise<{ files: ReturnType<typeof memoryFilePort>; extraShard: string }> {
  const port = memoryFilePort();
  const weights = new Map([...expectedTensorShapes(CONFIG)].map(([name, shape], i) => [name, tf.randomNormal(shape, 0, 1, 'float32', i + 1)]));
  await writeHfCheckpoint(port, 'm', CONFIG, weights, { dtype: 'BF16', maxShardBytes: 1200 });
  disposeWeights(weights);
  const index = JSON.parse(new TextDecoder().decode(port.files.get(`m/${WEIGHTS_INDEX_FILE}`))) as { weight_map: Record<string, string> };
  const shardFile = index.weight_map['model.layers.0.self_attn.q_proj.weight'] as string;
  const shard = decodeSafetensors(port.files.get(`m/${shardFile}`) as Uint8Array);
  const entries = [...shard.tensors].map(([name, t]): [string, FloatTensor] => [name, { shape: t.shape, data: t.data as Float32Array }]);
  entries.splice(1, 0, [EXTRA, { shape: [4], data: new Float32Array([1, 0.1, 0.01, 0.001]) }]);
  await port.writeBytes(`m/${shardFile}`, encodeFloatSafetensors(new Map(entries), 'BF16'));
  index.weight_map[EXTRA] = shardFile;
  await port.writeBytes(`m/${WEIGHTS_INDEX_FILE}`, encodeUtf8(JSON.stringify(index)));
  return { files: port, extraShard: `m/${shardFile}` };
}

/** Absolute byte range of `name` in safetensors `bytes`. */
function rangeOf(bytes: Uint8Array, name: string): [number, number] {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, { data_offsets: [number, number] }>;
  const [begin, end] = (header[name] as { data_offsets: [number, number] }).data_offsets;
  return [8 + n + begin, 8 + n + end];
}

describe('readCheckpointWeights over ranged reads', () => {
  it('gives the weights whole-shard decoding gives, without reading any shard whole or the unneeded tensor', async () => {
    const { files, extraShard } = await shardedWithExtra();
    const { port, reads } = recording(files);
    const weights = await readCheckpointWeights(port, 'm', CONFIG);
    try {
      const shards = [...files.files.keys()].filter((p) => p.endsWith('.safetensors'));
      expect(shards.length).toBeGreaterThan(2);
      for (const path of shards) {
        const bytes = files.files.get(path) as Uint8Array;
        for (const [name, t] of decodeSafetensors(bytes).tensors) {
          if (name !== EXTRA) expect(await (weights.get(name) as tf.Tensor).data(), name).toEqual(t.data);
        }
        const mine = reads.filter((r) => r.path === path);
        expect(mine.some((r) => r.length >= bytes.length), path).toBe(false);
      }
      const [begin, end] = rangeOf(files.files.get(extraShard) as Uint8Array, EXTRA);
      const touchesExtra = reads.filter((r) => r.path === extraShard && r.offset < end && r.offset + r.length > begin);
      expect(touchesExtra).toEqual([]);
    } finally {
      disposeWeights(weights);
    }
  });
});

/** A port holding one sparse file: its header, and 16 bytes at `at`; any other read fails. */
function sparseShard(header: Record<string, unknown>, dataBytes: number, at: number, data: Uint8Array): FilePort {
  const json = encodeUtf8(JSON.stringify(header));
  const head = new Uint8Array(8 + json.length);
  new DataView(head.buffer).setBigUint64(0, BigInt(json.length), true);
  head.set(json, 8);
  const size = head.length + dataBytes;
  return {
    fileSize: async (path) => (path === 'm/model.safetensors' ? size : null),
    readBytes: async (_path, offset, length) => {
      if (offset + length <= head.length) return head.slice(offset, offset + length);
      if (offset === head.length + at && length === data.length) return data.slice();
      throw new Error(`unexpected read of ${length} bytes at ${offset}`);
    },
    writeBytes: async () => undefined,
  };
}

describe('shards beyond what one array can hold', () => {
  it('reads a tensor that lies past byte 4.9e9 of a 4.9 GB file', async () => {
    const far = 4_900_000_000;
    const norm = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
    const port = sparseShard(
      { filler: { dtype: 'BF16', shape: [far / 2], data_offsets: [0, far] }, 'model.norm.weight': { dtype: 'F32', shape: [4], data_offsets: [far, far + 16] } },
      far + 16,
      far,
      norm,
    );
    const tensor = await (await (await openFolderTensors(port, 'm'))('model.norm.weight')).read();
    expect([...tensor.data]).toEqual([1, 2, 3, 4]);
  });

  it('a tensor too large for one array is an error naming the file and the tensor', async () => {
    const huge = 2 ** 52;
    const port = sparseShard({ 'model.embed_tokens.weight': { dtype: 'F32', shape: [huge / 4], data_offsets: [0, huge] } }, huge, 0, new Uint8Array(0));
    const lookup = await openFolderTensors(port, 'm');
    const err = await (await lookup('model.embed_tokens.weight')).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: 'model.safetensors', field: 'model.embed_tokens.weight' });
    await expect(readWholeFile(port, 'm/model.safetensors')).rejects.toMatchObject({ location: { file: 'model.safetensors', expected: expect.any(String) } });
  });
});
