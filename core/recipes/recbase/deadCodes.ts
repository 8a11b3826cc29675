/**
 * CL-VAE's re-initialisation (§4.2.2): "If the usage rate of a first-level codebook vector falls
 * below a certain threshold, it is reinitialized", giving collapsed codes a new starting point.
 * The paper does not say where the new vector comes from; we take the residuals the level
 * currently quantises worst (largest ‖r_d − e_{c_d}‖², one item per dead code), as MiniOneRec's
 * codebook balancing does, plus a little noise so two re-inits never coincide.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../train/rng';
import type { Assignment } from './assign';
import { param } from './quantiser';
import type { QuantiserParams } from './quantiser';

/** How many items use each code of `level`. */
export function codeUsage(a: Assignment, level: number, codes: number): Int32Array {
  const counts = new Int32Array(codes);
  for (let i = 0; i < a.items; i++) {
    const c = a.codes[i * a.levels + level] ?? 0;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

/** Codes used by fewer than deadUsage × (items / K) items. */
export function deadCodes(a: Assignment, level: number, codes: number, deadUsage: number): number[] {
  const threshold = (deadUsage * a.items) / codes;
  const usage = codeUsage(a, level, codes);
  return Array.from(usage.keys()).filter((k) => (usage[k] ?? 0) < threshold);
}

/** Item indices by quantisation error at `level`, worst first (ties by index: deterministic). */
function worstItems(a: Assignment, level: number): number[] {
  const err = a.errors[level] ?? new Float32Array(0);
  return Array.from({ length: a.items }, (_, i) => i).sort((x, y) => (err[y] ?? 0) - (err[x] ?? 0) || x - y);
}

/** Re-initialises the dead codes of `level` in place; returns how many were reset. */
export function reinitDeadCodes(p: QuantiserParams, a: Assignment, level: number, deadUsage: number, rng: Rng): number {
  const cb = param(p, `codebook.${level}`) as tf.Variable;
  const [k, dim] = cb.shape as [number, number];
  const dead = deadCodes(a, level, k, deadUsage);
  if (dead.length === 0) return 0;
  const values = Float32Array.from(cb.dataSync());
  const residual = a.residuals[level] ?? new Float32Array(0);
  const donors = worstItems(a, level);
  dead.forEach((code, j) => {
    const item = donors[j % donors.length] ?? 0;
    for (let t = 0; t < dim; t++) values[code * dim + t] = (residual[item * dim + t] ?? 0) + 1e-3 * rng.nextNormal();
  });
  const next = tf.tensor2d(values, [k, dim]);
  cb.assign(next);
  next.dispose();
  return dead.length;
}
