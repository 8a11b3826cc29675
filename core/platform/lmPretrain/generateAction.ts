/**
 * "Try the model" on a finished pretraining run: greedy continuation of a prompt by the exported
 * HF folder (e.g. a user's last titles → the next ones), so users see what it learned. The model
 * is loaded per call and freed after; small pretrained models load in milliseconds.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { greedyDecode } from '../../models/lm/generate';
import type { LmGenerateArgs, LmGenerateResult } from '../../protocol/recipeActions';
import { loadHfCheckpoint } from '../hf/checkpoint';
import { loadTokenizerFolder } from '../hf/tokenizerFolder';

/** Continues `args.prompt` in the run's exported model (`modelPath` relative to the run folder). */
export async function generateFromRun(runDir: string, modelPath: string, args: LmGenerateArgs): Promise<LmGenerateResult> {
  const dir = path.join(runDir, modelPath);
  const tokenizer = await loadTokenizerFolder(dir);
  const { config, weights } = await loadHfCheckpoint(dir);
  try {
    const prompt = [...(tokenizer.bosId === undefined ? [] : [tokenizer.bosId]), ...tokenizer.encode(args.prompt)];
    const ids = await greedyDecode(config, weights, prompt, { maxNewTokens: args.maxNewTokens });
    return { prompt: args.prompt, continuation: tokenizer.decode(ids, { skipSpecial: true }), tokens: ids.length };
  } finally {
    tf.dispose([...weights.values()]);
  }
}
