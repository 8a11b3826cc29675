/**
 * The implementation of InvokeMap, shared by the Electron IPC and WebSocket transports.
 * `dispatch` is the single entry point: validate → handle → ApiResult (never throws).
 */
import { toApiError } from '../../core/errors';
import type { ApiResult } from '../../core/protocol/dto';
import type { InvokeChannel, InvokeResponse } from '../../core/protocol/ipc';
import type {
  AnnotateRunRequest,
  RunModelRequest,
  RunModelArtifactRequest,
  DatasetIdRequest,
  SplitIdRequest,
  ExportRequest,
  ImportLogRequest,
  ModelFolderRequest,
  ModelIdRequest,
  PreviewRequest,
  CombineRequestParsed,
  ItemTextRequest,
  InstructionPreviewRequestParsed,
  SetItemTemplateRequest,
  SplitRequestParsed,
  RegisterModelRequest,
  ImportRequestParsed,
  RunIdRequest,
} from '../../core/protocol/schemas';
import type { StartRunRequestParsed } from '../../core/protocol/runSchemas';
import type { PipelineParsed } from '../../core/protocol/pipeline';
import { startRunRequestSchema } from '../../core/protocol/runSchemas';
import type { HostContext } from './hostContext';
import { importTrainLog } from './importLog';
import { importFiles } from './importFiles';
import { pipelineOfRun, runPipeline } from './pipelines';
import { listRecipes } from './recipes';
import { instructionPreview } from '../../core/recipes/reccocktail/instructionPreview';
import { writeRunReport } from './runReport';
import { assertRunnable, inspectModelFolder } from './modelFolders';
import { assertReadable } from './pathGrants';
import { removeUploads, resolveFileRefs } from './uploads';
import { validateRequest } from './validate';
import { runAction } from './runActions';
import { exportRunArtifact, listedArtifact } from './exportArtifact';
import type { CancelActionRequest, RunActionRequest } from '../../core/protocol/recipeActions';
import type { CheckpointReadRequest, CheckpointWriteRequest, ComputeAttachRequest, ComputeEventRequest } from '../../core/protocol/compute';
import type { FileReadRequest, FileSizeRequest, FileWriteRequest } from '../../core/protocol/computeFiles';
import type { Caller } from './caller';
import { computeHandlers } from './computeApi';
import { clearTrainCache, trainCacheInfo } from '../../core/platform/trainCache';

interface ParsedRequests {
  'datasets.import': ImportRequestParsed;
  'datasets.remove': DatasetIdRequest;
  'datasets.combine': CombineRequestParsed;
  'datasets.preview': PreviewRequest;
  'datasets.export': ExportRequest;
  'datasets.split': SplitRequestParsed;
  'datasets.splits': DatasetIdRequest;
  'datasets.removeSplit': SplitIdRequest;
  'datasets.itemText': ItemTextRequest;
  'datasets.setItemTemplate': SetItemTemplateRequest;
  'datasets.profile': DatasetIdRequest;
  'runs.start': StartRunRequestParsed;
  'runs.cancel': RunIdRequest;
  'runs.resume': RunIdRequest;
  'runs.get': RunIdRequest;
  'runs.pipeline': RunIdRequest;
  'runs.report': RunIdRequest;
  'runs.importLog': ImportLogRequest;
  'runs.annotate': AnnotateRunRequest;
  'runs.registerModel': RunModelRequest;
  'runs.action': RunActionRequest;
  'runs.cancelAction': CancelActionRequest;
  'runs.exportArtifact': RunModelArtifactRequest;
  'models.inspect': ModelFolderRequest;
  'models.register': RegisterModelRequest;
  'models.remove': ModelIdRequest;
  'pipelines.run': PipelineParsed;
  'recipes.previewInstruction': InstructionPreviewRequestParsed;
  'compute.attach': ComputeAttachRequest;
  'compute.event': ComputeEventRequest;
  'compute.writeCheckpoint': CheckpointWriteRequest;
  'compute.readCheckpoint': CheckpointReadRequest;
  'compute.fileSize': FileSizeRequest;
  'compute.readFile': FileReadRequest;
  'compute.writeFile': FileWriteRequest;
}
type RequestOf<C extends InvokeChannel> = C extends keyof ParsedRequests ? ParsedRequests[C] : undefined;
/** A handler; `caller` is the connection the call came from (absent for the CLI and tests). */
export type Handlers = { [C in InvokeChannel]: (req: RequestOf<C>, caller?: Caller) => Promise<InvokeResponse<C>> };

/** Demo runs are short so the first experience finishes in about a minute on a laptop CPU. */
const DEMO_EPOCHS = 15;

