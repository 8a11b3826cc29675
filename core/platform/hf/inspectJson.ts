/**
 * Reading the JSON files of a model or tokenizer folder for inspection: a missing file, a file that
 * is not UTF-8 or not JSON becomes RecForgeError('import') naming the file, with the line and
 * column of a syntax error, so the UI can point at the exact place to fix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { parseJsonLocated } from '../../text/jsonLocated';

/** Text of `dir/name`; located error when it is missing, unreadable or not UTF-8. */
export async function readTextLocated(dir: string, name: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(dir, name));
  } catch (err) {
    const why = (err as { code?: string }).code === 'ENOENT' ? 'is missing' : 'cannot be read';
    throw new RecForgeError('import', `${name} ${why}`, { file: name, expected: 'a readable file' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RecForgeError('import', `${name} is not UTF-8 text`, { file: name, expected: 'UTF-8 JSON' });
  }
}

/** Decoded JSON object of `dir/name`; located error when missing, invalid, or not an object. */
export async function readJsonObject(dir: string, name: string): Promise<Record<string, unknown>> {
  const json = parseJsonLocated(await readTextLocated(dir, name), name);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RecForgeError('import', `${name} is not a JSON object`, { file: name, expected: 'a JSON object' });
  return json as Record<string, unknown>;
}
