/**
 * Base64 (RFC 4648, with padding) for bytes that cross a JSON transport: the compute host's job
 * data and checkpoints travel as strings over the web host's WebSocket and over Electron IPC.
 * Pure TypeScript so the host (Node), the window's compute worker and tests share one codec.
 */
import { z } from 'zod';
import { RecForgeError } from '../errors';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Characters of a base64 text that `byteLength` bytes encode to. */
export function base64Length(byteLength: number): number {
  return Math.ceil(byteLength / 3) * 4;
}

/** A payload field holding at most `maxBytes` bytes as padded base64. */
export function base64TextSchema(maxBytes: number): z.ZodString {
  return z
    .string()
    .max(base64Length(maxBytes), `at most ${maxBytes} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
}

/** Encodes bytes; built in chunks so a 50 MB checkpoint does not make millions of tiny strings. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 16384;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] ?? 0;
      const b = bytes[i + 1] ?? 0;
      const c = bytes[i + 2] ?? 0;
      out += ALPHABET[a >> 2];
      out += ALPHABET[((a & 3) << 4) | (b >> 4)];
      out += i + 1 < end ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
      out += i + 2 < end ? ALPHABET[c & 63] : '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

function sextet(text: string, at: number, what: string): number {
  const code = text.charCodeAt(at);
  const value = code < 128 ? (DECODE[code] ?? -1) : -1;
  if (value < 0) throw new RecForgeError('validation', `${what}: character ${at + 1} is not base64`, { file: what, expected: 'base64 (A-Z a-z 0-9 + /, = padding)' });
  return value;
}

/** Decodes padded base64; throws a located 'validation' error on anything else. */
export function decodeBase64(text: string, what = 'base64 data'): Uint8Array {
  if (text.length % 4 !== 0) throw new RecForgeError('validation', `${what}: length ${text.length} is not a multiple of 4`, { file: what, expected: 'padded base64' });
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const n0 = sextet(text, i, what);
    const n1 = sextet(text, i + 1, what);
    const n2 = last && padding === 2 ? 0 : sextet(text, i + 2, what);
    const n3 = last && padding >= 1 ? 0 : sextet(text, i + 3, what);
    const triple = (n0 << 18) | (n1 << 12) | (n2 << 6) | n3;
    out[o++] = triple >> 16;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

/** An Int32Array as base64 of its little-endian bytes (every supported platform is little-endian). */
export function encodeInt32s(values: Int32Array): string {
  return encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** The inverse of encodeInt32s; the byte count must be a multiple of 4. */
export function decodeInt32s(text: string, what: string): Int32Array {
  const bytes = decodeBase64(text, what);
  if (bytes.length % 4 !== 0) throw new RecForgeError('validation', `${what}: ${bytes.length} bytes is not a whole number of int32 values`, { file: what });
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** A Float64Array as base64 of its little-endian bytes. */
export function encodeFloat64s(values: Float64Array): string {
  return encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

/** The inverse of encodeFloat64s (copied: decoded bytes need not be 8-byte aligned). */
export function decodeFloat64s(text: string, what: string): Float64Array {
  const bytes = decodeBase64(text, what);
  if (bytes.length % 8 !== 0) throw new RecForgeError('validation', `${what}: ${bytes.length} bytes is not a whole number of float64 values`, { file: what });
  return new Float64Array(bytes.slice().buffer);
}
