/**
 * PEFT adapter folders: `adapter_config.json` + `adapter_model.safetensors` (F32, `{"format":"pt"}`),
 * written atomically; loading checks tensor names (and shapes, given the base model's config).
 */
import * as tf from '@tensorflow/tfjs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { expectedLoraShapes, parseLoraTensorName } from '../../models/lora/adapter';
import type { LoraAdapter } from '../../models/lora/adapter';
import { loraConfigToJson, parseLoraConfig } from '../../models/lora/config';
import { writeFileAtomic } from '../atomicWrite';
import { decodeCheckpointTensors, readCheckpointFile, readJsonFile } from './files';
import { encodeFloatSafetensors } from './safetensorsEncode';
import type { FloatTensor } from './safetensorsEncode';

/** File names PEFT's save_pretrained uses. */
export const ADAPTER_CONFIG_FILE = 'adapter_config.json';
export const ADAPTER_WEIGHTS_FILE = 'adapter_model.safetensors';

/** Writes the adapter as a PEFT folder (created if needed); weights first, config last. */
export async function saveLoraAdapter(dir: string, adapter: LoraAdapter): Promise<void> {
  const tensors = new Map<string, FloatTensor>();
  for (const [name, t] of adapter.tensors) tensors.set(name, { shape: t.shape, data: Float32Array.from(await t.data()) });
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, ADAPTER_WEIGHTS_FILE), encodeFloatSafetensors(tensors, 'F32'));
  await writeFileAtomic(path.join(dir, ADAPTER_CONFIG_FILE), `${JSON.stringify(loraConfigToJson(adapter.config), null, 2)}\n`);
}

const fail = (why: string, field: string, expected: string): RecForgeError =>
  new RecForgeError('import', `${ADAPTER_WEIGHTS_FILE}: ${why}`, { file: ADAPTER_WEIGHTS_FILE, field, expected });

function checkShapes(names: ReadonlyMap<string, readonly number[]>, expected: ReadonlyMap<string, number[]>): void {
  for (const [name, shape] of expected) {
    const got = names.get(name);
    if (got === undefined) throw fail(`missing tensor ${name}`, name, `shape [${shape.join(', ')}]`);
    if (got.join(',') !== shape.join(',')) throw fail(`tensor ${name} has shape [${got.join(', ')}]`, name, `shape [${shape.join(', ')}]`);
  }
}

/**
 * Loads a PEFT LoRA folder. With `base`, every expected A/B tensor must be present with PEFT's shapes.
 * Throws RecForgeError('import') naming the file on anything missing or malformed.
 */
export async function loadLoraAdapter(dir: string, base?: LmConfig): Promise<LoraAdapter> {
  const config = parseLoraConfig(await readJsonFile(dir, ADAPTER_CONFIG_FILE));
  const file = decodeCheckpointTensors(await readCheckpointFile(dir, ADAPTER_WEIGHTS_FILE), ADAPTER_WEIGHTS_FILE);
  const shapes = new Map<string, readonly number[]>();
  for (const [name, t] of file.tensors) {
    if (parseLoraTensorName(name) === null) throw fail(`unexpected tensor ${name}`, name, 'base_model.model.<module>.lora_{A,B}.weight');
    if (!(t.data instanceof Float32Array) || t.shape.length !== 2) throw fail(`tensor ${name} is not a float matrix`, name, 'a 2-D float tensor');
    shapes.set(name, t.shape);
  }
  if (base) checkShapes(shapes, expectedLoraShapes(base, config));
  const tensors = new Map<string, tf.Tensor>();
  for (const [name, t] of file.tensors) tensors.set(name, tf.tensor(t.data, [...t.shape], 'float32'));
  return { config, tensors };
}
