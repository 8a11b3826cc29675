/**
 * Leave-one-out as a SplitResult. The split itself is preprocess/leaveOneOut.ts (the one the
 * worker trains on); this only re-expresses its output as timeline + cases so every split can be
 * evaluated, sampled and compared the same way.
 */
import { buildLeaveOneOut } from '../preprocess/leaveOneOut';
import { assertChronological, rowCount, userCount, type InteractionColumns } from './columns';
import { CaseBuilder, packSequences, type SplitResult } from './types';

/** Last item → test, second-to-last → valid, rest → train (users with < 3 rows: train only). */
export function leaveOneOutSplit(cols: InteractionColumns, numItems: number, numUsers = userCount(cols)): SplitResult {
  assertChronological(cols);
  const loo = buildLeaveOneOut(numUsers, numItems, cols.userIdx, cols.itemIdx);
  const perUser: number[][] = Array.from({ length: numUsers }, () => []);
  for (let i = 0; i < rowCount(cols); i++) perUser[cols.userIdx[i] ?? 0]?.push(cols.itemIdx[i] ?? 0);
  const valid = new CaseBuilder();
  const test = new CaseBuilder();
  perUser.forEach((items, u) => {
    if ((loo.testTarget[u] ?? 0) <= 0) return;
    valid.add(u, loo.validTarget[u] ?? 0, items.length - 2);
    test.add(u, loo.testTarget[u] ?? 0, items.length - 1);
  });
  const validCases = valid.build();
  const testCases = test.build();
  const trainInteractions = loo.train.values.length;
  return {
    numItems,
    train: loo.train,
    timeline: packSequences(perUser),
    valid: validCases,
    test: testCases,
    protocol: { kind: 'leave-one-out', params: {}, seed: null, counts: { users: numUsers, trainInteractions, validCases: validCases.user.length, testCases: testCases.user.length } },
    step: { step: 'split-leave-one-out', params: { valid: 'second-to-last', test: 'last', minLength: 3 }, before: rowCount(cols), after: trainInteractions },
  };
}
