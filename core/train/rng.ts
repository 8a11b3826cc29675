/**
 * Deterministic seeded random numbers (mulberry32). Every stochastic part of the engine
 * (initialisation, dropout masks, batch order, negative sampling, eval candidates) draws from an
 * explicit Rng so a run is reproducible from its seed alone.
 */

/** A stream of pseudo-random numbers. Stateful: each call advances the stream. */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [lo, hi) (hi > lo). */
  nextInt(lo: number, hi: number): number;
  /** Standard normal sample (Box–Muller). */
  nextNormal(): number;
  /** The whole generator state; `createRng(rng.state())` continues the same stream (exact resume). */
  state(): number;
  /**
   * Advances the stream by `count` draws at once and returns the state it was in: draw i of
   * those is mulberry32Output(state + (i + 1)·MULBERRY32_STEP), for bulk draws (dropoutMask).
   */
  skip(count: number): number;
}

/** How much the mulberry32 state grows per draw (it is a counter; the output is its hash). */
export const MULBERRY32_STEP = 0x6d2b79f5;

/** The uint32 that mulberry32 outputs at counter value `state`. */
export function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** Creates a mulberry32 generator; any integer seed (only the low 32 bits matter). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + MULBERRY32_STEP) >>> 0;
    return mulberry32Output(state);
  };
  const nextFloat = (): number => nextUint32() / 4294967296;
  return {
    nextUint32,
    nextFloat,
    nextInt: (lo, hi) => lo + Math.floor(nextFloat() * (hi - lo)),
    nextNormal: () => {
      // 1 - u keeps the log argument in (0, 1], never log(0).
      const u = 1 - nextFloat();
      const v = nextFloat();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    state: () => state,
    skip: (count) => {
      const from = state;
      state = (state + Math.imul(count, MULBERRY32_STEP)) >>> 0;
      return from;
    },
  };
}

/**
 * Mixes several integers into one 32-bit seed, so independent streams (e.g. one per user) can be
 * derived from a run seed without depending on the order they are consumed in.
 */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995) >>> 0;
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** In-place Fisher–Yates shuffle driven by `rng`. */
export function shuffleInPlace<T>(items: { length: number; [index: number]: T }, rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(0, i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}
