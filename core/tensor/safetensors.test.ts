import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors, type StoredTensor } from './safetensors';
import { bf16ToFloat, halfToFloat } from './safetensorsDtypes';
import { decodeUtf8, encodeUtf8 } from './utf8';

/** Hand-builds a file from a header object and raw data bytes (as another writer would). */
function rawFile(header: object, data: Uint8Array): Uint8Array {
  const json = encodeUtf8(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('safetensors', () => {
  const tensors = new Map<string, StoredTensor>([
    ['emb.weight', { dtype: 'F32', shape: [2, 3], data: Float32Array.from([1.5, -2, 3e-8, 0, 7, -1e30]) }],
    ['ids', { dtype: 'I32', shape: [3], data: Int32Array.from([0, -5, 2147483647]) }],
    ['scalar', { dtype: 'F32', shape: [], data: Float32Array.from([42]) }],
    ['empty', { dtype: 'F32', shape: [0, 4], data: new Float32Array(0) }],
  ]);

  it('round-trips F32/I32 tensors and metadata', () => {
    const bytes = encodeSafetensors(tensors, { format: 'pt', note: 'héllo ✓ 🎬' });
    const file = decodeSafetensors(bytes);
    expect(file.metadata).toEqual({ format: 'pt', note: 'héllo ✓ 🎬' });
    expect([...file.tensors.keys()]).toEqual([...tensors.keys()]);
    for (const [name, t] of tensors) expect(file.tensors.get(name)).toEqual(t);
  });

  it('lays out the header as the spec says', () => {
    const bytes = encodeSafetensors(tensors, { a: 'b' });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    const text = decodeUtf8(bytes.subarray(8, 8 + n));
    expect(text).toMatch(/^\{.*\} *$/);
    const header = JSON.parse(text) as Record<string, { data_offsets: number[] }>;
    expect(header['emb.weight']?.data_offsets).toEqual([0, 24]);
    expect(header['ids']?.data_offsets).toEqual([24, 36]);
    expect(header['__metadata__']).toEqual({ a: 'b' });
    expect(bytes.length).toBe(8 + n + 24 + 12 + 4);
  });

  it('reads F16, BF16 and I64 written by other tools, at an unaligned byte offset', () => {
    const data = new Uint8Array(2 * 3 + 2 * 2 + 8 * 2);
    const v = new DataView(data.buffer);
    [0x3c00, 0xc000, 0x0001].forEach((h, i) => v.setUint16(2 * i, h, true)); // 1, -2, smallest subnormal
    [0x3f80, 0x4049].forEach((b, i) => v.setUint16(6 + 2 * i, b, true)); // 1, 3.140625
    v.setBigInt64(10, -3n, true);
    v.setBigInt64(18, 123456n, true);
    const header = {
      h: { dtype: 'F16', shape: [3], data_offsets: [0, 6] },
      b: { dtype: 'BF16', shape: [2], data_offsets: [6, 10] },
      l: { dtype: 'I64', shape: [2], data_offsets: [10, 26] },
    };
    const file = rawFile(header, data);
    const shifted = new Uint8Array(file.length + 1).subarray(1); // byteOffset 1: no aligned views possible
    shifted.set(file);
    const out = decodeSafetensors(shifted).tensors;
    expect(Array.from(out.get('h')?.data ?? [])).toEqual([1, -2, 2 ** -24]);
    expect(Array.from(out.get('b')?.data ?? [])).toEqual([1, 3.140625]);
    expect(out.get('l')).toEqual({ dtype: 'I32', shape: [2], data: Int32Array.from([-3, 123456]) });
  });

  it.each([
    ['a truncated file', new Uint8Array(4), /shorter than/],
    ['a header longer than the file', rawFile({}, new Uint8Array(0)).fill(0xff, 0, 8), /exceeds the file size/],
    ['offsets past the data', rawFile({ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4)), /truncated: entry x needs data up to byte 8/],
    ['a size mismatch', rawFile({ x: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, new Uint8Array(8)), /8 bytes for 3 F32/],
    ['an unknown dtype', rawFile({ x: { dtype: 'C64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8)), /unsupported dtype C64/],
    ['an I64 outside int32', rawFile({ x: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, new Uint8Array(8).fill(0x7f)), /does not fit/],
  ])('rejects %s', (_name, bytes, message) => {
    expect(() => decodeSafetensors(bytes)).toThrow(message);
  });

  it('rejects a tensor whose data does not match its shape', () => {
    const bad = new Map([['x', { dtype: 'F32' as const, shape: [2, 2], data: new Float32Array(3) }]]);
    expect(() => encodeSafetensors(bad)).toThrow(/does not match 3 values/);
  });

  it('converts half and bfloat16 special values', () => {
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(bf16ToFloat(0xc2f7)).toBe(-123.5);
  });

  it('utf8 round-trips and rejects malformed bytes', () => {
    const s = 'a\u00e9\u4e2d\u{1f3ac}';
    expect(Array.from(encodeUtf8(s))).toEqual([0x61, 0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x8e, 0xac]);
    expect(decodeUtf8(encodeUtf8(s))).toBe(s);
    expect(() => decodeUtf8(Uint8Array.from([0xc3]))).toThrow(/invalid UTF-8/);
    expect(() => decodeUtf8(Uint8Array.from([0xe4, 0x41, 0x41]))).toThrow(/invalid UTF-8/);
  });
});
