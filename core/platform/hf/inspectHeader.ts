/**
 * Reads only the header of a safetensors file (8-byte length + JSON), never the tensor data, so a
 * multi-gigabyte checkpoint can be inspected in milliseconds. Checks what a loader would trip over
 * later: header length, JSON, dtypes, offsets matching shapes, and data not cut short.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';

/** One tensor entry of a header. */
export interface HeaderTensor {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  /** Bytes of its data. */
  readonly bytes: number;
}

/** A safetensors header and the file's size. */
export interface SafetensorsHeader {
  readonly file: string;
  readonly fileBytes: number;
  readonly tensors: ReadonlyMap<string, HeaderTensor>;
}

/** Bytes per element of every safetensors dtype. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1, F8_E4M3: 1, F8_E5M2: 1 };

const MAX_HEADER_BYTES = 100_000_000; // the safetensors spec's limit

const bad = (file: string, why: string): RecForgeError => new RecForgeError('import', `${file}: ${why}`, { file, expected: 'a valid safetensors file' });

async function readHeaderText(dir: string, file: string): Promise<{ text: string; fileBytes: number; headerBytes: number }> {
  const handle = await open(path.join(dir, file)).catch((err: { code?: string }) => {
    throw new RecForgeError('import', `${file} ${err.code === 'ENOENT' ? 'is missing' : 'cannot be read'}`, { file, expected: 'a readable file' });
  });
  try {
    const fileBytes = (await handle.stat()).size;
    if (fileBytes < 8) throw bad(file, `truncated: ${fileBytes} bytes, shorter than the 8-byte header length`);
    const lenBuf = Buffer.alloc(8);
    await handle.read(lenBuf, 0, 8, 0);
    const n = lenBuf.readBigUInt64LE(0);
    if (n > BigInt(Math.min(fileBytes - 8, MAX_HEADER_BYTES))) throw bad(file, `header length ${n} exceeds the file size (${fileBytes} bytes): truncated or not safetensors`);
    const buf = Buffer.alloc(Number(n));
    await handle.read(buf, 0, buf.length, 8);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), fileBytes, headerBytes: buf.length };
  } catch (err) {
    if (err instanceof RecForgeError) throw err;
    throw bad(file, `header is not UTF-8 (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    await handle.close();
  }
}

const isNatural = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function parseEntry(file: string, name: string, value: unknown): HeaderTensor & { end: number } {
  const e = (value ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  const width = typeof e.dtype === 'string' ? DTYPE_BYTES[e.dtype] : undefined;
  if (width === undefined) throw bad(file, `tensor ${name} has unknown dtype ${JSON.stringify(e.dtype)}`);
  if (!Array.isArray(e.shape) || !e.shape.every(isNatural)) throw bad(file, `tensor ${name} has a bad shape`);
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNatural)) throw bad(file, `tensor ${name} has bad data_offsets`);
  const [begin, end] = offsets as [number, number];
  const bytes = (e.shape as number[]).reduce((a, b) => a * b, 1) * width;
  if (end - begin !== bytes) throw bad(file, `tensor ${name}: data_offsets [${begin}, ${end}] hold ${end - begin} bytes, its ${e.dtype as string} shape [${(e.shape as number[]).join(', ')}] needs ${bytes}`);
  return { name, dtype: e.dtype as string, shape: e.shape as number[], bytes, end };
}

/** Parses the header of `dir/file`; RecForgeError('import') located at `file` on anything malformed. */
export async function readSafetensorsHeader(dir: string, file: string): Promise<SafetensorsHeader> {
  const { text, fileBytes, headerBytes } = await readHeaderText(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad(file, 'header is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad(file, 'header is not a JSON object');
  const tensors = new Map<string, HeaderTensor>();
  let dataEnd = 0;
  for (const [name, value] of Object.entries(json)) {
    if (name === '__metadata__') continue;
    const { end, ...entry } = parseEntry(file, name, value);
    tensors.set(name, entry);
    dataEnd = Math.max(dataEnd, end);
  }
  const dataBytes = fileBytes - 8 - headerBytes;
  if (dataEnd > dataBytes) throw bad(file, `truncated: tensor data needs ${dataEnd} bytes after the header, the file has ${dataBytes}`);
  return { file, fileBytes, tensors };
}
