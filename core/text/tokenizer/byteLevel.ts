/**
 * The byte-level alphabet of GPT-2-style BPE ("ByteLevel" pre-tokenizer and decoder in tokenizer.json):
 * text is split into words by GPT-2's pattern, each word's UTF-8 bytes are written as printable
 * characters (one per byte), so every string is representable and no unknown token is ever needed.
 * The mapping and pattern are part of the file format: they must equal what @huggingface/tokenizers
 * (and the Rust crate) apply, or a saved tokenizer.json would encode differently when loaded.
 */
import { decodeUtf8Lossy, encodeUtf8Lossy } from './utf8Lossy';

/** Bytes that stand for themselves; the other 68 map to U+0100.. in byte order. */
function isPrintableByte(b: number): boolean {
  return (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
}

function buildByteChars(): string[] {
  const chars: string[] = [];
  let next = 0x100;
  for (let b = 0; b < 256; b++) chars.push(String.fromCharCode(isPrintableByte(b) ? b : next++));
  return chars;
}

/** BYTE_CHARS[b] is the character standing for byte b. */
export const BYTE_CHARS: readonly string[] = buildByteChars();

const CHAR_BYTES: ReadonlyMap<string, number> = new Map(BYTE_CHARS.map((c, b) => [c, b]));

/**
 * GPT-2's pre-tokenization pattern (ByteLevel with use_regex=true): English contractions, letter
 * runs, digit runs and punctuation runs each with one optional leading space, then whitespace.
 */
const WORD_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Splits text into words and writes each in the byte alphabet. */
export function byteLevelWords(text: string): string[] {
  const words = text.match(WORD_PATTERN) ?? [];
  return words.map(toByteChars);
}

/** One word in the byte alphabet. */
export function toByteChars(word: string): string {
  let out = '';
  for (const b of encodeUtf8Lossy(word)) out += BYTE_CHARS[b] as string;
  return out;
}

/** Text of byte-alphabet characters (UTF-8, invalid sequences as U+FFFD); other characters are dropped. */
export function fromByteChars(symbols: string): string {
  const bytes: number[] = [];
  for (const ch of symbols) {
    const b = CHAR_BYTES.get(ch);
    if (b !== undefined) bytes.push(b);
  }
  return decodeUtf8Lossy(bytes);
}
