/**
 * CTR samples as ReLLa/ReLLaX build them (§4.1): for a user's interaction at time t, the history is
 * every earlier interaction (item + like/dislike), the target is the item at t and the label is
 * rating ≥ threshold. Per user the last `testPerUser` samples are test, earlier ones train
 * (temporal per user: no test-period behaviour is ever a training history or label).
 */
import type { InteractionColumns } from '../../data/splits/columns';
import { userStarts } from '../../data/splits/columns';

/** One CTR sample. History arrays are chronological (oldest first). */
export interface CtrSample {
  readonly user: number;
  readonly history: Int32Array;
  /** Per history behaviour: 1 liked, 0 disliked, UNRATED without a rating. */
  readonly historyLiked: Uint8Array;
  readonly target: number;
  readonly label: 0 | 1;
}

/** Train and test samples plus what produced them. */
export interface CtrDataset {
  readonly numItems: number;
  readonly itemTexts: readonly string[];
  readonly train: CtrSample[];
  readonly test: CtrSample[];
  readonly protocol: { readonly threshold: number; readonly testPerUser: number; readonly minHistory: number; readonly maxTrainPerUser: number; readonly split: 'per-user temporal' };
}

/** Options of buildCtrDataset. */
export interface CtrOptions {
  readonly threshold: number; // rating ≥ threshold → label 1 (ReLLa on MovieLens: > 3, i.e. ≥ 4)
  readonly testPerUser: number;
  readonly minHistory: number; // earliest position that becomes a sample
  readonly maxTrainPerUser: number; // most recent train samples kept per user
}

/** historyLiked of a behaviour without a rating: the prompt states neither liked nor disliked. */
export const UNRATED = 2;

/** Builds samples from rated interaction columns (rows without a rating are skipped as targets). */
export function buildCtrDataset(cols: InteractionColumns & { readonly rating: Float64Array }, numItems: number, itemTexts: readonly string[], o: CtrOptions): CtrDataset {
  const numUsers = cols.userIdx.length === 0 ? 0 : (cols.userIdx[cols.userIdx.length - 1] ?? 0) + 1;
  const starts = userStarts(cols, numUsers);
  const train: CtrSample[] = [];
  const test: CtrSample[] = [];
  for (let u = 0; u < numUsers; u++) {
    const s = starts[u] ?? 0;
    const e = starts[u + 1] ?? 0;
    const items = cols.itemIdx.subarray(s, e);
    const liked = Uint8Array.from(cols.rating.subarray(s, e), (r) => (Number.isNaN(r) ? UNRATED : r >= o.threshold ? 1 : 0));
    const samples: CtrSample[] = [];
    for (let t = o.minHistory; t < items.length; t++) {
      if (Number.isNaN(cols.rating[s + t] ?? NaN)) continue;
      samples.push({ user: u, history: items.subarray(0, t), historyLiked: liked.subarray(0, t), target: items[t] ?? 0, label: liked[t] === 1 ? 1 : 0 });
    }
    const cut = Math.max(0, samples.length - o.testPerUser);
    test.push(...samples.slice(cut));
    train.push(...samples.slice(Math.max(0, cut - o.maxTrainPerUser), cut));
  }
  return { numItems, itemTexts, train, test, protocol: { threshold: o.threshold, testPerUser: o.testPerUser, minHistory: o.minHistory, maxTrainPerUser: o.maxTrainPerUser, split: 'per-user temporal' } };
}
