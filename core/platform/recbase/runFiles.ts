/** The few file operations the RecBase runner needs, on paths relative to the run folder. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomicWrite';

/** `runDir`/`relative`. */
export function inRunDir(runDir: string, relative: string): string {
  return path.join(runDir, relative);
}

/** Writes a file under the run folder atomically (a crash leaves the old file or none, never half), creating its parent folder. */
export async function writeRunFile(runDir: string, relative: string, data: string | Uint8Array): Promise<void> {
  const file = inRunDir(runDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
}

/** Reads a file under the run folder. */
export async function readRunFile(runDir: string, relative: string): Promise<Uint8Array> {
  const bytes = await readFile(inRunDir(runDir, relative));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads a UTF-8 text file under the run folder. */
export async function readRunText(runDir: string, relative: string): Promise<string> {
  return readFile(inRunDir(runDir, relative), 'utf8');
}
