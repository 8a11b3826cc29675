/**
 * safetensors encoding of float32 tensors as F32 or BF16 (round to nearest even, as torch's
 * `.to(torch.bfloat16)`); core/tensor/safetensors writes only F32/I32.
 */
import { encodeSafetensors } from './safetensors';
import type { StoredTensor } from './safetensors';
import { encodeUtf8 } from './utf8';

/** On-disk float dtypes we write. */
export type SaveDtype = 'F32' | 'BF16';

/** A float32 tensor to encode. */
export interface FloatTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

const scratch = new DataView(new ArrayBuffer(4));

/** bfloat16 bits of a float32, rounding to nearest even (NaN stays a quiet NaN). */
export function floatToBf16Bits(x: number): number {
  scratch.setFloat32(0, x);
  const bits = scratch.getUint32(0);
  if (Number.isNaN(x)) return 0x7fc0;
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

function bf16Bytes(tensors: ReadonlyMap<string, FloatTensor>, metadata: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const [name, t] of tensors) {
    header[name] = { dtype: 'BF16', shape: t.shape, data_offsets: [offset, offset + 2 * t.data.length] };
    offset += 2 * t.data.length;
  }
  const json = encodeUtf8(JSON.stringify(header));
  const headerLen = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLen + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerLen), true);
  out.fill(0x20, 8, 8 + headerLen);
  out.set(json, 8);
  let pos = 8 + headerLen;
  for (const t of tensors.values()) {
    for (const v of t.data) {
      view.setUint16(pos, floatToBf16Bits(v), true);
      pos += 2;
    }
  }
  return out;
}

/** Encodes float32 tensors (map order) as a safetensors file in `dtype`. */
export function encodeFloatSafetensors(
  tensors: ReadonlyMap<string, FloatTensor>,
  dtype: SaveDtype,
  metadata: Readonly<Record<string, string>> = { format: 'pt' },
): Uint8Array {
  if (dtype === 'BF16') return bf16Bytes(tensors, metadata);
  const stored = new Map<string, StoredTensor>();
  for (const [name, t] of tensors) stored.set(name, { dtype: 'F32', shape: t.shape, data: t.data });
  return encodeSafetensors(stored, metadata);
}
