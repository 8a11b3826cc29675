/**
 * UTF-8 encode/decode. core/ is typed against ES2022 only (no DOM, no Node), where TextEncoder and
 * TextDecoder do not exist, so the safetensors header codec brings its own.
 */

/** Encodes a JS string (UTF-16, surrogate pairs joined) as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Number of bytes of a sequence from its lead byte, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead < 0xe0) return 2;
  if (lead >= 0xe0 && lead < 0xf0) return 3;
  if (lead >= 0xf0 && lead < 0xf5) return 4;
  return 0;
}

/** Decodes UTF-8 bytes; throws on malformed input (a header we cannot read is an error, not U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const len = sequenceLength(lead);
    if (len === 0 || i + len > bytes.length) throw new Error(`invalid UTF-8 at byte ${i}`);
    let cp = len === 1 ? lead : lead & (0x7f >> len);
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) throw new Error(`invalid UTF-8 at byte ${i + k}`);
      cp = (cp << 6) | (b & 63);
    }
    text += String.fromCodePoint(cp);
    i += len;
  }
  return text;
}
