/**
 * models.inspect / models.register: a local Hugging Face folder read from its headers only
 * (core/platform/hf/inspect) and judged against the memory this machine has free right now.
 */
import { freemem } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { RecForgeError } from '../../core/errors';
import { inspectHfFolder } from '../../core/platform/hf/inspect';
import type { HfFolderReport } from '../../core/platform/hf/inspect';
import type { ModelFolderInfo } from '../../core/protocol/models';

function toInfo(path: string, r: HfFolderReport, availableBytes: number): ModelFolderInfo {
  const c = r.config;
  const inferenceBytes = r.memory.inference.totalBytes;
  const loraTrainingBytes = r.memory.loraTraining.totalBytes;
  return {
    path,
    architecture: c.modelType,
    config: {
      layers: c.numLayers, hidden: c.hiddenSize, intermediate: c.intermediateSize, heads: c.numHeads, kvHeads: c.numKvHeads,
      vocab: c.vocabSize, tiedEmbeddings: c.tieWordEmbeddings, ropeTheta: c.ropeTheta, maxPositions: c.maxPositionEmbeddings, torchDtype: c.torchDtype ?? null,
    },
    parameters: r.parameterCount,
    layout: r.weights.layout,
    dtypes: r.weights.dtypes,
    files: r.files,
    memory: { inferenceBytes, loraTrainingBytes, availableBytes, fitsInference: inferenceBytes <= availableBytes, fitsLoraTraining: loraTrainingBytes <= availableBytes },
    tokenizer: { present: r.tokenizer.present, modelType: r.tokenizer.modelType ?? null, vocabSize: r.tokenizer.vocabSize ?? null, problem: r.tokenizer.problem ?? null },
    warnings: r.warnings,
  };
}

/** Inspects `path` (must be absolute: the host never guesses a working directory). */
export async function inspectModelFolder(path: string, availableBytes = freemem()): Promise<ModelFolderInfo> {
  if (!isAbsolute(path)) throw new RecForgeError('validation', `give the model folder as an absolute path (got ${path})`, { file: path, expected: 'an absolute folder path' });
  const dir = resolve(path);
  return toInfo(dir, await inspectHfFolder(dir), availableBytes);
}

/** Refuses, with the numbers, a model this machine cannot even run. */
export function assertRunnable(info: ModelFolderInfo): void {
  if (info.memory.fitsInference) return;
  const gib = (b: number): string => `${(b / 2 ** 30).toFixed(1)} GiB`;
  throw new RecForgeError('validation', `${info.path} needs about ${gib(info.memory.inferenceBytes)} to run, but only ${gib(info.memory.availableBytes)} is free`, { file: 'config.json', expected: 'a model that fits in free memory' });
}
