/**
 * Runtime lists of the contract's channel names (the preload and the web bridge loop over them).
 * `satisfies` ties each list to the maps in ipc.ts, so adding a channel there without adding it
 * here fails to compile.
 */
import type { EventChannel, InvokeChannel } from './ipc';

type Exhaustive<All extends string, Listed extends readonly string[]> =
  Exclude<All, Listed[number]> extends never ? Listed : { missing: Exclude<All, Listed[number]> };

const invoke = [
  'system.info',
  'system.trainCache',
  'system.clearTrainCache',
  'datasets.list',
  'datasets.preview',
  'datasets.import',
  'datasets.export',
  'datasets.split',
  'datasets.splits',
  'datasets.removeSplit',
  'datasets.itemText',
  'datasets.setItemTemplate',
  'datasets.remove',
  'datasets.combine',
  'datasets.profile',
  'runs.start',
  'runs.cancel',
  'runs.resume',
  'runs.list',
  'runs.get',
  'runs.pipeline',
  'runs.importLog',
  'runs.annotate',
  'runs.report',
  'runs.registerModel',
  'runs.action',
  'runs.cancelAction',
  'runs.exportArtifact',
  'pipelines.run',
  'recipes.list',
  'recipes.previewInstruction',
  'models.inspect',
  'models.register',
  'models.list',
  'models.remove',
  'demo.run',
  'compute.attach',
  'compute.detach',
  'compute.event',
  'compute.writeCheckpoint',
  'compute.readCheckpoint',
  'compute.fileSize',
  'compute.readFile',
  'compute.writeFile',
] as const satisfies readonly InvokeChannel[];

const events = [
  'runs.onProgress',
  'runs.onStatus',
  'runs.onActionProgress',
  'datasets.onChanged',
  'datasets.onImportProgress',
  'system.onInfo',
  'compute.onRequest',
] as const satisfies readonly EventChannel[];

export const INVOKE_CHANNELS: Exhaustive<InvokeChannel, typeof invoke> = invoke;
export const EVENT_CHANNELS: Exhaustive<EventChannel, typeof events> = events;

/** Prefix every Electron IPC channel carries; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'recforge:';

/**
 * Electron-only channels outside the contract (the preload calls them itself, never on the
 * page's behalf with a string): hand a dropped file's real path to the main process, or let the
 * user pick a folder in the native dialog. Each grants the window read access to that path.
 */
export const GRANT_FILE_CHANNEL = 'recforge-grant:file';
export const CHOOSE_FOLDER_CHANNEL = 'recforge-grant:folder';
