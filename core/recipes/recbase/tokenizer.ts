/**
 * One tokenizer end to end: fit (plain RQ-VAE or CL-VAE) on the fit rows, assign codes to every
 * item, measure it (codeMetrics.ts) and resolve collisions into unique semantic IDs.
 */
import type * as tf from '@tensorflow/tfjs';
import { assignVectors } from './assign';
import { codebookMetrics } from './codeMetrics';
import type { CodebookMetrics } from './codeMetrics';
import type { QuantiserParams } from './quantiser';
import { resolveCollisions } from './semanticIds';
import type { SemanticIds } from './semanticIds';
import type { QuantiserSettings } from './config';
import { trainQuantiser } from './trainQuantiser';
import type { QuantiserHooks, QuantiserStage, QuantiserVariant } from './trainQuantiser';

/** A fitted tokenizer (caller disposes `params`). */
export interface Tokenizer {
  readonly variant: QuantiserVariant;
  readonly params: QuantiserParams;
  readonly stages: readonly QuantiserStage[];
  /** Measured on every item (fit and held-out alike). */
  readonly metrics: CodebookMetrics;
  readonly ids: SemanticIds;
}

/** Rows `rows` of a row-major [n, dim] matrix. */
export function pickRows(m: Float32Array, dim: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * dim);
  rows.forEach((r, i) => out.set(m.subarray(r * dim, (r + 1) * dim), i * dim));
  return out;
}

/** Codes of every row of `vectors` under `params`, collisions resolved. */
export function semanticIdsOf(params: ReadonlyMap<string, tf.Tensor>, vectors: Float32Array, dim: number, codes: number): { ids: SemanticIds; metrics: CodebookMetrics } {
  const a = assignVectors(params, vectors, dim);
  return { ids: resolveCollisions(a.codes, a.levels, codes), metrics: codebookMetrics(a, codes) };
}

/** Fits `variant` on `fitRows` of `vectors` and tokenizes every row. */
export async function buildTokenizer(vectors: Float32Array, dim: number, fitRows: readonly number[], s: QuantiserSettings, variant: QuantiserVariant, seed: number, hooks: QuantiserHooks = {}): Promise<Tokenizer> {
  const trained = await trainQuantiser(pickRows(vectors, dim, fitRows), dim, s, variant, seed, hooks);
  const { ids, metrics } = semanticIdsOf(trained.params, vectors, dim, s.codes);
  return { variant, params: trained.params, stages: trained.stages, metrics, ids };
}
