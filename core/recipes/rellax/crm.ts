/**
 * The conventional recommender (CRM) ReLLaX builds on (§3.3–3.4): a SASRec trained on the
 * training-period sequences, then frozen. SPA reads its item embeddings; CFLoRA reads its user
 * representation (the encoder's last hidden state over the user's history).
 */
import * as tf from '@tensorflow/tfjs';
import { lastHidden } from '../../models/sasrec/encoder';
import { packSequences } from '../../data/splits/types';
import { writeRightAligned } from '../../train/itemSets';
import { createRng, mixSeed } from '../../train/rng';
import { itemFrequency } from '../pad/frequency';
import { idLoss } from '../pad/padLoss';
import { runPhase, type PadHooks } from '../pad/padLoop';
import { disposeTower, encodeWith, initTower, itemTable, towerVariables } from '../pad/towers';
import { createWarmSampler } from '../pad/warmSampler';
import type { CtrDataset } from './ctrData';
import type { RellaxSettings } from './settings';

/** A frozen CRM. */
export interface Crm {
  readonly dim: number;
  readonly maxLen: number;
  /** Item table [numItems + 1, dim] (owned by the Crm). */
  readonly itemEmb: tf.Tensor2D;
  /** User representations [rows, dim] of right-aligned histories [rows × maxLen]. */
  userReps(inputs: Int32Array, rows: number): tf.Tensor2D;
  dispose(): void;
}

/** Per user, the training-period sequence: the latest train sample's history plus its target. */
function trainSequences(data: CtrDataset): number[][] {
  const perUser: number[][] = [];
  for (const s of data.train) {
    const seq = [...s.history, s.target];
    if ((perUser[s.user]?.length ?? 0) < seq.length) perUser[s.user] = seq;
  }
  return Array.from({ length: perUser.length }, (_, u) => perUser[u] ?? []);
}

/** Trains the CRM with SASRec's BCE loss and freezes it. */
export async function trainCrm(data: CtrDataset, s: RellaxSettings, hooks: PadHooks = {}): Promise<Crm> {
  const c = { hidden: s.crmHidden, blocks: 1, heads: 1, maxLen: s.crmMaxLen, dropout: 0.1 };
  const train = packSequences(trainSequences(data));
  const tower = initTower('id', c, data.numItems, 1, createRng(mixSeed(s.seed, 31)));
  const none = tf.zeros([data.numItems + 1, 1]) as tf.Tensor2D;
  const dropRng = createRng(mixSeed(s.seed, 32));
  const sampler = createWarmSampler(train, itemFrequency(train, data.numItems), c.maxLen, 64);
  try {
    await runPhase({ phase: 'pretrain', epochs: s.crmEpochs, learningRate: s.crmLr, variables: towerVariables(tower), loss: (t) => idLoss(tower, none, t, c, dropRng) }, sampler, createRng(mixSeed(s.seed, 33)), hooks);
  } catch (err) {
    disposeTower(tower);
    none.dispose();
    throw err;
  }
  const itemEmb = itemTable(tower, none);
  const userReps = (inputs: Int32Array, rows: number): tf.Tensor2D => tf.tidy(() => lastHidden(encodeWith(tower, itemEmb, tf.tensor2d(inputs, [rows, c.maxLen], 'int32'), c, null)));
  return { dim: c.hidden, maxLen: c.maxLen, itemEmb, userReps, dispose: () => { disposeTower(tower); tf.dispose([none, itemEmb]); } };
}

/** Right-aligned CRM inputs for histories. */
export function crmInputs(histories: readonly ArrayLike<number>[], maxLen: number): Int32Array {
  const out = new Int32Array(histories.length * maxLen);
  histories.forEach((h, r) => writeRightAligned(h, out, r * maxLen, maxLen));
  return out;
}
