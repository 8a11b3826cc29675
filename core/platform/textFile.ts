/**
 * Opens a file as a TextSource for the pure parsers: streams it (1 MiB reads), gunzips it when it
 * starts with the gzip magic bytes (whatever its extension), decodes UTF-8 leniently (invalid bytes
 * become U+FFFD, which the parsers report as binary content) or ISO-8859-1 exactly, and reports
 * progress in bytes read from disk.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { TextSource } from '../data/types';
import { RecForgeError } from '../errors';
import type { ImportProgress } from '../protocol/dto';

/** Text encodings the importers need: UTF-8 for logs, latin1 for MovieLens u.item. */
export type TextEncoding = 'utf-8' | 'latin1';

export interface OpenTextOptions {
  /** Name shown in error locations and progress events. */
  readonly name: string;
  readonly encoding: TextEncoding;
  readonly onProgress?: (p: ImportProgress) => void;
}

const PROGRESS_INTERVAL_MS = 100; // at most ~10 progress events per second per file

/** Opens `filePath` for streaming; fails with a located 'import' error if it cannot be read. */
export async function openTextSource(filePath: string, opts: OpenTextOptions): Promise<TextSource> {
  const size = await stat(filePath).then((s) => s.size, () => unreadable(opts.name));
  const gz = await startsWithGzipMagic(filePath);
  return { name: opts.name, chunks: decodeFile(filePath, size, gz, opts) };
}

function unreadable(name: string): never {
  throw new RecForgeError('import', 'cannot read file', { file: name, expected: 'a readable file' });
}

async function startsWithGzipMagic(filePath: string): Promise<boolean> {
  const fh = await open(filePath, 'r');
  try {
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function* decodeFile(filePath: string, totalBytes: number, gz: boolean, opts: OpenTextOptions): AsyncGenerator<string> {
  const raw = createReadStream(filePath, { highWaterMark: 1 << 20 });
  const report = progressReporter(opts, totalBytes);
  raw.on('data', (b) => report(b.length, false));
  // pipeline() forwards read errors into the gunzip stream, so they surface in the loop below.
  const bytes: Readable = gz ? pipeline(raw, createGunzip(), () => undefined) : raw;
  const utf8 = opts.encoding === 'utf-8' ? new TextDecoder('utf-8') : null;
  try {
    for await (const chunk of bytes) {
      const buf = chunk as Buffer;
      yield utf8 ? utf8.decode(buf, { stream: true }) : buf.toString('latin1');
    }
    if (utf8) yield utf8.decode();
    report(0, true);
  } catch (err) {
    if (err instanceof RecForgeError) throw err;
    throw new RecForgeError('import', `cannot read file: ${(err as Error).message}`, { file: opts.name, expected: gz ? 'valid gzip data' : 'a readable file' });
  } finally {
    raw.destroy();
  }
}

function progressReporter(opts: OpenTextOptions, totalBytes: number): (delta: number, final: boolean) => void {
  let bytesRead = 0;
  let last = 0;
  return (delta, final) => {
    bytesRead += delta;
    const now = Date.now();
    if (!opts.onProgress || (!final && now - last < PROGRESS_INTERVAL_MS)) return;
    last = now;
    opts.onProgress({ file: opts.name, bytesRead: final ? totalBytes : bytesRead, totalBytes });
  };
}
