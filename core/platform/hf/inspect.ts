/**
 * A report on a local Hugging Face model folder without loading any tensor: architecture,
 * parameter count, dtypes and files on disk, shard/index consistency, memory estimates for
 * inference and LoRA training, tokenizer and generation settings. Shown before the user commits to
 * a multi-gigabyte load; fails with the same located errors loadHfCheckpoint would raise.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig, LmModelType } from '../../models/lm/config';
import { parameterCount } from '../../models/lm/weights';
import type { LmMemoryEstimate } from '../../models/lm/weights';
import { GENERATION_FILE, readGenerationSummary } from './inspectGeneration';
import type { GenerationSummary } from './inspectGeneration';
import { readJsonObject } from './inspectJson';
import { estimateInferenceMemory, estimateLoraTrainingMemory } from './inspectMemory';
import type { LoraMemoryEstimate, LoraMemoryOptions } from './inspectMemory';
import { inspectTokenizer } from './inspectTokenizer';
import type { TokenizerSummary } from './inspectTokenizer';
import { inspectWeights } from './inspectWeights';
import type { WeightsReport } from './inspectWeights';

/** The architecture fields the studio shows. */
export interface ConfigSummary {
  readonly modelType: LmModelType;
  readonly numLayers: number;
  readonly hiddenSize: number;
  readonly intermediateSize: number;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly vocabSize: number;
  readonly tieWordEmbeddings: boolean;
  readonly ropeTheta: number;
  readonly maxPositionEmbeddings: number;
  /** config.json torch_dtype, when given (the dtype the model was trained/saved in). */
  readonly torchDtype?: string;
}

/** Options of inspectHfFolder. */
export interface InspectOptions {
  /** Tokens per sequence for the estimates (default min(max_position_embeddings, 2048); LoRA default 512). */
  readonly seqLen?: number;
  readonly batch?: number; // default 1
  readonly lora?: LoraMemoryOptions;
}

/** Everything inspectHfFolder finds. */
export interface HfFolderReport {
  readonly config: ConfigSummary;
  /** Parameters config.json implies (tied embeddings once). */
  readonly parameterCount: number;
  readonly weights: WeightsReport;
  /** Every regular file of the folder with its size, by name. */
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  readonly memory: { readonly inference: LmMemoryEstimate; readonly loraTraining: LoraMemoryEstimate };
  readonly tokenizer: TokenizerSummary;
  readonly generation?: GenerationSummary;
  /** Non-fatal findings (extra tensors, index total_size off, tokenizer larger than the embedding). */
  readonly warnings: readonly string[];
}

function summarize(c: LmConfig, raw: Readonly<Record<string, unknown>>): ConfigSummary {
  const { modelType, numLayers, hiddenSize, intermediateSize, numHeads, numKvHeads, headDim, vocabSize, tieWordEmbeddings, ropeTheta, maxPositionEmbeddings } = c;
  const base = { modelType, numLayers, hiddenSize, intermediateSize, numHeads, numKvHeads, headDim, vocabSize, tieWordEmbeddings, ropeTheta, maxPositionEmbeddings };
  return typeof raw.torch_dtype === 'string' ? { ...base, torchDtype: raw.torch_dtype } : base;
}

/** Regular files by name, symlinks followed (the HF hub cache links snapshot files to blobs). */
async function listFiles(dir: string): Promise<{ name: string; bytes: number }[]> {
  const names = await readdir(dir).catch(() => {
    throw new RecForgeError('import', `model folder ${dir} cannot be read`, { file: dir, expected: 'a readable folder' });
  });
  const out: { name: string; bytes: number }[] = [];
  for (const name of names) {
    const s = await stat(path.join(dir, name)).catch(() => null); // a dangling link is not a file
    if (s?.isFile() === true) out.push({ name, bytes: s.size });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Inspects a HF checkpoint folder from its JSON files and safetensors headers only.
 * Throws RecForgeError('import') located at the offending file (config.json missing or invalid,
 * safetensors header invalid or truncated, shard missing, tensor missing or shaped unlike config.json).
 * @example const r = await inspectHfFolder('/models/Qwen2-0.5B'); fitsInMemory(r.memory.inference, free)
 */
export async function inspectHfFolder(dir: string, opts: InspectOptions = {}): Promise<HfFolderReport> {
  const files = await listFiles(dir);
  const raw = await readJsonObject(dir, 'config.json');
  const config = parseLmConfig(raw);
  const weights = await inspectWeights(dir, config);
  const warnings = [...weights.warnings];
  const tokenizer = await inspectTokenizer(dir, config.vocabSize, warnings);
  const generation = files.some((f) => f.name === GENERATION_FILE) ? await readGenerationSummary(dir) : undefined;
  const batch = opts.batch ?? 1;
  const memory = {
    inference: estimateInferenceMemory(config, batch, opts.seqLen),
    loraTraining: estimateLoraTrainingMemory(config, { batch, ...(opts.seqLen === undefined ? {} : { seqLen: opts.seqLen }), ...opts.lora }),
  };
  const report = { config: summarize(config, raw), parameterCount: parameterCount(config), weights, files, memory, tokenizer, warnings };
  return generation === undefined ? report : { ...report, generation };
}
