/**
 * Before DuckDB reads a text table: its first bytes must look like text. A dropped image or zip
 * otherwise surfaces as an obscure CSV sniffing error; this says what is wrong and where.
 */
import { open } from 'node:fs/promises';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { assertTextLine } from '../../data/binary';

const SAMPLE_BYTES = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isGzip(b: Buffer): boolean {
  return b[0] === 0x1f && b[1] === 0x8b;
}

function isParquet(b: Buffer): boolean {
  return b.subarray(0, 4).toString('latin1') === 'PAR1';
}

/** The text a gzip sample starts with (a cut stream still inflates its first blocks; a corrupt one is DuckDB's to report). */
function inflatePrefix(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

/** Throws a located 'import' error at the first line of the sample holding binary content. */
export async function assertTextSample(file: { readonly name: string; readonly path: string }): Promise<void> {
  const bytes = await head(file.path);
  if (isParquet(bytes)) return;
  const text = (isGzip(bytes) ? inflatePrefix(bytes) : bytes).toString('utf8');
  // Unless the sample is the whole file, its last line may be cut mid-character.
  const all = text.split('\n');
  const lines = bytes.length < SAMPLE_BYTES && !isGzip(bytes) ? all : all.slice(0, -1);
  lines.forEach((line, i) => assertTextLine(line, file.name, i + 1));
}
