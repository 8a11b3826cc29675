/**
 * The trained stages of an LLM recipe run, one file each under the run's checkpoints/stages/, so a
 * resumed run (cancelled, crashed, host restarted) reuses the stages that finished and trains only
 * the rest. A stage cut off mid-training starts again. A file is reused only when it carries the
 * run's fingerprint (recipe, settings, model source): tensors are only valid for the run that
 * trained them, and a restored stage gives exactly the tensors the uninterrupted run had.
 */
import type * as tf from '@tensorflow/tfjs';
import { joinPath, type RecipeFiles } from './recipeFiles';

/** What a stage leaves: its tensors, and a note of what else later stages need (e.g. its final loss as JSON). */
export interface StageOutput {
  readonly tensors: Map<string, tf.Tensor>;
  readonly note?: string;
}

/** Runs a stage, or restores it. */
export interface StageCheckpoints {
  /** The stage's output: restored when resuming and its file matches, else trained (and saved). The caller owns the tensors. */
  through(stage: string, train: () => Promise<StageOutput>): Promise<StageOutput>;
}

/** No checkpoints: every stage trains (tests and callers without a run folder). */
export const TRAIN_EVERY_STAGE: StageCheckpoints = { through: (_stage, train) => train() };

/** `checkpoints/stages/<stage>.safetensors` in the run folder. */
export function stageFile(runDir: string, stage: string): string {
  return joinPath(runDir, 'checkpoints', 'stages', `${stage}.safetensors`);
}

/**
 * Stage checkpoints of one run. Every finished stage is saved; only a resumed run reads them back
 * (a fresh run with leftovers of another in its folder must not pick them up).
 */
export function stageCheckpoints(files: RecipeFiles, runDir: string, resume: boolean, fingerprint: string): StageCheckpoints {
  return {
    async through(stage, train) {
      const file = stageFile(runDir, stage);
      const restored = resume ? await files.loadTensors(file, fingerprint) : null;
      if (restored !== null) return restored;
      const trained = await train();
      try {
        await files.saveTensors(file, trained.tensors, fingerprint, trained.note);
      } catch (err) {
        for (const t of trained.tensors.values()) t.dispose();
        throw err;
      }
      return trained;
    },
  };
}
