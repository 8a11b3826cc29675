/**
 * The product of a pretraining run: a Hugging Face folder (config.json, model.safetensors,
 * tokenizer.json, tokenizer_config.json) that loadHfCheckpoint + loadTokenizerFolder read back as
 * a 'provided' model for every LM recipe. Weights come from the run's final trainer checkpoint,
 * whose full-model parameters already carry HF tensor names.
 */
import type { LmConfig } from '../../models/lm/config';
import type { LmCheckpoint } from '../../train/lm/checkpoint';
import { bpeModelToHfFiles } from '../../text/tokenizer/hfJson';
import type { BpeModel } from '../../text/tokenizer/bpeModel';
import { saveHfCheckpoint } from '../hf/checkpoint';
import { saveTokenizerFolder } from '../hf/tokenizerFolder';

/** Writes the folder (created if needed); tokenizer first, so config.json last marks it complete. */
export async function exportPretrainedModel(dir: string, config: LmConfig, ckpt: LmCheckpoint, bpe: BpeModel): Promise<void> {
  await saveTokenizerFolder(dir, bpeModelToHfFiles(bpe));
  await saveHfCheckpoint(dir, config, ckpt.params);
}
