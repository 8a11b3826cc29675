/**
 * LM training checkpoints as safetensors bytes: the trainable parameters under their own HF/PEFT
 * names (so the adapter or model can be exported straight from them), AdamW's moments and step
 * (`optimizer.*`), and in __metadata__ the step, RNG stream states and data positions — everything
 * an exact resume needs. With a sha256 function the metadata also carries `payload_sha256`, the
 * hash of the tensor data section, checked on decode (the host's `.sha256` sidecar covers the file).
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { decodeSafetensors, encodeSafetensors } from '../../tensor/safetensors';
import type { StoredTensor } from '../../tensor/safetensors';
import { exportAdamWState, importAdamWState, isAdamWTensorName } from './adamw';
import type { AdamWState } from './adamw';
import type { SourcePosition } from './exampleStream';

/** File name of the checkpoint a job rewrites (and resumes from). */
export const LM_CHECKPOINT_NAME = 'lm-last.safetensors';

const FORMAT = 'recforge-lm-checkpoint';

/** Hex SHA-256 of bytes (injected: core has no crypto). */
export type Sha256 = (bytes: Uint8Array) => string | Promise<string>;

/** Everything besides tensors that a resume restores. */
export interface LmCheckpointInfo {
  readonly step: number; // updates done
  readonly rng: Readonly<Record<string, number>>; // stream name → Rng.state()
  readonly data: Readonly<Record<string, SourcePosition>>; // source name → next example
  readonly phase: string; // phase of the last update done
  readonly kind: 'full' | 'lora';
}

/** A decoded checkpoint. The tensors are new; dispose them (disposeLmCheckpoint). */
export interface LmCheckpoint {
  readonly info: LmCheckpointInfo;
  readonly params: Map<string, tf.Tensor>;
  readonly optimizer: AdamWState;
}

async function stored(t: tf.Tensor): Promise<StoredTensor> {
  const data = (await t.data()) as Float32Array | Int32Array;
  return { dtype: t.dtype === 'int32' ? 'I32' : 'F32', shape: t.shape, data };
}

/** The bytes after the header: exactly the tensor data, whatever the metadata says. */
function dataSection(bytes: Uint8Array): Uint8Array {
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  return bytes.subarray(8 + headerLength);
}

/** Serialises parameters, optimizer state and run position. */
export async function encodeLmCheckpoint(params: ReadonlyMap<string, tf.Tensor>, optimizer: AdamWState, info: LmCheckpointInfo, sha256?: Sha256): Promise<Uint8Array> {
  const tensors = new Map<string, StoredTensor>();
  for (const [name, t] of params) tensors.set(name, await stored(t));
  const opt = exportAdamWState(optimizer);
  try {
    for (const [name, t] of opt) tensors.set(name, await stored(t));
  } finally {
    tf.dispose([...opt.values()]);
  }
  const metadata: Record<string, string> = { format: FORMAT, version: '1', step: String(info.step), kind: info.kind, phase: info.phase, rng: JSON.stringify(info.rng), data: JSON.stringify(info.data) };
  const bytes = encodeSafetensors(tensors, metadata);
  if (sha256 === undefined) return bytes;
  // The data section does not depend on the metadata, so the second encoding keeps the hash valid.
  return encodeSafetensors(tensors, { ...metadata, payload_sha256: await sha256(dataSection(bytes)) });
}

function parseInfo(meta: Readonly<Record<string, string>>): LmCheckpointInfo {
  if (meta['format'] !== FORMAT) throw new RecForgeError('validation', `not an LM training checkpoint (format ${meta['format'] ?? 'missing'})`);
  const kind = meta['kind'];
  if (kind !== 'full' && kind !== 'lora') throw new RecForgeError('validation', `LM checkpoint has unknown kind ${kind ?? 'missing'}`);
  return {
    step: Number(meta['step']),
    kind,
    phase: meta['phase'] ?? '',
    rng: JSON.parse(meta['rng'] ?? '{}') as Record<string, number>,
    data: JSON.parse(meta['data'] ?? '{}') as Record<string, SourcePosition>,
  };
}

/** Parses and (given sha256 and a stored hash) verifies a checkpoint. Throws RecForgeError('validation'). */
export async function decodeLmCheckpoint(bytes: Uint8Array, sha256?: Sha256): Promise<LmCheckpoint> {
  const file = decodeSafetensors(bytes);
  const info = parseInfo(file.metadata);
  const expected = file.metadata['payload_sha256'];
  if (sha256 !== undefined && expected !== undefined && (await sha256(dataSection(bytes))) !== expected) {
    throw new RecForgeError('validation', 'LM checkpoint is corrupt: its tensor data does not match payload_sha256');
  }
  const all = new Map<string, tf.Tensor>();
  for (const [name, t] of file.tensors) all.set(name, tf.tensor(t.data, [...t.shape], t.dtype === 'I32' ? 'int32' : 'float32'));
  const params = new Map([...all].filter(([name]) => !isAdamWTensorName(name)));
  try {
    return { info, params, optimizer: await importAdamWState(all, [...params.keys()]) };
  } catch (err) {
    tf.dispose([...params.values()]);
    throw err;
  } finally {
    tf.dispose([...all].filter(([name]) => isAdamWTensorName(name)).map(([, t]) => t));
  }
}

/** Frees a decoded checkpoint's tensors. */
export function disposeLmCheckpoint(ckpt: LmCheckpoint): void {
  tf.dispose([...ckpt.params.values(), ...ckpt.optimizer.m.values(), ...ckpt.optimizer.v.values()]);
}
