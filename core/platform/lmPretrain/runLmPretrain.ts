/**
 * A from-scratch pretraining run end to end on the Node side: derive corpus, tokenizer and job
 * (core/recipes/lmPretrain), persist the tokenizer and a dataset/settings fingerprint, train with
 * runLmTrainJob and checksummed atomic checkpoints, then export a Hugging Face folder and measure
 * the held-out loss. Resume reloads the persisted tokenizer (not a retrained one: identical by
 * construction, and refused when the dataset or settings changed) and continues from the checkpoint.
 */
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { PretrainDataset } from '../../recipes/lmPretrain/corpus';
import { buildPretrainJob } from '../../recipes/lmPretrain/job';
import { planPretrain } from '../../recipes/lmPretrain/plan';
import type { PretrainPlan } from '../../recipes/lmPretrain/plan';
import type { LmPretrainSettings } from '../../recipes/lmPretrain/settings';
import { evaluateLmLoss } from '../../recipes/lmPretrain/valLoss';
import type { ValLossMetric } from '../../recipes/lmPretrain/valLoss';
import { LM_CHECKPOINT_NAME, decodeLmCheckpoint, disposeLmCheckpoint } from '../../train/lm/checkpoint';
import type { LmTrainEvent } from '../../train/lm/progress';
import { runLmTrainJob } from '../../train/lm/runLmTrainJob';
import type { BpeModel } from '../../text/tokenizer/bpeModel';
import { sha256Hex } from '../atomicWrite';
import { folderCheckpointHooks } from './checkpointHooks';
import { exportPretrainedModel } from './exportModel';
import { pretrainFingerprint, readRunState, writeRunState } from './runState';

/** What to pretrain on. */
export interface LmPretrainInputs {
  readonly runId: string;
  readonly dataset: PretrainDataset;
  readonly resume?: boolean; // continue from checkpointDir's checkpoint when there is one
}

/** Coarse stages, for a status line. */
export type LmPretrainStage = 'tokenizer' | 'train' | 'export' | 'evaluate';

/** What the host provides. */
export interface LmPretrainIo {
  readonly checkpointDir: string; // runs/<id>/checkpoints: trainer checkpoint + run state
  readonly modelDir: string; // runs/<id>/artifacts/model: the exported HF folder
  emit(event: LmTrainEvent): void;
  isCancelled(): boolean;
  yieldToEventLoop(): Promise<void>;
  now(): number; // milliseconds, monotonic
  onStage?(stage: LmPretrainStage): void;
}

/** How a run ended (failures are thrown as RecForgeError). */
export type LmPretrainOutcome =
  | { readonly status: 'done'; readonly steps: number; readonly finalLoss: number | null; readonly valLoss: ValLossMetric | null; readonly valUsers: number; readonly vocabSize: number; readonly modelDir: string }
  | { readonly status: 'cancelled'; readonly steps: number };

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** The BPE model to use: the persisted one on resume (fingerprint checked), else null (train anew). */
async function resumableBpe(dir: string, fingerprint: string, resume: boolean): Promise<BpeModel | null> {
  const state = resume ? await readRunState(dir) : null;
  if (state !== null && state.fingerprint !== fingerprint) {
    throw new RecForgeError('validation', 'cannot resume: the dataset or settings differ from those the run started with', { file: dir, field: 'fingerprint', expected: state.fingerprint });
  }
  if (state === null && resume && (await exists(path.join(dir, LM_CHECKPOINT_NAME)))) {
    throw new RecForgeError('validation', 'cannot resume: the checkpoint has no saved tokenizer state next to it', { file: dir, expected: 'lm-pretrain-state.json' });
  }
  return state?.bpe ?? null;
}

/** Plans the run and persists its tokenizer state (a fresh run overwrites an old one). */
async function prepare(inputs: LmPretrainInputs, s: LmPretrainSettings, io: LmPretrainIo): Promise<PretrainPlan> {
  io.onStage?.('tokenizer');
  await mkdir(io.checkpointDir, { recursive: true });
  const fingerprint = pretrainFingerprint(inputs.dataset, s);
  const saved = await resumableBpe(io.checkpointDir, fingerprint, inputs.resume === true);
  const plan = planPretrain(inputs.dataset, s, saved ?? undefined);
  if (saved === null) await writeRunState(io.checkpointDir, { version: 1, fingerprint, bpe: plan.bpe });
  return plan;
}

/** Exports the final weights and evaluates them on the held-out histories. */
async function finish(plan: PretrainPlan, s: LmPretrainSettings, io: LmPretrainIo, finalBytes: Uint8Array): Promise<ValLossMetric | null> {
  const ckpt = await decodeLmCheckpoint(finalBytes, sha256Hex);
  try {
    io.onStage?.('export');
    await exportPretrainedModel(io.modelDir, plan.model, ckpt, plan.bpe);
    io.onStage?.('evaluate');
    return await evaluateLmLoss(plan.model, ckpt.params, plan.encoded.val, { maxLen: s.maxLen, batchSize: s.batchSize, padId: plan.tokenizer.padId });
  } finally {
    disposeLmCheckpoint(ckpt);
  }
}

/**
 * Pretrains a decoder from scratch on the dataset's item text. Resolves 'cancelled' (the last
 * periodic checkpoint stays the resume point) or 'done' with the HF folder written to io.modelDir.
 */
export async function runLmPretrain(inputs: LmPretrainInputs, s: LmPretrainSettings, io: LmPretrainIo): Promise<LmPretrainOutcome> {
  const plan = await prepare(inputs, s, io);
  const last: { bytes: Uint8Array | null } = { bytes: null };
  const files = folderCheckpointHooks(io.checkpointDir, (_name, bytes) => void (last.bytes = bytes));
  const job = buildPretrainJob(s, { runId: inputs.runId, model: plan.model, train: plan.encoded.train, padId: plan.tokenizer.padId, resume: inputs.resume === true });
  io.onStage?.('train');
  const outcome = await runLmTrainJob(job, { ...files, emit: (e) => io.emit(e), isCancelled: () => io.isCancelled(), yieldToEventLoop: () => io.yieldToEventLoop(), now: () => io.now() });
  if (outcome.status === 'cancelled') return outcome;
  if (last.bytes === null) throw new RecForgeError('internal', 'the trainer finished without writing its final checkpoint');
  const valLoss = await finish(plan, s, io, last.bytes);
  return { status: 'done', steps: outcome.steps, finalLoss: outcome.finalLoss, valLoss, valUsers: plan.corpus.valHistories.length, vocabSize: plan.tokenizer.vocabSize, modelDir: io.modelDir };
}
