/**
 * Temporal-ratio split (RecBole "TO + RS", Elliot "temporal hold-out"): one GLOBAL time line is cut
 * at the given ratios, so nothing in train happens after anything in valid, and nothing in valid
 * after anything in test. Rows are placed on the line by (timestamp, ord, user): timestamp ties at
 * a cutoff therefore go to the earlier phase by ord first, then by user — deterministic, and never
 * by item id (see preprocess/chronological.ts for why item-id tie-breaking leaks).
 *
 * Every valid/test interaction becomes a case whose history is all of that user's interactions
 * before it in time order (including earlier valid/test ones of the same user): never the future.
 */
import { RecForgeError } from '../../errors';
import { assertChronological, rowCount, userCount, type InteractionColumns } from './columns';
import { CaseBuilder, packSequences, type EvalCases, type SplitResult } from './types';

/** Options of temporalRatioSplit. */
export interface TemporalOptions {
  /** [train, valid, test] shares of all interactions, summing to 1, e.g. [0.8, 0.1, 0.1]. */
  readonly ratios: readonly [number, number, number];
  /** Cases whose history is shorter are dropped (default 1: a case needs some context). */
  readonly minHistory?: number;
}

const TRAIN = 0;
const VALID = 1;
const TEST = 2;

/** Splits by global time cutoffs at the given ratios. */
export function temporalRatioSplit(cols: InteractionColumns, numItems: number, opts: TemporalOptions, numUsers = userCount(cols)): SplitResult {
  assertChronological(cols);
  checkRatios(opts.ratios);
  const minHistory = opts.minHistory ?? 1;
  const n = rowCount(cols);
  const order = globalTimeOrder(cols);
  const trainEnd = Math.floor(n * opts.ratios[0] + 1e-9);
  const validEnd = Math.floor(n * (opts.ratios[0] + opts.ratios[1]) + 1e-9);
  const phase = new Uint8Array(n);
  order.forEach((row, k) => (phase[row] = k < trainEnd ? TRAIN : k < validEnd ? VALID : TEST));
  const { timeline, train } = perUserSequences(cols, phase, numUsers);
  const valid = casesOf(cols, phase, VALID, minHistory);
  const test = casesOf(cols, phase, TEST, minHistory);
  const trainInteractions = train.values.length;
  const dropped = phaseSize(phase, VALID) + phaseSize(phase, TEST) - valid.user.length - test.user.length;
  const params = {
    trainRatio: opts.ratios[0],
    validRatio: opts.ratios[1],
    testRatio: opts.ratios[2],
    validFromTs: cutoffTs(cols, order, trainEnd),
    testFromTs: cutoffTs(cols, order, validEnd),
    ties: 'timestamp, then ord, then user',
    minHistory,
    droppedCases: dropped,
  };
  return {
    numItems,
    train,
    timeline,
    valid,
    test,
    protocol: { kind: 'temporal-ratio', params, seed: null, counts: { users: numUsers, trainInteractions, validCases: valid.user.length, testCases: test.user.length } },
    step: { step: 'split-temporal-ratio', params: { ratios: opts.ratios.join('/'), minHistory, droppedCases: dropped }, before: n, after: trainInteractions },
  };
}

function checkRatios(r: readonly number[]): void {
  const ok = r.length === 3 && r.every((x) => Number.isFinite(x) && x >= 0) && Math.abs(r.reduce((a, b) => a + b, 0) - 1) < 1e-6;
  if (!ok) throw new RecForgeError('validation', `split ratios must be three non-negative numbers summing to 1, got ${r.join('/')}`, { file: 'split', field: 'ratios' });
}

/** Row indices sorted by (ts, ord, user): the global time line. */
export function globalTimeOrder(cols: InteractionColumns): Int32Array {
  const order = Int32Array.from({ length: rowCount(cols) }, (_, i) => i);
  return order.sort((a, b) => (cols.ts[a] ?? 0) - (cols.ts[b] ?? 0) || (cols.ord[a] ?? 0) - (cols.ord[b] ?? 0) || (cols.userIdx[a] ?? 0) - (cols.userIdx[b] ?? 0));
}

function perUserSequences(cols: InteractionColumns, phase: Uint8Array, numUsers: number): Pick<SplitResult, 'timeline' | 'train'> {
  const all: number[][] = Array.from({ length: numUsers }, () => []);
  const train: number[][] = Array.from({ length: numUsers }, () => []);
  for (let i = 0; i < rowCount(cols); i++) {
    const u = cols.userIdx[i] ?? 0;
    all[u]?.push(cols.itemIdx[i] ?? 0);
    if (phase[i] === TRAIN) train[u]?.push(cols.itemIdx[i] ?? 0);
  }
  return { timeline: packSequences(all), train: packSequences(train) };
}

/** One case per row of `which`; the history is the user's rows with a smaller ord. */
function casesOf(cols: InteractionColumns, phase: Uint8Array, which: number, minHistory: number): EvalCases {
  const cases = new CaseBuilder();
  for (let i = 0; i < rowCount(cols); i++) {
    const ord = cols.ord[i] ?? 0;
    if (phase[i] === which && ord >= minHistory) cases.add(cols.userIdx[i] ?? 0, cols.itemIdx[i] ?? 0, ord);
  }
  return cases.build();
}

function phaseSize(phase: Uint8Array, which: number): number {
  let c = 0;
  for (const p of phase) if (p === which) c++;
  return c;
}

/** Timestamp of the first row of a phase (NaN when the phase is empty). */
function cutoffTs(cols: InteractionColumns, order: Int32Array, start: number): number {
  return start < order.length ? (cols.ts[order[start] ?? 0] ?? Number.NaN) : Number.NaN;
}
