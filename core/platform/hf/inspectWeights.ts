/**
 * The tensor side of a checkpoint folder, from safetensors headers only: which layout (single file
 * or shards + index), whether the index agrees with the shards, whether every tensor config.json
 * implies is present with its shape, and what dtypes are on disk. Hard inconsistencies (anything
 * loadHfCheckpoint would fail on) throw; harmless ones are returned as warnings.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { expectedTensorShapes } from '../../models/lm/weights';
import { readSafetensorsHeader } from './inspectHeader';
import type { HeaderTensor } from './inspectHeader';
import { readJsonObject } from './inspectJson';
import { SINGLE_WEIGHTS_FILE, WEIGHTS_INDEX_FILE } from '../../recipes/llm/portTensors';

/** Tensor bytes and counts per on-disk dtype. */
export interface DtypeSummary {
  readonly dtype: string;
  readonly tensors: number;
  readonly bytes: number;
}

/** What the headers say about the weights. */
export interface WeightsReport {
  readonly layout: 'single' | 'sharded';
  readonly files: readonly string[];
  readonly dtypes: readonly DtypeSummary[];
  /** Elements of every stored tensor (extra tensors such as rotary caches included). */
  readonly storedParameterCount: number;
  readonly warnings: readonly string[];
}

type Located = HeaderTensor & { readonly file: string };

const FLOAT_DTYPES = new Set(['F32', 'F16', 'BF16', 'F64']);
const indexSchema = z.looseObject({ metadata: z.looseObject({ total_size: z.number().optional() }).optional(), weight_map: z.record(z.string(), z.string()) });
const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

async function readIndex(dir: string): Promise<z.infer<typeof indexSchema>> {
  const parsed = indexSchema.safeParse(await readJsonObject(dir, WEIGHTS_INDEX_FILE));
  if (!parsed.success) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} has no valid weight_map`, { file: WEIGHTS_INDEX_FILE, field: 'weight_map', expected: 'an object of tensor name → shard file' });
  return parsed.data;
}

/** Every tensor of the shards, checked against the index's weight_map. */
async function shardedTensors(dir: string, warnings: string[]): Promise<{ files: string[]; tensors: Map<string, Located> }> {
  const index = await readIndex(dir);
  const files = [...new Set(Object.values(index.weight_map))].sort();
  const tensors = new Map<string, Located>();
  let bytes = 0;
  for (const file of files) {
    if (!(await exists(path.join(dir, file)))) throw new RecForgeError('import', `shard ${file} listed in ${WEIGHTS_INDEX_FILE} is missing`, { file, expected: `a shard listed in ${WEIGHTS_INDEX_FILE}` });
    const header = await readSafetensorsHeader(dir, file);
    for (const t of header.tensors.values()) {
      if (index.weight_map[t.name] !== file) warnings.push(`${file} holds ${t.name}, which ${WEIGHTS_INDEX_FILE} does not map to it`);
      else tensors.set(t.name, { ...t, file });
      bytes += t.bytes;
    }
  }
  for (const [name, file] of Object.entries(index.weight_map)) {
    if (!tensors.has(name)) throw new RecForgeError('import', `${file} lacks tensor ${name} named in ${WEIGHTS_INDEX_FILE}`, { file, field: name, expected: `tensor listed in ${WEIGHTS_INDEX_FILE}` });
  }
  const total = index.metadata?.total_size;
  if (total !== undefined && total !== bytes) warnings.push(`${WEIGHTS_INDEX_FILE} metadata.total_size is ${total}, the shards hold ${bytes} bytes of tensors`);
  return { files, tensors };
}

async function singleTensors(dir: string): Promise<{ files: string[]; tensors: Map<string, Located> }> {
  if (!(await exists(path.join(dir, SINGLE_WEIGHTS_FILE)))) {
    const hasBin = await exists(path.join(dir, 'pytorch_model.bin'));
    throw new RecForgeError('import', `no ${SINGLE_WEIGHTS_FILE} or ${WEIGHTS_INDEX_FILE}${hasBin ? ' (pytorch_model.bin is not supported; convert to safetensors)' : ''}`, { file: SINGLE_WEIGHTS_FILE, expected: 'safetensors weights' });
  }
  const header = await readSafetensorsHeader(dir, SINGLE_WEIGHTS_FILE);
  return { files: [SINGLE_WEIGHTS_FILE], tensors: new Map([...header.tensors].map(([n, t]) => [n, { ...t, file: SINGLE_WEIGHTS_FILE }])) };
}

/** Every tensor config.json implies must be stored, floating point, with the implied shape. */
function checkAgainstConfig(config: LmConfig, tensors: ReadonlyMap<string, Located>, fallbackFile: string, warnings: string[]): void {
  const expected = expectedTensorShapes(config);
  for (const [name, shape] of expected) {
    const t = tensors.get(name);
    const want = `shape [${shape.join(', ')}]`;
    if (t === undefined) throw new RecForgeError('import', `${fallbackFile} has no tensor ${name}, which config.json implies`, { file: fallbackFile, field: name, expected: want });
    if (t.shape.join(',') !== shape.join(',')) throw new RecForgeError('import', `${t.file}: tensor ${name} has shape [${t.shape.join(', ')}], config.json implies [${shape.join(', ')}]`, { file: t.file, field: name, expected: want });
    if (!FLOAT_DTYPES.has(t.dtype)) throw new RecForgeError('import', `${t.file}: tensor ${name} is ${t.dtype}, not floating point`, { file: t.file, field: name, expected: 'F32, F16, BF16 or F64' });
  }
  const extra = [...tensors.keys()].filter((n) => !expected.has(n));
  if (extra.length > 0) warnings.push(`${extra.length} tensor(s) not used by the model, e.g. ${extra.slice(0, 3).join(', ')}`);
}

function summarizeDtypes(tensors: ReadonlyMap<string, Located>): DtypeSummary[] {
  const by = new Map<string, { tensors: number; bytes: number }>();
  for (const t of tensors.values()) {
    const s = by.get(t.dtype) ?? { tensors: 0, bytes: 0 };
    by.set(t.dtype, { tensors: s.tensors + 1, bytes: s.bytes + t.bytes });
  }
  return [...by].map(([dtype, s]) => ({ dtype, ...s })).sort((a, b) => b.bytes - a.bytes);
}

/** Inspects the weights of `dir` against `config` (headers only). */
export async function inspectWeights(dir: string, config: LmConfig): Promise<WeightsReport> {
  const warnings: string[] = [];
  const sharded = await exists(path.join(dir, WEIGHTS_INDEX_FILE));
  const { files, tensors } = sharded ? await shardedTensors(dir, warnings) : await singleTensors(dir);
  checkAgainstConfig(config, tensors, sharded ? WEIGHTS_INDEX_FILE : SINGLE_WEIGHTS_FILE, warnings);
  let stored = 0;
  for (const t of tensors.values()) stored += t.shape.reduce((a, b) => a * b, 1);
  return { layout: sharded ? 'sharded' : 'single', files, dtypes: summarizeDtypes(tensors), storedParameterCount: stored, warnings };
}
