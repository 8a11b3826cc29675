/**
 * New-item (cold) split, RecCocktail §4.1 "New-Item Setting": test ground truths are items that
 * never appear in the training or validation data. Every interaction with a cold item leaves
 * train and validation. Per user, the warm interactions form the timeline; the last warm one is
 * the validation target (the rest is train), and every cold interaction is a test case whose
 * history is the user's warm interactions before it in time — never a cold item, never the future.
 */
import { assertChronological, rowCount, userCount, type InteractionColumns } from './columns';
import { chooseColdItems, type ColdStrategy } from './coldItems';
import { CaseBuilder, packSequences, type SplitResult } from './types';

/** Options of coldItemSplit. */
export interface ColdSplitOptions {
  /** Share of the items that occur in the data to make cold, in [0, 1). */
  readonly fraction: number;
  readonly strategy: ColdStrategy;
  /** Test cases with fewer warm history items are dropped (default 1). */
  readonly minHistory?: number;
}

/** Splits so that test targets are cold items and train/valid contain only warm ones. */
export function coldItemSplit(cols: InteractionColumns, numItems: number, opts: ColdSplitOptions, numUsers = userCount(cols)): SplitResult {
  assertChronological(cols);
  const cold = chooseColdItems(cols, numItems, opts.fraction, opts.strategy);
  const minHistory = opts.minHistory ?? 1;
  const warm: number[][] = Array.from({ length: numUsers }, () => []);
  const test = new CaseBuilder();
  let coldRows = 0;
  for (let i = 0; i < rowCount(cols); i++) {
    const u = cols.userIdx[i] ?? 0;
    const it = cols.itemIdx[i] ?? 0;
    const seq = warm[u] ?? [];
    if (cold.isCold[it] !== 1) seq.push(it);
    else {
      coldRows += 1;
      // Rows are chronological per user, so the warm items pushed so far are exactly those before.
      if (seq.length >= minHistory) test.add(u, it, seq.length);
    }
  }
  const valid = new CaseBuilder();
  const train = warm.map((seq, u) => {
    if (seq.length < 2) return seq;
    valid.add(u, seq[seq.length - 1] ?? 0, seq.length - 1);
    return seq.slice(0, -1);
  });
  const packedTrain = packSequences(train);
  const validCases = valid.build();
  const testCases = test.build();
  const params = { ...cold.step.params, coldItems: cold.items.length, coldInteractions: coldRows, minHistory, droppedTestCases: coldRows - testCases.user.length };
  return {
    numItems,
    train: packedTrain,
    timeline: packSequences(warm),
    valid: validCases,
    test: testCases,
    protocol: {
      kind: 'cold-item',
      params,
      seed: opts.strategy.kind === 'random' ? opts.strategy.seed : null,
      counts: { users: numUsers, trainInteractions: packedTrain.values.length, validCases: validCases.user.length, testCases: testCases.user.length },
    },
    step: { step: 'split-cold-item', params, before: rowCount(cols), after: packedTrain.values.length },
  };
}

/** Items that occur nowhere in the split's timelines (the cold items; ascending). */
export function coldItemsOf(split: SplitResult): number[] {
  const seen = new Uint8Array(split.numItems + 1);
  for (const it of split.timeline.values) seen[it] = 1;
  const out: number[] = [];
  for (let it = 1; it <= split.numItems; it++) if (seen[it] !== 1) out.push(it);
  return out;
}
