/**
 * RecipeFiles over any FilePort: Hugging Face model folders (config.json, model.safetensors or
 * shards, tokenizer.json + tokenizer_config.json), PEFT adapter folders and text files, with the
 * same file names, byte layout and located import errors as the Node binding
 * (core/platform/recipeFiles.ts). A window's WebGPU worker runs CPRec / RecCocktail with it over
 * host invokes; tests run it over memory.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { parseLmConfig, type LmConfig } from '../../models/lm/config';
import { expectedLoraShapes, parseLoraTensorName, type LoraAdapter } from '../../models/lora/adapter';
import { loraConfigToJson, parseLoraConfig } from '../../models/lora/config';
import { createHfTokenizer } from '../../text/tokenizer/hfTokenizer';
import type { HfTokenizerFiles } from '../../text/tokenizer/hfJson';
import { jsonText, readJsonObjectFile, readTextFile, writeTextFile, type FilePort } from './filePort';
import { writeHfCheckpoint } from './checkpointWriter';
import { encodeF32Tensors, readCheckpointWeights, sameShape } from './portTensors';
import { openSafetensors, type PortSafetensors } from './portSafetensors';
import { joinPath, type LoadedModelFolder, type RecipeFiles } from './recipeFiles';

const TOKENIZER_FILE = 'tokenizer.json';
const TOKENIZER_CONFIG_FILE = 'tokenizer_config.json';
/** File names PEFT's save_pretrained uses. */
export const ADAPTER_CONFIG_FILE = 'adapter_config.json';
export const ADAPTER_WEIGHTS_FILE = 'adapter_model.safetensors';

async function readTokenizerFiles(port: FilePort, dir: string): Promise<HfTokenizerFiles> {
  if ((await port.fileSize(joinPath(dir, TOKENIZER_FILE))) === null) {
    const hasSentencepiece = (await port.fileSize(joinPath(dir, 'tokenizer.model'))) !== null;
    const hint = hasSentencepiece ? ' (only tokenizer.model is present; convert it with transformers first)' : '';
    throw new RecForgeError('import', `${TOKENIZER_FILE} is missing${hint}`, { file: TOKENIZER_FILE, expected: 'a Hugging Face tokenizer.json' });
  }
  const tokenizerJson = await readJsonObjectFile(port, joinPath(dir, TOKENIZER_FILE));
  const configPath = joinPath(dir, TOKENIZER_CONFIG_FILE);
  const hasConfig = (await port.fileSize(configPath)) !== null;
  return { tokenizerJson, tokenizerConfig: hasConfig ? await readJsonObjectFile(port, configPath) : {} };
}

async function loadModelFolder(port: FilePort, dir: string): Promise<LoadedModelFolder> {
  // Tokenizer first: it is the file most often missing from a user's folder, and it is cheap.
  const tokenizerFiles = await readTokenizerFiles(port, dir);
  const tokenizer = createHfTokenizer(tokenizerFiles);
  const config = parseLmConfig(await readJsonObjectFile(port, joinPath(dir, 'config.json')));
  return { config, tokenizer, tokenizerFiles, weights: await readCheckpointWeights(port, dir, config) };
}

/** Tokenizer files, then the checkpoint (config.json last): a folder with config.json is complete. */
async function saveModelFolder(port: FilePort, dir: string, config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, tokenizer: HfTokenizerFiles): Promise<void> {
  await writeTextFile(port, joinPath(dir, TOKENIZER_FILE), jsonText(tokenizer.tokenizerJson, 0));
  await writeTextFile(port, joinPath(dir, TOKENIZER_CONFIG_FILE), jsonText(tokenizer.tokenizerConfig));
  await writeHfCheckpoint(port, dir, config, weights);
}

/** Weights first, adapter_config.json last (PEFT's save_pretrained layout). */
async function saveAdapter(port: FilePort, dir: string, adapter: LoraAdapter): Promise<void> {
  await port.writeBytes(joinPath(dir, ADAPTER_WEIGHTS_FILE), await encodeF32Tensors(adapter.tensors));
  await writeTextFile(port, joinPath(dir, ADAPTER_CONFIG_FILE), jsonText(loraConfigToJson(adapter.config)));
}

