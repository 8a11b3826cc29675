/**
 * The trained stages of a recipe run (CPRec, RecCocktail, ReLLaX, RecBase, PAD), one file each under
 * the run's checkpoints/stages/, so a resumed run (cancelled, crashed, host restarted) reuses the
 * stages that finished and trains only the rest. A stage cut off mid-training starts again. A file
 * is reused only when it carries the run's fingerprint (recipe, settings, digests of the data and
 * of a provided model's weights): tensors are only valid for the run that trained them, and a
 * restored stage gives exactly the tensors the uninterrupted run had. Files are F32 safetensors; a full-weight stage of a real model is as large
 * as the model (the price of not retraining it).
 */
import type * as tf from '@tensorflow/tfjs';
import { sourcesDigest, weightsDigest } from '../contentDigest';
import type { RecipeSource } from '../runner';
import type { RecipeModel } from './modelSource';
import { joinPath, type RecipeFiles } from './recipeFiles';

/** What a stage leaves: its tensors, and a note of what else later stages need (e.g. its final loss as JSON). */
export interface StageOutput {
  readonly tensors: Map<string, tf.Tensor>;
  readonly note?: string;
  /** Set by `through` when the output came from the stage's file instead of training (its work left undone). */
  readonly restored?: true;
}

/** Runs a stage, or restores it. */
export interface StageCheckpoints {
  /** The stage's output: restored when resuming and its file matches, else trained (and saved). The caller owns the tensors. */
  through(stage: string, train: () => Promise<StageOutput>): Promise<StageOutput>;
  /**
   * The same checkpoints for stages that also depend on something computed in the run (`scope`,
   * e.g. a digest of RecBase's semantic IDs): their files are reused only when it is the same too.
   */
  within(scope: string): StageCheckpoints;
}

/** No checkpoints: every stage trains (tests and callers without a run folder). */
export const TRAIN_EVERY_STAGE: StageCheckpoints = { through: (_stage, train) => train(), within: () => TRAIN_EVERY_STAGE };

/**
 * A run's fingerprint: the recipe's own fields (its name, settings with defaults resolved, …) and
 * digests of what it trains on, the sources and a provided model's start weights. The host reloads
 * the sources on resume, and the dataset's item template (hence every item text) or a model
 * folder's files may have changed since the stages were saved.
 */
export function runFingerprint(fields: Readonly<Record<string, unknown>>, sources: readonly RecipeSource[], model?: RecipeModel): string {
  return JSON.stringify({ ...fields, data: sourcesDigest(sources), ...(model?.kind === 'provided' ? { weights: weightsDigest(model.weights) } : {}) });
}

/** `checkpoints/stages/<stage>.safetensors` in the run folder. */
export function stageFile(runDir: string, stage: string): string {
  return joinPath(runDir, 'checkpoints', 'stages', `${stage}.safetensors`);
}

/**
 * Stage checkpoints of one run. Every finished stage is saved; only a resumed run reads them back
 * (a fresh run with leftovers of another in its folder must not pick them up). A save that fails
 * (disk full) costs only the resume of that stage: the run goes on with the trained output, and
 * `onUnsaved` says so.
 */
export function stageCheckpoints(files: RecipeFiles, runDir: string, resume: boolean, fingerprint: string, onUnsaved: (stage: string, reason: string) => void = () => undefined): StageCheckpoints {
  return {
    within: (scope) => stageCheckpoints(files, runDir, resume, `${fingerprint}\n${scope}`, onUnsaved),
    async through(stage, train) {
      const file = stageFile(runDir, stage);
      const restored = resume ? await files.loadTensors(file, fingerprint) : null;
      if (restored !== null) return { ...restored, restored: true };
      const trained = await train();
      await files.saveTensors(file, trained.tensors, fingerprint, trained.note).catch((err: unknown) => onUnsaved(stage, err instanceof Error ? err.message : String(err)));
      return trained;
    },
  };
}
