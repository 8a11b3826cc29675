/**
 * Acceptance: a pretraining run killed with SIGKILL mid-epoch in another process and resumed here
 * gives, for every following step, the loss an uninterrupted run with the same seed has (≤ 1e-5).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tinyPretrainDataset, tinyPretrainSettings } from '../../recipes/lmPretrain/fixtures';
import { parseLmPretrainSettings } from '../../recipes/lmPretrain/settings';
import { useTensorSuite } from '../../testing/tensorSuite';
import { LM_CHECKPOINT_NAME } from '../../train/lm/checkpoint';
import { checkpointMetadata } from './checkpointMeta';
import type { PretrainChildSpec } from './pretrainChild';
import { runLmPretrain } from './runLmPretrain';
import { recordingIo } from './testIo';

useTensorSuite();

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const STEPS = 12;
const settingsInput = tinyPretrainSettings({ steps: STEPS, checkpointEvery: 3 });
const dataset = tinyPretrainDataset();

let dir = '';
let child: ChildProcess | null = null;
afterEach(async () => {
  child?.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Complete "<step> <loss>" lines of the child's log (a line cut by the kill is ignored). */
async function loggedLosses(file: string): Promise<Map<number, number>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split('\n').slice(0, -1);
  return new Map(lines.map((l) => l.split(' ').map(Number) as [number, number]));
}

async function checkpointInfo(file: string): Promise<{ step: number; cursor: number } | null> {
  const bytes = await readFile(file).catch(() => null);
  const meta = bytes === null ? null : checkpointMetadata(new Uint8Array(bytes));
  if (!meta?.['step']) return null;
  const data = JSON.parse(meta['data'] ?? '{}') as Record<string, { cursor: number }>;
  return { step: Number(meta['step']), cursor: Object.values(data)[0]?.cursor ?? 0 };
}

/** Starts the child run and kills it once a checkpoint exists and a later step is logged. */
async function runAndKill(spec: PretrainChildSpec): Promise<NodeJS.Signals | null> {
  const specFile = path.join(dir, 'spec.json');
  await writeFile(specFile, JSON.stringify(spec));
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'pretrainChild.ts'), specFile], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  child = proc;
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
  const ckptFile = path.join(spec.checkpointDir, LM_CHECKPOINT_NAME);
  for (let waited = 0; waited < 25_000; waited += 20) {
    if (proc.exitCode !== null) throw new Error(`child exited early (${proc.exitCode}): ${stderr}`);
    const ckpt = await checkpointInfo(ckptFile);
    const logged = await loggedLosses(spec.lossLog);
    if (ckpt !== null && Math.max(0, ...logged.keys()) > ckpt.step) {
      proc.kill('SIGKILL');
      return exited;
    }
    await sleep(20);
  }
  throw new Error(`child never reached a checkpoint: ${stderr}`);
}

describe('kill -9 and resume', () => {
  it('a run killed mid-epoch resumes with the losses of an uninterrupted run (same seed)', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmp-kill-'));
    const killedDir = path.join(dir, 'killed');
    const signal = await runAndKill({
      checkpointDir: path.join(killedDir, 'checkpoints'),
      modelDir: path.join(killedDir, 'model'),
      lossLog: path.join(dir, 'loss.log'),
      dataset: { items: dataset.items, userSequences: dataset.userSequences.map((s) => Array.from(s)) },
      settings: settingsInput,
      stepDelayMs: 30,
      stallAfterStep: 7,
    });
    expect(signal).toBe('SIGKILL');

    const ckpt = await checkpointInfo(path.join(killedDir, 'checkpoints', LM_CHECKPOINT_NAME));
    const beforeKill = await loggedLosses(path.join(dir, 'loss.log'));
    expect(ckpt?.step).toBeGreaterThanOrEqual(3);
    expect(ckpt?.cursor).toBeGreaterThan(0); // mid-epoch: the data position is inside an epoch
    expect(Math.max(...beforeKill.keys())).toBeGreaterThan(ckpt?.step ?? Infinity); // work after it was lost

    const settings = parseLmPretrainSettings(settingsInput);
    const straight = recordingIo(path.join(dir, 'straight'));
    await runLmPretrain({ runId: 'straight', dataset }, settings, straight.io);
    const resumed = recordingIo(killedDir);
    expect(await runLmPretrain({ runId: 'child', dataset, resume: true }, settings, resumed.io)).toMatchObject({ status: 'done', steps: STEPS });

    const start = ckpt?.step ?? 0;
    expect([...resumed.losses.keys()]).toEqual(Array.from({ length: STEPS - start }, (_, i) => start + 1 + i));
    for (const [step, loss] of [...resumed.losses, ...beforeKill]) {
      expect(Math.abs(loss - (straight.losses.get(step) ?? NaN))).toBeLessThan(1e-5);
    }
  });
});
