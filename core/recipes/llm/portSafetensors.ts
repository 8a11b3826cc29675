/**
 * A safetensors file read in pieces over a FilePort: the 8-byte length and the JSON header first,
 * then only the byte range of each tensor asked for. A multi-gigabyte shard (Llama-3.2-3B's first,
 * Mistral-7B's) is never held whole, and tensors nobody asks for are neither read nor decoded.
 */
import { RecForgeError } from '../../errors';
import { decodeSafetensorsEntry, headerLength, parseSafetensorsHeader, type SafetensorsEntry, type StoredTensor } from '../../tensor/safetensors';
import { baseName, readRange, type FilePort } from './filePort';

const MAX_HEADER_BYTES = 100_000_000; // the safetensors format's limit on the JSON header

/** An opened file: its header entries, and a reader for one tensor at a time. */
export interface PortSafetensors {
  /** The file's base name (what errors name). */
  readonly file: string;
  readonly entries: ReadonlyMap<string, SafetensorsEntry>;
  /** The header's __metadata__ strings. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Reads and decodes tensor `name`'s bytes only; the caller keeps (or drops) the result. */
  readTensor(name: string): Promise<StoredTensor>;
}

const malformed = (file: string, why: string, field?: string): RecForgeError =>
  new RecForgeError('import', `${file}: ${why}`, { file, ...(field === undefined ? {} : { field }), expected: 'a valid safetensors file' });

/**
 * Turns the format's validation errors into import errors naming the file (and tensor), and a
 * decoded array too large for this runtime into a located error instead of a bare RangeError.
 */
function named<T>(file: string, field: string | undefined, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof RangeError && field !== undefined) {
      throw new RecForgeError('import', `${file}: tensor ${field} is too large to decode in this runtime (${err.message})`, { file, field, expected: 'a tensor of at most a few GB as float32' });
    }
    if (!(err instanceof RecForgeError) || err.code !== 'validation') throw err;
    throw malformed(file, err.detail, field);
  }
}

/** Reads `path`'s header; RecForgeError('import') naming the file when missing, truncated or malformed. */
export async function openSafetensors(port: FilePort, path: string): Promise<PortSafetensors> {
  const file = baseName(path);
  const size = await port.fileSize(path);
  if (size === null) throw new RecForgeError('import', `${file} is missing`, { file, expected: 'a readable file' });
  if (size < 8) throw malformed(file, `truncated: ${size} bytes, shorter than the 8-byte header length`);
  const length = headerLength(await readRange(port, path, 0, 8));
  if (length > BigInt(Math.min(size - 8, MAX_HEADER_BYTES))) throw malformed(file, `header length ${length} exceeds the file size (${size} bytes): truncated or not safetensors`);
  const dataStart = 8 + Number(length);
  const headerBytes = await readRange(port, path, 8, Number(length));
  const { entries, metadata } = named(file, undefined, () => parseSafetensorsHeader(headerBytes, size - dataStart));
  return {
    file,
    entries,
    metadata,
    async readTensor(name) {
      const entry = entries.get(name);
      if (entry === undefined) throw new RecForgeError('import', `${file} has no tensor ${name}`, { file, field: name, expected: 'tensor present' });
      const bytes = await readRange(port, path, dataStart + entry.begin, entry.end - entry.begin, name);
      return named(file, name, () => decodeSafetensorsEntry(name, entry, bytes));
    },
  };
}
