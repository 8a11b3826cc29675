/**
 * Cuts special-token strings (e.g. "<eos>") out of text before pre-tokenization, so a literal
 * "<eos>" in an item title becomes the eos id. Leftmost match first, longest at that position,
 * the rule @huggingface/tokenizers applies to added tokens.
 */

/** A piece of text: plain text to tokenize, or the index of a special token. */
export type Section = { readonly text: string } | { readonly special: number };

/** Longest special (by index into `specials`) starting at `pos`, or -1. */
function longestAt(text: string, pos: number, specials: readonly string[]): number {
  let best = -1;
  for (let k = 0; k < specials.length; k++) {
    const s = specials[k] as string;
    if (s.length > 0 && text.startsWith(s, pos) && (best < 0 || s.length > (specials[best] as string).length)) best = k;
  }
  return best;
}

/** Earliest position where any special occurs at or after `from`, or -1. */
function earliest(text: string, from: number, specials: readonly string[]): number {
  let pos = -1;
  for (const s of specials) {
    if (s.length === 0) continue;
    const at = text.indexOf(s, from);
    if (at >= 0 && (pos < 0 || at < pos)) pos = at;
  }
  return pos;
}

/** Splits `text` into plain sections and special tokens (empty plain sections are dropped). */
export function splitOnSpecials(text: string, specials: readonly string[]): Section[] {
  const out: Section[] = [];
  let start = 0;
  for (let pos = earliest(text, 0, specials); pos >= 0; pos = earliest(text, start, specials)) {
    const k = longestAt(text, pos, specials);
    if (pos > start) out.push({ text: text.slice(start, pos) });
    out.push({ special: k });
    start = pos + (specials[k] as string).length;
  }
  if (start < text.length) out.push({ text: text.slice(start) });
  return out;
}
