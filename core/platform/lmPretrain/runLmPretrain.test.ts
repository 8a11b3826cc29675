import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeKvCache, lmForward } from '../../models/lm/forward';
import { disposeWeights } from '../../models/lm/weights';
import { tinyPretrainDataset, tinyPretrainSettings } from '../../recipes/lmPretrain/fixtures';
import { planPretrain } from '../../recipes/lmPretrain/plan';
import { parseLmPretrainSettings } from '../../recipes/lmPretrain/settings';
import { evaluateLmLoss } from '../../recipes/lmPretrain/valLoss';
import { useTensorSuite } from '../../testing/tensorSuite';
import { LM_CHECKPOINT_NAME, decodeLmCheckpoint, disposeLmCheckpoint } from '../../train/lm/checkpoint';
import type { LmConfig } from '../../models/lm/config';
import { createBpeTokenizer } from '../../text/tokenizer/bpeTokenizer';
import { loadHfCheckpoint } from '../hf/checkpoint';
import { loadTokenizerFolder } from '../hf/tokenizerFolder';
import { readRunState } from './runState';
import { runLmPretrain } from './runLmPretrain';
import { recordingIo } from './testIo';

useTensorSuite();

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const dataset = tinyPretrainDataset();
const settings = parseLmPretrainSettings(tinyPretrainSettings({ steps: 6 }));

async function logitsOf(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, ids: number[]): Promise<Float32Array> {
  const input = tf.tensor2d([ids], undefined, 'int32');
  const { logits, cache } = lmForward(c, weights, input);
  const out = (await logits.data()) as Float32Array;
  tf.dispose([input, logits]);
  disposeKvCache(cache);
  return out;
}

describe('runLmPretrain', () => {
  it('exports an HF folder that loads back to the same tokenizer, logits and validation loss', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmp-run-'));
    const { io, losses } = recordingIo(dir);
    const out = await runLmPretrain({ runId: 'r', dataset }, settings, io);
    expect(out).toMatchObject({ status: 'done', steps: 6 });
    if (out.status !== 'done' || out.valLoss === null) throw new Error('expected a finished run with a validation loss');
    expect([...losses.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.valLoss.perplexity).toBeCloseTo(Math.exp(out.valLoss.value), 6);

    const state = await readRunState(io.checkpointDir);
    const own = createBpeTokenizer(state?.bpe ?? (null as never));
    const loadedTok = await loadTokenizerFolder(io.modelDir);
    const text = 'A user interacted with: Red River (1990); Silver Song';
    const ids = own.encode(text);
    expect(loadedTok.encode(text)).toEqual(ids);
    expect([loadedTok.eosId, loadedTok.padId, loadedTok.vocabSize]).toEqual([own.eosId, own.padId, own.vocabSize]);

    const loaded = await loadHfCheckpoint(io.modelDir);
    const trained = await decodeLmCheckpoint(new Uint8Array(await readFile(path.join(io.checkpointDir, LM_CHECKPOINT_NAME))));
    expect(loaded.config.vocabSize).toBe(own.vocabSize);
    expect(Array.from(await logitsOf(loaded.config, loaded.weights, ids))).toEqual(Array.from(await logitsOf(loaded.config, trained.params, ids)));

    const plan = planPretrain(dataset, settings, state?.bpe);
    const again = await evaluateLmLoss(loaded.config, loaded.weights, plan.encoded.val, { maxLen: settings.maxLen, batchSize: 3, padId: loadedTok.padId });
    expect(again?.value).toBeCloseTo(out.valLoss.value, 5);
    disposeWeights(loaded.weights);
    disposeLmCheckpoint(trained);
  });

  it('resumes a cancelled run with the persisted tokenizer, and refuses a resume on changed settings', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmp-run-'));
    const first = recordingIo(dir, 4);
    expect(await runLmPretrain({ runId: 'r', dataset }, settings, first.io)).toEqual({ status: 'cancelled', steps: 4 });
    const changed = parseLmPretrainSettings(tinyPretrainSettings({ steps: 6, seed: 6 }));
    await expect(runLmPretrain({ runId: 'r', dataset, resume: true }, changed, recordingIo(dir).io)).rejects.toThrow(/cannot resume/);
    const second = recordingIo(dir);
    expect(await runLmPretrain({ runId: 'r', dataset, resume: true }, settings, second.io)).toMatchObject({ status: 'done', steps: 6 });
    expect([...second.losses.keys()]).toEqual([4, 5, 6]); // checkpoint at step 3 (checkpointEvery 3)
  });
});
