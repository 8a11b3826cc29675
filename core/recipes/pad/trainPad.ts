/**
 * PAD end to end (paper §3): (1) pre-train the rec-specific SASRec on warm interactions; the text
 * embeddings are pre-computed and frozen (textEmbedding.ts stands in for LLM2Vec); (2) align: a
 * copy of that SASRec keeps training with BCE while a text projector is pulled onto its ID
 * embeddings by MK-MMD (the original keeps training on its BCE); (3) fine-tune the triple experts (rec-specific, aligned, LLM-specific)
 * with frequency-aware gating. Cold items are scored through the text side: their gate bin favours
 * the text expert and their aligned-expert table entry includes the projected text.
 */
import * as tf from '@tensorflow/tfjs';
import type { SplitResult } from '../../data/splits/types';
import { createRng, mixSeed, shuffleInPlace, type Rng } from '../../train/rng';
import { frequencyBins, itemFrequency } from './frequency';
import { gateWeights, initGateLogits } from './gating';
import { alignLoss, idLoss, tripleLoss } from './padLoss';
import { runPhase, type PadHooks } from './padLoop';
import { padScorer, towerScorer, type CandidateScorer } from './padScore';
import { padSasrec, totalEpochs, type PadSettings } from './settings';
import { itemTextEmbeddings } from './textEmbedding';
import { copyEncoder, disposeTower, initTower, towerVariables, type Tower } from './towers';
import { createWarmSampler, type WarmBatch, type WarmSampler } from './warmSampler';

/** A cold-item split plus each item's text (index = item id; 0 = padding). */
export interface PadData {
  readonly split: SplitResult;
  readonly itemTexts: readonly string[];
  readonly coldItems: readonly number[];
}

/** A trained model: scorer and the tensors behind it. */
export interface TrainedScorer {
  readonly scorer: CandidateScorer;
  /** Normalised gate per expert (id, aligned, text) for the most frequent bin and the cold bin. */
  readonly gateSummary?: { readonly frequent: number[]; readonly cold: number[] };
  dispose(): void;
}

const STREAM = { init: 1, batches: 2, dropout: 3, mmd: 4 } as const;

interface Shared {
  readonly text: tf.Tensor2D;
  readonly bins: tf.Tensor1D;
  readonly sampler: WarmSampler;
  readonly batchRng: Rng;
  readonly dropRng: Rng;
}

function shared(data: PadData, s: PadSettings, seed: number): Shared {
  const { numItems, train } = data.split;
  const freq = itemFrequency(train, numItems);
  return {
    text: tf.tensor2d(itemTextEmbeddings(data.itemTexts.slice(0, numItems + 1), s.textDim), [numItems + 1, s.textDim]),
    bins: tf.tensor1d(frequencyBins(freq, s.bins), 'int32'),
    sampler: createWarmSampler(train, freq, s.maxLen, s.batchSize),
    batchRng: createRng(mixSeed(seed, STREAM.batches)),
    dropRng: createRng(mixSeed(seed, STREAM.dropout)),
  };
}

/** Unique positive items of a batch, shuffled and capped (the MK-MMD sample). */
function mmdItems(b: WarmBatch, cap: number, rng: Rng): tf.Tensor1D {
  const items = [...new Set(Array.from(b.positives).filter((x) => x > 0))];
  shuffleInPlace(items, rng);
  return tf.tensor1d(items.slice(0, Math.max(2, cap)), 'int32');
}

