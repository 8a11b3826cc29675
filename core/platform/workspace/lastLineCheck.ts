/**
 * A copy cut off mid-write (an interrupted download, a full disk) ends inside a row. When the cut
 * falls inside a field, the row often still parses ("42,17,8812" from "42,17,881250949") and
 * imports as wrong data without any error. A text file whose last line has no line end is the
 * visible trace of that, so the import says so, with the line; many tools also write files that
 * way, hence a warning and not an error.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ApiError } from '../../protocol/dto';

/** Binary or compressed files: their last byte says nothing about lines (gzip checks its own length). */
const NOT_TEXT = /\.(parquet|gz|gzip|zip|bz2|xz|zst)$/i;

/** The last byte of a file, or null when it is empty. */
async function lastByte(path: string): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    const buf = Buffer.alloc(1);
    await handle.read(buf, 0, 1, size - 1);
    return buf[0] ?? null;
  } finally {
    await handle.close();
  }
}

/** Line ends in a file, streamed (only read when the last line is open, which is rare). */
async function countLineEnds(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  }
  return n;
}

/** A warning for each text file whose last line has no line end. */
export async function openLastLineWarnings(files: readonly { readonly name: string; readonly path: string }[]): Promise<ApiError[]> {
  const warnings: ApiError[] = [];
  for (const f of files) {
    if (NOT_TEXT.test(f.name)) continue;
    const last = await lastByte(f.path);
    if (last === null || last === 10) continue;
    const line = (await countLineEnds(f.path)) + 1;
    warnings.push({
      code: 'import',
      message: 'the last line has no line end: if the file was cut off (an interrupted download or copy), its last row may be incomplete (it was imported as it reads)',
      location: { file: f.name, line, expected: 'a line end after the last row' },
    });
  }
  return warnings;
}
