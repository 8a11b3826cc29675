/** Inputs and outputs of candidate scoring. */
import type { ProjectionDelta } from '../layers';

/** One prompt and the continuations to score after it (token ids). */
export interface ScoreRequest {
  /** Context tokens, non-empty (include BOS yourself if the model expects it). */
  readonly prompt: readonly number[];
  /** Continuations, each non-empty; any lengths. */
  readonly candidates: readonly (readonly number[])[];
}

/** Log-likelihood of one candidate continuation given its prompt. */
export interface CandidateScore {
  /** Σ_j log p(c_j | prompt, c_<j) in nats. */
  readonly logLik: number;
  /** logLik / tokens: compares candidates of different lengths without favouring short ones. */
  readonly meanLogLik: number;
  readonly tokens: number;
}

/** Options of scoreCandidates / scoreCandidateSets. */
export interface ScoreOptions {
  /**
   * true: run each prompt once and broadcast its KV cache to the candidates (fast);
   * false: run prompt+candidate as full sequences (the reference the shared path is tested against).
   */
  readonly shared: boolean;
  /** Sequences per forward pass (default 32; memory grows with batch × length × vocab). */
  readonly batchSize?: number;
  /** Additive projection outputs (LoRA adapters), as in lmForward. */
  readonly delta?: ProjectionDelta;
}

/** A candidate flattened out of its request: `out` indexes the flat result list. */
export interface ScoreRow {
  readonly request: number;
  readonly prompt: readonly number[];
  readonly candidate: readonly number[];
  readonly out: number;
}

/** Default sequences per forward pass. */
export const DEFAULT_SCORE_BATCH = 32;
