/**
 * The host's gate: every invoke payload is parsed with its zod schema before a handler sees it.
 * Channels outside the contract are refused.
 */
import type { z } from 'zod';
import { RecForgeError } from '../../core/errors';
import type { InvokeChannel } from '../../core/protocol/ipc';
import {
  datasetIdRequestSchema,
  splitIdRequestSchema,
  emptyRequestSchema,
  exportRequestSchema,
  previewRequestSchema,
  combineRequestSchema,
  itemTextRequestSchema,
  instructionPreviewRequestSchema,
  setItemTemplateRequestSchema,
  splitRequestSchema,
  annotateRunRequestSchema,
  runModelRequestSchema,
  runArtifactRequestSchema,
  importLogRequestSchema,
  importRequestSchema,
  modelFolderRequestSchema,
  modelIdRequestSchema,
  registerModelRequestSchema,
  runIdRequestSchema,
} from '../../core/protocol/schemas';
import { startRunRequestSchema } from '../../core/protocol/runSchemas';
import { cancelActionRequestSchema, runActionRequestSchema } from '../../core/protocol/recipeActions';
import { pipelineSchema } from '../../core/protocol/pipeline';
import { fileReadRequestSchema, fileSizeRequestSchema, fileWriteRequestSchema } from '../../core/protocol/computeFiles';
import { checkpointReadRequestSchema, checkpointWriteRequestSchema, computeAttachRequestSchema, computeEventRequestSchema } from '../../core/protocol/compute';

const requestSchemas: Record<InvokeChannel, z.ZodType> = {
  'system.info': emptyRequestSchema,
  'system.trainCache': emptyRequestSchema,
  'system.clearTrainCache': emptyRequestSchema,
  'datasets.list': emptyRequestSchema,
  'datasets.import': importRequestSchema,
  'datasets.remove': datasetIdRequestSchema,
  'datasets.combine': combineRequestSchema,
  'datasets.preview': previewRequestSchema,
  'datasets.export': exportRequestSchema,
  'datasets.split': splitRequestSchema,
  'datasets.splits': datasetIdRequestSchema,
  'datasets.removeSplit': splitIdRequestSchema,
  'datasets.itemText': itemTextRequestSchema,
  'datasets.setItemTemplate': setItemTemplateRequestSchema,
  'datasets.profile': datasetIdRequestSchema,
  'runs.start': startRunRequestSchema,
  'runs.cancel': runIdRequestSchema,
  'runs.resume': runIdRequestSchema,
  'runs.list': emptyRequestSchema,
  'runs.get': runIdRequestSchema,
  'runs.pipeline': runIdRequestSchema,
  'runs.report': runIdRequestSchema,
  'runs.importLog': importLogRequestSchema,
  'runs.annotate': annotateRunRequestSchema,
  'runs.registerModel': runModelRequestSchema,
  'runs.action': runActionRequestSchema,
  'runs.cancelAction': cancelActionRequestSchema,
  'runs.exportArtifact': runArtifactRequestSchema,
  'pipelines.run': pipelineSchema,
  'recipes.list': emptyRequestSchema,
  'recipes.previewInstruction': instructionPreviewRequestSchema,
  'models.inspect': modelFolderRequestSchema,
  'models.register': registerModelRequestSchema,
  'models.list': emptyRequestSchema,
  'models.remove': modelIdRequestSchema,
  'demo.run': emptyRequestSchema,
  'compute.attach': computeAttachRequestSchema,
  'compute.detach': emptyRequestSchema,
  'compute.event': computeEventRequestSchema,
  'compute.writeCheckpoint': checkpointWriteRequestSchema,
  'compute.readCheckpoint': checkpointReadRequestSchema,
  'compute.fileSize': fileSizeRequestSchema,
  'compute.readFile': fileReadRequestSchema,
  'compute.writeFile': fileWriteRequestSchema,
};

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(requestSchemas, channel);
}

/** Parses a raw payload for `channel`; throws a 'validation' RecForgeError naming the first bad field. */
export function validateRequest(channel: unknown, payload: unknown): { channel: InvokeChannel; request: unknown } {
  if (!isInvokeChannel(channel)) {
    throw new RecForgeError('validation', `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  }
  const parsed = requestSchemas[channel].safeParse(payload ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(payload)';
    // Every problem at once (a few), so a form is not fixed one round trip per mistake.
    const issues = parsed.error.issues.slice(0, 8).map((i) => ({ field: i.path.join('.') || '(payload)', message: i.message }));
    // A pipeline is a file the user wrote: name it so (the CLI and the studio put the file's name there).
    const subject = channel === 'pipelines.run' ? 'pipeline' : `${channel} request`;
    throw new RecForgeError('validation', `invalid ${subject}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, {
      file: channel === 'pipelines.run' ? 'pipeline' : channel,
      field,
      expected: issue?.message ?? 'a valid payload',
    }, issues);
  }
  return { channel, request: parsed.data };
}