function buildHandlers(ctx: HostContext): Handlers {
  return {
    'system.info': async () => ctx.systemInfo(),
    'system.trainCache': () => trainCacheInfo(ctx.workspace.trainCacheDir()),
    'system.clearTrainCache': () => clearTrainCache(ctx.workspace.trainCacheDir()),
    'datasets.list': () => ctx.workspace.listDatasets(),
    'datasets.preview': async (req, caller) => ctx.workspace.previewTables(await resolveFileRefs(ctx.workspace.dir, req.files, caller?.paths)),
    'datasets.import': async (req, caller) => {
      const result = await importFiles(ctx, req, caller?.paths).finally(() => removeUploads(ctx.workspace.dir, req.files));
      ctx.bus.emit('datasets.onChanged', await ctx.workspace.listDatasets());
      return result;
    },
    'datasets.export': (req) => ctx.workspace.exportDataset(req.datasetId, req.format),
    'datasets.split': (req) => ctx.workspace.createSplit(req),
    'datasets.splits': (req) => ctx.workspace.listSplits(req.datasetId),
    'datasets.removeSplit': async (req) => {
      await ctx.workspace.removeSplit(req.datasetId, req.splitId);
      return null;
    },
    'datasets.itemText': (req) => ctx.workspace.itemText(req.datasetId, req.template),
    'datasets.setItemTemplate': async (req) => {
      await ctx.workspace.setItemTemplate(req.datasetId, req.template);
      return ctx.workspace.itemText(req.datasetId);
    },
    'datasets.combine': async (req) => {
      const combined = await ctx.workspace.combineDatasets(req.name, req.datasetIds, req.users);
      ctx.bus.emit('datasets.onChanged', await ctx.workspace.listDatasets());
      return combined;
    },
    'datasets.remove': async (req) => {
      await ctx.workspace.removeDataset(req.datasetId);
      ctx.bus.emit('datasets.onChanged', await ctx.workspace.listDatasets());
      return null;
    },
    'datasets.profile': (req) => ctx.workspace.profileDataset(req.datasetId),
    'runs.start': (req) => ctx.runs.start(req),
    'runs.cancel': (req) => ctx.runs.cancel(req.runId),
    'runs.resume': (req) => ctx.runs.resume(req.runId),
    'runs.list': () => ctx.runs.list(),
    'runs.get': (req) => ctx.runs.get(req.runId),
    'runs.pipeline': (req) => pipelineOfRun(ctx, req.runId),
    'runs.report': (req) => writeRunReport(ctx, req.runId),
    'runs.annotate': (req) => ctx.runs.annotate(req.runId, { ...(req.notes !== undefined ? { notes: req.notes } : {}), ...(req.tags !== undefined ? { tags: [...new Set(req.tags)] } : {}) }),
    'runs.importLog': async (req, caller) => {
      const [file] = await resolveFileRefs(ctx.workspace.dir, [req.file], caller?.paths);
      return importTrainLog(ctx, req.name, file as { name: string; path: string }).finally(() => removeUploads(ctx.workspace.dir, [req.file]));
    },
    'pipelines.run': (req) => runPipeline(ctx, req),
    'recipes.list': async () => listRecipes(),
    'recipes.previewInstruction': async ({ datasetId, recipe: _recipe, ...settings }) => instructionPreview(await ctx.workspace.loadRecipeSources(datasetId), settings),
    'models.inspect': async (req, caller) => {
      await assertReadable(caller?.paths, [req.path]);
      return inspectModelFolder(req.path);
    },
    'models.register': async (req, caller) => {
      await assertReadable(caller?.paths, [req.path]);
      const info = await inspectModelFolder(req.path);
      assertRunnable(info);
      return ctx.workspace.registerModel(req.name, info);
    },
    'runs.action': (req, caller) => runAction(ctx, req, caller),
    'runs.cancelAction': async (req) => {
      ctx.actionCalls.cancel(req.runId, req.action);
      return null;
    },
    'runs.exportArtifact': (req) => exportRunArtifact(ctx, req.runId, req.path),
    'runs.registerModel': async (req) => {
      const info = await inspectModelFolder(await listedArtifact(ctx, req.runId, req.path));
      assertRunnable(info);
      return ctx.workspace.registerModel(req.name, info);
    },
    'models.list': () => ctx.workspace.listModels(),
    'models.remove': async (req) => {
      await ctx.workspace.removeModel(req.modelId);
      return null;
    },
    'demo.run': async () => {
      const demo = await ctx.demoDataset();
      const req = startRunRequestSchema.parse({ datasetId: demo.id, model: 'sasrec', train: { epochs: DEMO_EPOCHS } });
      return ctx.runs.start(req);
    },
    ...computeHandlers(ctx),
  };
}

export type Dispatch = (channel: unknown, payload: unknown, caller?: Caller) => Promise<ApiResult<unknown>>;

export function createDispatch(ctx: HostContext): Dispatch {
  const handlers = buildHandlers(ctx);
  return async (channel, payload, caller) => {
    try {
      const { channel: valid, request } = validateRequest(channel, payload);
      const handler = handlers[valid] as (req: unknown, caller?: Caller) => Promise<unknown>;
      return { ok: true, value: await handler(request, caller) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
}
