/**
 * Decoding of the MovieLens metadata files (u.item, movies.dat). GroupLens ships them in
 * ISO-8859-1, but copies re-saved by editors or scripts are often UTF-8, sometimes with a BOM;
 * read as latin1 those turn 'é' into 'Ã©' and the BOM into garbage before the first id.
 */
import { decodeUtf8 } from '../../tensor/utf8';
import type { TextSource } from '../types';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Text of a legacy MovieLens file: a UTF-8 BOM is dropped; bytes that are valid UTF-8 are decoded
 * as UTF-8, anything else as ISO-8859-1 (the original files). Pure ASCII reads the same either way.
 * A latin1 file is practically never valid UTF-8: its accented letters are not followed by the
 * continuation bytes (0x80–0xBF) UTF-8 requires.
 */
export function decodeLegacyText(bytes: Uint8Array): string {
  const body = hasBom(bytes) ? bytes.subarray(BOM.length) : bytes;
  return utf8OrNull(body) ?? latin1(body);
}

/**
 * Re-decodes a source the platform opened as latin1 (one character per byte) with
 * decodeLegacyText. Reads the whole file first: whether it is UTF-8 is only known at its end,
 * and these metadata files are small (u.item ≈ 240 KB, movies.dat ≈ 170 KB).
 */
export function legacyTextSource(latin1Source: TextSource): TextSource {
  return { name: latin1Source.name, chunks: redecode(latin1Source.chunks) };
}

async function* redecode(latin1Chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let text = '';
  for await (const chunk of latin1Chunks) text += chunk;
  yield decodeLegacyText(Uint8Array.from(text, (c) => c.charCodeAt(0)));
}

function hasBom(bytes: Uint8Array): boolean {
  return BOM.every((b, i) => bytes[i] === b);
}

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return decodeUtf8(bytes);
  } catch {
    return null; // malformed UTF-8 (or a code point above U+10FFFF): not a UTF-8 file
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}
