/**
 * Element decoding for safetensors dtypes. Everything is widened or narrowed to what tfjs holds:
 * floats to Float32Array, integers to Int32Array (I64 must fit in int32).
 */

/** dtypes we can read. */
export type ElementType = 'F32' | 'F16' | 'BF16' | 'F64' | 'I32' | 'I64';

const BYTES: Readonly<Record<ElementType, number>> = { F32: 4, F16: 2, BF16: 2, F64: 8, I32: 4, I64: 8 };

/** IEEE half → float (handles subnormals, inf and NaN). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const bf16Scratch = new DataView(new ArrayBuffer(4));

/** bfloat16 is the top half of a float32. */
export function bf16ToFloat(b: number): number {
  bf16Scratch.setUint32(0, b << 16);
  return bf16Scratch.getFloat32(0);
}

function readFloats(dtype: ElementType, view: DataView, count: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    if (dtype === 'F32') out[i] = view.getFloat32(4 * i, true);
    else if (dtype === 'F64') out[i] = view.getFloat64(8 * i, true);
    else if (dtype === 'F16') out[i] = halfToFloat(view.getUint16(2 * i, true));
    else out[i] = bf16ToFloat(view.getUint16(2 * i, true));
  }
  return out;
}

function readInts(dtype: ElementType, view: DataView, count: number): Int32Array | string {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    if (dtype === 'I32') {
      out[i] = view.getInt32(4 * i, true);
      continue;
    }
    const v = view.getBigInt64(8 * i, true);
    if (v > 2147483647n || v < -2147483648n) return `I64 value ${v} does not fit in int32`;
    out[i] = Number(v);
  }
  return out;
}

/**
 * Decodes `count` elements of `dtype` from little-endian `bytes`.
 * Returns an error message string instead of throwing, so the caller can name the tensor.
 */
export function readElements(dtype: ElementType, bytes: Uint8Array, count: number): Float32Array | Int32Array | string {
  const width = BYTES[dtype];
  if (width === undefined) return `unsupported dtype ${String(dtype)}`;
  if (bytes.length !== count * width) return `${bytes.length} bytes for ${count} ${dtype} values`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return dtype === 'I32' || dtype === 'I64' ? readInts(dtype, view, count) : readFloats(dtype, view, count);
}
