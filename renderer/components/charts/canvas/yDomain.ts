/** The y range a chart shows for the data in view (pure). */

export interface YDomain {
  readonly lo: number;
  readonly hi: number;
}

/** A spread below this share of the value counts as constant (float32 noise on a fixed learning rate). */
const CONSTANT_SPREAD = 1e-6;
/** A constant v is shown on v ± half of |v|: a few round ticks around it, v in the middle. */
const CONSTANT_PAD = 0.5;
/** Varying data gets this share of its range above and below, so lines keep off the frame. */
const MARGIN = 0.05;

/**
 * The domain for data in [lo, hi]. A (near-)constant series is padded symmetrically by a relative
 * amount: a tiny margin would make the axis ticks differ only in digits the labels don't show,
 * so a constant would read as varying ("1e-3, 1e-3, 9.8e-4").
 */
export function yDomain(lo: number, hi: number): YDomain {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1 };
  const mid = (lo + hi) / 2;
  if (hi - lo <= Math.abs(mid) * CONSTANT_SPREAD) {
    const pad = Math.abs(mid) * CONSTANT_PAD || 1;
    return { lo: mid - pad, hi: mid + pad };
  }
  const margin = (hi - lo) * MARGIN;
  return { lo: lo - margin, hi: hi + margin };
}