async function trainPhases(s: PadSettings, sh: Shared, towers: { rec: Tower; aligned: Tower; text: Tower }, gates: tf.Variable, hooks: PadHooks): Promise<void> {
  const c = padSasrec(s);
  const run = (spec: Parameters<typeof runPhase>[0]): Promise<void> => runPhase(spec, sh.sampler, sh.batchRng, hooks);
  await run({ phase: 'pretrain', epochs: s.pretrainEpochs, learningRate: s.learningRate, variables: towerVariables(towers.rec), loss: (t) => idLoss(towers.rec, sh.text, t, c, sh.dropRng) });
  copyEncoder(towers.rec.enc, towers.aligned.enc);
  copyEncoder(towers.rec.enc, towers.text.enc);
  const mmdRng = createRng(mixSeed(s.seed, STREAM.mmd));
  // The rec-specific expert keeps its own BCE meanwhile, so over all phases it gets the same ID
  // training as the SASRec baseline (which trains for the sum of the phases).
  const alignVars = [...towerVariables(towers.aligned)].filter((v) => v !== towers.aligned.fuse?.w && v !== towers.aligned.fuse?.b);
  await run({ phase: 'align', epochs: s.alignEpochs, learningRate: s.learningRate, variables: [...alignVars, ...towerVariables(towers.rec)], loss: (t, b) => tf.tidy(() => {
    const items = mmdItems(b, s.mmdSampleCap, mmdRng);
    return tf.add(alignLoss(towers.aligned, sh.text, t, items, s, sh.dropRng).total, idLoss(towers.rec, sh.text, t, c, sh.dropRng)) as tf.Scalar;
  }) });
  const all = [towers.rec, towers.aligned, towers.text];
  const fast = { variables: [gates], learningRate: s.gateLearningRate };
  await run({ phase: 'finetune', epochs: s.finetuneEpochs, learningRate: s.learningRate, variables: all.flatMap(towerVariables), fast, loss: (t) => tripleLoss(all, gates as tf.Tensor2D, sh.bins, sh.text, t, s, sh.dropRng) });
}

function gateSummary(gates: tf.Variable, bins: number): { frequent: number[]; cold: number[] } {
  const [frequent = [], cold = []] = tf.tidy(() => gateWeights(gates as tf.Tensor2D, tf.tensor1d([0, bins - 1], 'int32')).arraySync() as number[][]);
  return { frequent, cold };
}

/** Trains PAD on the warm part of a cold-item split. The caller disposes the result. */
export async function trainPad(data: PadData, s: PadSettings, hooks: PadHooks = {}): Promise<TrainedScorer> {
  const sh = shared(data, s, s.seed);
  const rng = createRng(mixSeed(s.seed, STREAM.init));
  const n = data.split.numItems;
  const c = padSasrec(s);
  const towers = { rec: initTower('id', c, n, s.textDim, rng), aligned: initTower('aligned', c, n, s.textDim, rng), text: initTower('text', c, n, s.textDim, rng) };
  const gates = initGateLogits(s.bins, s.gamma2);
  const dispose = (): void => {
    [towers.rec, towers.aligned, towers.text].forEach(disposeTower);
    tf.dispose([gates, sh.text, sh.bins]);
  };
  try {
    await trainPhases(s, sh, towers, gates, hooks);
  } catch (err) {
    dispose();
    throw err;
  }
  return { scorer: padScorer([towers.rec, towers.aligned, towers.text], gates as tf.Tensor2D, sh.bins, sh.text, c), gateSummary: gateSummary(gates, s.bins), dispose };
}

/** The SASRec baseline: one ID tower, same sampler, trained for PAD's total number of epochs. */
export async function trainSasrecBaseline(data: PadData, s: PadSettings, hooks: PadHooks = {}): Promise<TrainedScorer> {
  const sh = shared(data, s, s.seed);
  const c = padSasrec(s);
  const tower = initTower('id', c, data.split.numItems, s.textDim, createRng(mixSeed(s.seed, STREAM.init)));
  const dispose = (): void => {
    disposeTower(tower);
    tf.dispose([sh.text, sh.bins]);
  };
  try {
    await runPhase({ phase: 'baseline', epochs: totalEpochs(s), learningRate: s.learningRate, variables: towerVariables(tower), loss: (t) => idLoss(tower, sh.text, t, c, sh.dropRng) }, sh.sampler, sh.batchRng, hooks);
  } catch (err) {
    dispose();
    throw err;
  }
  return { scorer: towerScorer(tower, sh.text, c), dispose };
}
