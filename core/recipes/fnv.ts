/**
 * FNV-1a, 64-bit, folding in one whole value per step: a stable fingerprint for short texts
 * (export folders per exact λ), never security. Stage fingerprints digest large data with
 * contentDigest.ts, whose 32-bit lanes avoid BigInt arithmetic per value.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** The 64-bit FNV-1a of `values` (UTF-16 code units of a text, integers of an array, …). */
export function fnv1a64(values: ArrayLike<number>): bigint {
  let h = FNV_OFFSET;
  for (let i = 0; i < values.length; i++) h = ((h ^ BigInt(values[i] ?? 0)) * FNV_PRIME) & MASK_64;
  return h;
}

/** The UTF-16 code units of `text`, for fnv1a64. */
export function codeUnits(text: string): number[] {
  return Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
}
