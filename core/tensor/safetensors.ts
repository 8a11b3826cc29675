/**
 * The safetensors file format, encoded and decoded as pure functions over bytes:
 * 8-byte little-endian u64 header length N, then N bytes of JSON
 * `{ name: { dtype, shape, data_offsets: [begin, end] }, __metadata__?: { string: string } }`
 * (padded with spaces so the data starts 8-byte aligned), then the raw little-endian tensor data.
 * Writes F32 and I32; reads F32/F16/BF16/F64 as Float32Array and I32/I64 as Int32Array.
 */
import { RecForgeError } from '../errors';
import { decodeUtf8, encodeUtf8 } from './utf8';
import { readElements, type ElementType } from './safetensorsDtypes';

/** A tensor as stored in a safetensors file. */
export interface StoredTensor {
  readonly dtype: 'F32' | 'I32';
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

/** A whole file: named tensors plus the optional string metadata map. */
export interface SafetensorsFile {
  readonly tensors: ReadonlyMap<string, StoredTensor>;
  readonly metadata: Readonly<Record<string, string>>;
}

const METADATA_KEY = '__metadata__';
const invalid = (why: string): RecForgeError => new RecForgeError('validation', `invalid safetensors file: ${why}`);

function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function buildHeader(tensors: ReadonlyMap<string, StoredTensor>, metadata: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header[METADATA_KEY] = metadata;
  let offset = 0;
  for (const [name, t] of tensors) {
    if (name === METADATA_KEY) throw new RecForgeError('validation', `tensor name ${METADATA_KEY} is reserved`);
    if (shapeSize(t.shape) !== t.data.length) throw new RecForgeError('validation', `tensor ${name}: shape ${JSON.stringify(t.shape)} does not match ${t.data.length} values`);
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  const json = encodeUtf8(JSON.stringify(header));
  // Pad with spaces so 8 + header length is a multiple of 8 (aligned tensor data).
  const padded = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
  padded.set(json);
  return padded;
}

/** Serialises tensors (in map order) and metadata into safetensors bytes. */
export function encodeSafetensors(
  tensors: ReadonlyMap<string, StoredTensor>,
  metadata: Readonly<Record<string, string>> = {},
): Uint8Array {
  const header = buildHeader(tensors, metadata);
  let dataBytes = 0;
  for (const t of tensors.values()) dataBytes += t.data.byteLength;
  const out = new Uint8Array(8 + header.length + dataBytes);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(header.length), true);
  out.set(header, 8);
  let pos = 8 + header.length;
  for (const t of tensors.values()) {
    writeLittleEndian(view, pos, t.data);
    pos += t.data.byteLength;
  }
  return out;
}

function writeLittleEndian(view: DataView, pos: number, data: Float32Array | Int32Array): void {
  const isFloat = data instanceof Float32Array;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (isFloat) view.setFloat32(pos + 4 * i, v, true);
    else view.setInt32(pos + 4 * i, v, true);
  }
}

/** Byte length of the JSON header announced by the first 8 bytes (little-endian u64). */
export function headerLength(first8: Uint8Array): bigint {
  if (first8.length < 8) throw invalid('shorter than the 8-byte header length');
  return new DataView(first8.buffer, first8.byteOffset, first8.byteLength).getBigUint64(0, true);
}

function parseHeaderJson(bytes: Uint8Array): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(bytes));
  } catch (err) {
    throw invalid(`header is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('header is not a JSON object');
  return parsed as Record<string, unknown>;
}

function parseMetadata(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw invalid('__metadata__ is not an object');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalid(`__metadata__.${k} is not a string`);
    out[k] = v;
  }
  return out;
}

/** One tensor's header entry: dtype, shape and its byte range within the data section. */
export interface SafetensorsEntry {
  readonly dtype: ElementType;
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

/** A parsed header: entries by name (file order) and the string metadata. */
export interface SafetensorsHeaderInfo {
  readonly entries: ReadonlyMap<string, SafetensorsEntry>;
  readonly metadata: Readonly<Record<string, string>>;
}

const isNatural = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function parseEntry(name: string, value: unknown): SafetensorsEntry {
  const e = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  if (typeof e !== 'object' || e === null) throw invalid(`entry ${name} is not an object`);
  const { dtype, shape, data_offsets: offsets } = e;
  if (typeof dtype !== 'string') throw invalid(`entry ${name} has no dtype`);
  if (!Array.isArray(shape) || !shape.every(isNatural)) throw invalid(`entry ${name} has a bad shape`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isNatural)) throw invalid(`entry ${name} has bad data_offsets`);
  const [begin, end] = offsets as [number, number];
  return { dtype: dtype as ElementType, shape: shape as number[], begin, end };
}

/**
 * Parses the JSON header bytes (those after the 8-byte length) of a file whose data section holds
 * `dataLength` bytes; every entry must lie inside it. Throws RecForgeError('validation').
 */
export function parseSafetensorsHeader(headerBytes: Uint8Array, dataLength: number): SafetensorsHeaderInfo {
  const header = parseHeaderJson(headerBytes);
  const entries = new Map<string, SafetensorsEntry>();
  for (const [name, value] of Object.entries(header)) {
    if (name === METADATA_KEY) continue;
    const e = parseEntry(name, value);
    if (e.end < e.begin) throw invalid(`entry ${name}: data_offsets [${e.begin}, ${e.end}] end before they begin`);
    if (e.end > dataLength) throw invalid(`truncated: entry ${name} needs data up to byte ${e.end}, the file has ${dataLength} after its header`);
    entries.set(name, e);
  }
  return { entries, metadata: parseMetadata(header[METADATA_KEY]) };
}

/** Decodes one tensor from exactly its `end - begin` data bytes. Throws RecForgeError('validation'). */
export function decodeSafetensorsEntry(name: string, entry: SafetensorsEntry, bytes: Uint8Array): StoredTensor {
  const read = readElements(entry.dtype, bytes, shapeSize(entry.shape));
  if (typeof read === 'string') throw invalid(`entry ${name}: ${read}`);
  return { dtype: read instanceof Float32Array ? 'F32' : 'I32', shape: entry.shape, data: read };
}

/** Parses safetensors bytes. Throws RecForgeError('validation') on anything malformed. */
export function decodeSafetensors(bytes: Uint8Array): SafetensorsFile {
  const n = headerLength(bytes);
  if (n > BigInt(bytes.length - 8)) throw invalid(`header length ${n} exceeds the file size`);
  const dataStart = 8 + Number(n);
  const { entries, metadata } = parseSafetensorsHeader(bytes.subarray(8, dataStart), bytes.length - dataStart);
  const tensors = new Map<string, StoredTensor>();
  for (const [name, e] of entries) tensors.set(name, decodeSafetensorsEntry(name, e, bytes.subarray(dataStart + e.begin, dataStart + e.end)));
  return { tensors, metadata };
}
