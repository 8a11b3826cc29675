/** Splits on typed-array interaction columns: filters, leave-one-out, temporal, cold-item, candidates. */
export { assertChronological, selectRows, userStarts, type InteractionColumns } from './columns';
export { columnsFromEvents, type UserEvent } from './fromEvents';
export { dropLastPerUser, filterByRating, truncateHistories, type FilterResult } from './filters';
export { leaveOneOutSplit } from './leaveOneOut';
export { globalTimeOrder, temporalRatioSplit, type TemporalOptions } from './temporal';
export { chooseColdItems, type ColdItems, type ColdStrategy } from './coldItems';
export { coldItemSplit, type ColdSplitOptions } from './coldSplit';
export { splitBySpec, type SplitSpec } from './bySpec';
export { candidatesOf, sampleCandidateSets, trainPopularity, type CandidateOptions, type CandidateProtocol, type CandidateSets } from './candidates';
export { caseCount, caseHistory, type EvalCases, type SplitProtocol, type SplitResult } from './types';
