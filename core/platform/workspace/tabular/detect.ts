/**
 * Kind and compression of a tabular file: by extension when it is telling, otherwise by content
 * (gzip and Parquet magic bytes, then the first text character), so a renamed or extension-less
 * upload still opens with the right DuckDB reader.
 */
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { RecForgeError } from '../../../errors';
import type { TabularFile, TabularKind } from './types';

/** The reader to use and whether DuckDB must be told the file is gzip-compressed. */
export interface DetectedFile {
  readonly kind: TabularKind;
  readonly gzip: boolean;
}

const BY_EXTENSION: Readonly<Record<string, TabularKind>> = {
  csv: 'csv', tsv: 'tsv', tab: 'tsv', jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', parquet: 'parquet', pq: 'parquet',
};

/** Detects kind and gzip; an empty or unrecognisable file is a located 'import' error. */
export async function detectFile(f: TabularFile): Promise<DetectedFile> {
  const head = await readHead(f.path, 4096);
  if (head.length === 0) throw emptyFile(f);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const fromName = kindFromName(f.name);
  if (fromName) return { kind: fromName, gzip };
  if (!gzip && head.subarray(0, 4).toString('latin1') === 'PAR1') return { kind: 'parquet', gzip: false };
  const text = gzip ? await gunzipHead(f.path) : head;
  return { kind: kindFromText(text.toString('utf8')), gzip };
}

/** 'import' error for a file with no bytes or no rows. */
export function emptyFile(f: TabularFile): RecForgeError {
  return new RecForgeError('import', 'empty file', { file: f.name, line: 1, expected: 'a header and at least one row' });
}

function kindFromName(name: string): TabularKind | undefined {
  const parts = name.toLowerCase().split(/[\\/]/).pop()?.split('.') ?? [];
  if (parts[parts.length - 1] === 'gz') parts.pop();
  return parts.length > 1 ? BY_EXTENSION[parts[parts.length - 1] ?? ''] : undefined;
}

/** JSON objects start with '{'; otherwise a tab in the first line means TSV, else CSV. */
function kindFromText(text: string): TabularKind {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return 'jsonl';
  const firstLine = trimmed.split('\n', 1)[0] ?? '';
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The first decompressed chunk (or nothing when the stream is broken before any output). */
async function gunzipHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  const stream = fh.createReadStream().pipe(createGunzip());
  try {
    for await (const chunk of stream) return chunk as Buffer;
    return Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  } finally {
    stream.destroy();
    await fh.close().catch(() => undefined);
  }
}
