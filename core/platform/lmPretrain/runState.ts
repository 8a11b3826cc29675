/**
 * What a pretraining run must keep besides the trainer's checkpoint to resume exactly: the BPE
 * model it trained (token ids of every example depend on it) and a fingerprint of its dataset and
 * settings, so a resume against changed data or settings is refused instead of continuing a
 * different run. One JSON file, written atomically with a .sha256 sidecar before training starts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { PretrainDataset } from '../../recipes/lmPretrain/corpus';
import type { LmPretrainSettings } from '../../recipes/lmPretrain/settings';
import type { BpeModel } from '../../text/tokenizer/bpeModel';
import { sha256Hex, verifyChecksum, writeFileAtomicWithChecksum } from '../atomicWrite';

/** File name inside the run's checkpoint folder. */
export const PRETRAIN_STATE_FILE = 'lm-pretrain-state.json';

/** The persisted state. */
export interface PretrainRunState {
  readonly version: 1;
  readonly fingerprint: string; // sha256 of dataset + settings
  readonly bpe: BpeModel;
}

/** sha256 of the dataset and settings (typed arrays as plain arrays, so the JSON is stable). */
export function pretrainFingerprint(dataset: PretrainDataset, settings: LmPretrainSettings): string {
  const data = { items: dataset.items, users: dataset.userSequences.map((s) => Array.from(s)) };
  return sha256Hex(JSON.stringify({ settings, data }));
}

/** Writes the state (atomic + checksum). */
export async function writeRunState(dir: string, state: PretrainRunState): Promise<void> {
  await writeFileAtomicWithChecksum(path.join(dir, PRETRAIN_STATE_FILE), JSON.stringify(state));
}

/** The state, null when absent; RecForgeError('validation') when it fails its checksum. */
export async function readRunState(dir: string): Promise<PretrainRunState | null> {
  const file = path.join(dir, PRETRAIN_STATE_FILE);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  if (!(await verifyChecksum(file))) throw new RecForgeError('validation', `${PRETRAIN_STATE_FILE} does not match its .sha256 checksum`, { file, expected: 'the checksum written with it' });
  const state = JSON.parse(text) as PretrainRunState;
  if (state.version !== 1) throw new RecForgeError('validation', `${PRETRAIN_STATE_FILE} has unknown version ${String(state.version)}`, { file, field: 'version', expected: '1' });
  return state;
}
