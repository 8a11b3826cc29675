/**
 * Inverted-dropout masks drawn from a seeded Rng in bulk. Element i is kept (value 1/(1 − rate))
 * when the stream's i-th nextFloat() is below 1 − rate, else 0 — the same values as drawing one
 * by one, but with the generator inlined: mulberry32 is a counter hashed, so the whole mask
 * follows from the state the stream was in. One call per element was ~20 ns; a SASRec step
 * draws ~2.5M of them.
 */
import { simdDropoutMask } from '../tensor/simd/dropoutMaskSimd';
import { MULBERRY32_STEP, mulberry32Output, type Rng } from './rng';

export function dropoutMask(rng: Rng, size: number, rate: number): Float32Array {
  const keep = 1 - rate;
  const scale = 1 / keep;
  // nextFloat() = u / 2^32 < keep  ⇔  u < keep · 2^32 (exact: a power-of-two scaling) ⇔ u < ⌈keep · 2^32⌉.
  const threshold = Math.ceil(keep * 4294967296);
  let state = rng.skip(size);
  // On wasm our SIMD module draws four at a time (~10× this loop); same values.
  const simd = simdDropoutMask(state, size, threshold, scale);
  if (simd !== null) return simd;
  const mask = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    state = (state + MULBERRY32_STEP) >>> 0;
    mask[i] = mulberry32Output(state) < threshold ? scale : 0;
  }
  return mask;
}