/** Tensors `shapes` names of `file` as float32 tfjs tensors (the caller owns them); on any error none is left allocated. */
async function readFloatTensors(file: PortSafetensors, shapes: Iterable<readonly [string, readonly number[]]>, notFloat: (name: string) => RecForgeError): Promise<Map<string, tf.Tensor>> {
  const tensors = new Map<string, tf.Tensor>();
  try {
    for (const [name, shape] of shapes) {
      const t = await file.readTensor(name);
      if (!(t.data instanceof Float32Array)) throw notFloat(name);
      tensors.set(name, tf.tensor(t.data, [...shape], 'float32'));
    }
  } catch (err) {
    for (const t of tensors.values()) t.dispose();
    throw err;
  }
  return tensors;
}

const adapterError = (why: string, field: string, expected: string): RecForgeError =>
  new RecForgeError('import', `${ADAPTER_WEIGHTS_FILE}: ${why}`, { file: ADAPTER_WEIGHTS_FILE, field, expected });

/**
 * Loads the A/B matrices the config targets. Like PEFT, LoRA tensors of modules the config does not
 * target (another projection, a layer outside layers_to_transform) are ignored: not read, not applied.
 */
async function loadAdapter(port: FilePort, dir: string, base: LmConfig): Promise<LoraAdapter> {
  const config = parseLoraConfig(await readJsonObjectFile(port, joinPath(dir, ADAPTER_CONFIG_FILE)));
  const file = await openSafetensors(port, joinPath(dir, ADAPTER_WEIGHTS_FILE));
  for (const name of file.entries.keys()) {
    if (parseLoraTensorName(name) === null) throw adapterError(`unexpected tensor ${name}`, name, 'base_model.model.<module>.lora_{A,B}.weight');
  }
  const expected = expectedLoraShapes(base, config);
  for (const [name, shape] of expected) {
    const got = file.entries.get(name)?.shape;
    if (got === undefined) throw adapterError(`missing tensor ${name}`, name, `shape [${shape.join(', ')}]`);
    if (!sameShape(got, shape)) throw adapterError(`tensor ${name} has shape [${got.join(', ')}]`, name, `shape [${shape.join(', ')}]`);
  }
  const tensors = await readFloatTensors(file, expected, (name) => adapterError(`tensor ${name} is not a float matrix`, name, 'a 2-D float tensor'));
  return { config, tensors };
}

const TAG_KEY = 'recforge_tag';
const NOTE_KEY = 'recforge_note';

async function saveTensors(port: FilePort, file: string, tensors: ReadonlyMap<string, tf.Tensor>, tag: string, note = ''): Promise<void> {
  await port.writeBytes(file, await encodeF32Tensors(tensors, { format: 'pt', [TAG_KEY]: tag, [NOTE_KEY]: note }));
}

/** Anything but a readable file with the tag is "no checkpoint": the stage is simply trained again. */
async function loadTensors(port: FilePort, file: string, tag: string): Promise<{ tensors: Map<string, tf.Tensor>; note: string } | null> {
  if ((await port.fileSize(file)) === null) return null;
  try {
    const opened = await openSafetensors(port, file);
    if (opened.metadata[TAG_KEY] !== tag) return null;
    const shapes = [...opened.entries].map(([name, entry]): [string, readonly number[]] => [name, entry.shape]);
    const tensors = await readFloatTensors(opened, shapes, (name) => new RecForgeError('import', `${file}: ${name} is not F32`));
    return { tensors, note: opened.metadata[NOTE_KEY] ?? '' };
  } catch (err) {
    if (err instanceof RecForgeError) return null;
    throw err;
  }
}

/** The RecipeFiles of a runner whose bytes go through `port`. */
export function recipeFilesOver(port: FilePort): RecipeFiles {
  return {
    loadModelFolder: (dir) => loadModelFolder(port, dir),
    saveModelFolder: (dir, config, weights, tokenizer) => saveModelFolder(port, dir, config, weights, tokenizer),
    saveAdapter: (dir, adapter) => saveAdapter(port, dir, adapter),
    loadAdapter: (dir, base) => loadAdapter(port, dir, base),
    saveTensors: (file, tensors, tag, note) => saveTensors(port, file, tensors, tag, note),
    loadTensors: (file, tag) => loadTensors(port, file, tag),
    writeText: (file, text) => writeTextFile(port, file, text),
    readText: (file) => readTextFile(port, file),
  };
}
