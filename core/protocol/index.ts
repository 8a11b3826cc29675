/** Public surface of the protocol. The renderer imports from here with `import type` only. */
export type * from './dto';
export type * from './ipc';
export type * from './worker';
export type * from './bridge';
export type { FileRef, ImportRequest, PreviewRequest, ExportRequest, SplitRequest, ImportLogRequest, RunIdRequest, DatasetIdRequest, SplitIdRequest, AnnotateRunRequest, RunModelRequest, RunModelArtifactRequest, InstructionPreviewRequest } from './schemas';
export type { RunSpec, StartRunRequest } from './runSchemas';
export type * from './profile';
export type { Pipeline, PipelineDataset } from './pipeline';
export type * from './recipes';
export type * from './tabular';
export type * from './models';
export type * from './splits';
export type * from './itemText';
export type * from './recipeRun';
export type { RunActionRequest, CancelActionRequest, ActionProgress, LmGenerateArgs, LmGenerateResult, CocktailEvaluation, CocktailAutoLambda, CocktailScenarioLambda, CocktailExportArgs, ActionArtifact } from './recipeActions';
export type { ComputeFileCall, ComputeFileReply } from './computeFiles';
export type { ComputePreference, ComputeRouting, ComputeRequest, ComputeEvent, WireTrainJob, ToComputeWorker, FromComputeWorker, CheckpointReadReply } from './compute';
