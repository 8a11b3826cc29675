/**
 * UTF-8 that never throws, matching the WHATWG Encoding Standard (what TextEncoder / TextDecoder
 * with fatal=false do). Byte-level BPE must encode lone surrogates and decode cut multi-byte
 * characters exactly as @huggingface/tokenizers does, and core/ is typed without DOM or Node, so
 * those globals are not available to it.
 */

const REPLACEMENT = 0xfffd;

function pushCodePoint(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/** UTF-8 bytes of `text`; a lone surrogate becomes U+FFFD (as TextEncoder does). */
export function encodeUtf8Lossy(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    pushCodePoint(out, cp >= 0xd800 && cp <= 0xdfff ? REPLACEMENT : cp);
  }
  return out;
}

/** Length and payload bits of a lead byte, with the allowed range of the second byte (WHATWG). */
function leadInfo(b: number): { needed: number; cp: number; lower: number; upper: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { needed: 1, cp: b & 0x1f, lower: 0x80, upper: 0xbf };
  if (b >= 0xe0 && b <= 0xef) return { needed: 2, cp: b & 0xf, lower: b === 0xe0 ? 0xa0 : 0x80, upper: b === 0xed ? 0x9f : 0xbf };
  if (b >= 0xf0 && b <= 0xf4) return { needed: 3, cp: b & 7, lower: b === 0xf0 ? 0x90 : 0x80, upper: b === 0xf4 ? 0x8f : 0xbf };
  return null;
}

function fromCodePoints(cps: readonly number[]): string {
  let s = '';
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}

/** Decodes UTF-8; each maximal invalid subsequence becomes one U+FFFD (TextDecoder, fatal=false). */
export function decodeUtf8Lossy(bytes: ArrayLike<number>): string {
  const cps: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    i++;
    if (b < 0x80) {
      cps.push(b);
      continue;
    }
    const lead = leadInfo(b);
    if (lead === null) {
      cps.push(REPLACEMENT);
      continue;
    }
    let { cp, lower, upper } = lead;
    let seen = 0;
    while (seen < lead.needed && i < bytes.length) {
      const c = bytes[i] as number;
      if (c < lower || c > upper) break; // not consumed: it starts the next character
      cp = (cp << 6) | (c & 63);
      lower = 0x80;
      upper = 0xbf;
      seen++;
      i++;
    }
    cps.push(seen === lead.needed ? cp : REPLACEMENT);
  }
  return fromCodePoints(cps);
}
