/** Reading the files of a checkpoint folder with import errors that name the file. */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { decodeSafetensors } from '../../tensor/safetensors';
import type { SafetensorsFile } from '../../tensor/safetensors';

/** Bytes of `dir/name`; RecForgeError('import') located at `name` when it cannot be read. */
export async function readCheckpointFile(dir: string, name: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path.join(dir, name)));
  } catch (err) {
    const why = (err as { code?: string }).code === 'ENOENT' ? 'is missing' : 'cannot be read';
    throw new RecForgeError('import', `checkpoint file ${name} ${why}`, { file: name, expected: 'a readable file' });
  }
}

/** True when `dir/name` exists and is readable. */
export async function hasCheckpointFile(dir: string, name: string): Promise<boolean> {
  return access(path.join(dir, name)).then(
    () => true,
    () => false,
  );
}

/** Parsed JSON of `dir/name`; located error when missing or not JSON. */
export async function readJsonFile(dir: string, name: string): Promise<unknown> {
  const bytes = await readCheckpointFile(dir, name);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new RecForgeError('import', `${name} is not valid JSON (${why})`, { file: name, expected: 'JSON' });
  }
}

/** Decodes safetensors bytes; a malformed file (bad header length, truncated data, …) becomes an import error naming it. */
export function decodeCheckpointTensors(bytes: Uint8Array, name: string): SafetensorsFile {
  try {
    return decodeSafetensors(bytes);
  } catch (err) {
    const why = err instanceof RecForgeError ? err.detail : String(err);
    throw new RecForgeError('import', `${name}: ${why}`, { file: name, expected: 'a valid safetensors file' });
  }
}
