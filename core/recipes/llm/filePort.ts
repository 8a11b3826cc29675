/**
 * The byte-level file port RecipeFiles is built on (recipeFilesOver): a handful of byte operations
 * that both the Node worker (fs) and a studio window's WebGPU worker (host invokes, chunked) can
 * offer. Everything format-specific — safetensors, config.json, PEFT, tokenizer.json — stays in
 * pure core code above it, so both sides read and write exactly the same bytes.
 */
import { RecForgeError } from '../../errors';
import { decodeUtf8, encodeUtf8 } from '../../tensor/utf8';
import { parseJsonLocated } from '../../text/jsonLocated';

/** Byte access to files; paths are '/'-joined (see joinPath). */
export interface FilePort {
  /** Size in bytes, or null when there is no such file. */
  fileSize(path: string): Promise<number | null>;
  /** `length` bytes from `offset` (fewer only at the end of the file). */
  readBytes(path: string, offset: number, length: number): Promise<Uint8Array>;
  /** Replaces `path` with `bytes` atomically (a reader sees the old file or the new one); folders created. */
  writeBytes(path: string, bytes: Uint8Array): Promise<void>;
  /** Deletes `path` if it exists. Optional: a port that only ever writes fresh folders (a window's run folder) leaves it out. */
  removeFile?(path: string): Promise<void>;
}

/** Bytes read per readBytes call: small enough for one transport frame (MAX_FILE_CHUNK_BYTES). */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/** The last path segment, which errors name (as the Node binding's errors do). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((s) => s !== '').at(-1) ?? path;
}

/**
 * A zeroed buffer of `length` bytes for `file` (and tensor `field`); a length this runtime cannot
 * hold in one typed array (Node 20: 4 GiB) becomes a located error instead of a bare RangeError.
 */
export function allocateBytes(length: number, file: string, field?: string): Uint8Array {
  try {
    return new Uint8Array(length);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const what = field === undefined ? file : `${file}: tensor ${field}`;
    throw new RecForgeError('import', `${what} needs ${length} bytes in one piece, more than this runtime can hold (${err.message})`, {
      file,
      ...(field === undefined ? {} : { field }),
      expected: 'at most a few GB in one piece',
    });
  }
}

/**
 * `length` bytes of `path` from `offset`, in reads of at most READ_CHUNK_BYTES; RecForgeError('import')
 * naming the file (and `field`, the tensor they hold) when the file ends early or the range is too big.
 */
export async function readRange(port: FilePort, path: string, offset: number, length: number, field?: string): Promise<Uint8Array> {
  const name = baseName(path);
  const out = allocateBytes(length, name, field);
  for (let done = 0; done < length; ) {
    const chunk = await port.readBytes(path, offset + done, Math.min(READ_CHUNK_BYTES, length - done));
    if (chunk.length === 0) throw new RecForgeError('import', `${name} ended at byte ${offset + done} of ${offset + length}`, { file: name, expected: `at least ${offset + length} bytes` });
    out.set(chunk.subarray(0, length - done), done);
    done += chunk.length;
  }
  return out;
}

/** The whole file; RecForgeError('import') naming it when it is missing, ends early or is too big. */
export async function readWholeFile(port: FilePort, path: string): Promise<Uint8Array> {
  const name = baseName(path);
  const size = await port.fileSize(path);
  if (size === null) throw new RecForgeError('import', `${name} is missing`, { file: name, expected: 'a readable file' });
  return readRange(port, path, 0, size);
}

/** UTF-8 text of a file (missing → located error). */
export async function readTextFile(port: FilePort, path: string): Promise<string> {
  return decodeUtf8(await readWholeFile(port, path));
}

/** Writes UTF-8 text atomically. */
export function writeTextFile(port: FilePort, path: string, text: string): Promise<void> {
  return port.writeBytes(path, encodeUtf8(text));
}

/** A JSON object file; located error when missing, not JSON (line and column) or not an object. */
export async function readJsonObjectFile(port: FilePort, path: string): Promise<Record<string, unknown>> {
  const name = baseName(path);
  const text = await readTextFile(port, path);
  const json = parseJsonLocated(text, name);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RecForgeError('import', `${name} is not a JSON object`, { file: name, expected: 'a JSON object' });
  return json as Record<string, unknown>;
}

/** JSON with a trailing newline, as the Node binding writes (indent 2; 0 = compact). */
export function jsonText(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}
