/** Public surface of the workspace (Node only). */
export { DEMO_DATASET_NAME, Workspace } from './workspace';
export type { WorkspaceImportRequest } from './workspace';
export type { ImportFile } from './importSources';
export type { RunPatch } from './runs';
export { newDatasetId, newRunId, ID_PATTERN } from './ids';
export { SCHEMA_VERSION, TABLES } from './schema';
