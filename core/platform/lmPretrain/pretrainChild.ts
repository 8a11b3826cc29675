/**
 * A pretraining run in its own process, for the kill-and-resume acceptance test
 * (`node --import tsx pretrainChild.ts <spec.json>`). It appends every step's loss to a log as
 * soon as the step is done (a fake clock makes the trainer emit each point at once) and, after
 * `stallAfterStep`, stops making progress so the parent's SIGKILL always lands mid-run.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import type { PretrainDataset } from '../../recipes/lmPretrain/corpus';
import { parseLmPretrainSettings } from '../../recipes/lmPretrain/settings';
import { initBackend } from '../../tensor/backend';
import { runLmPretrain } from './runLmPretrain';

/** The JSON file the parent writes. */
export interface PretrainChildSpec {
  readonly checkpointDir: string;
  readonly modelDir: string;
  readonly lossLog: string; // "<step> <loss>\n" per update
  readonly dataset: { readonly items: PretrainDataset['items']; readonly userSequences: readonly number[][] };
  readonly settings: unknown;
  readonly stepDelayMs: number; // pause after every update
  readonly stallAfterStep: number; // from this step on, wait (for the kill) instead of continuing
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(specFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as PretrainChildSpec;
  await initBackend({ prefer: ['wasm'] }); // the parent's backend: same kernels, same numbers
  let step = 0;
  let clock = 0;
  await runLmPretrain({ runId: 'child', dataset: spec.dataset }, parseLmPretrainSettings(spec.settings), {
    checkpointDir: spec.checkpointDir,
    modelDir: spec.modelDir,
    emit: (e) => {
      if (e.kind !== 'progress') return;
      for (const p of e.points) appendFileSync(spec.lossLog, `${p.step} ${p.loss}\n`);
      step = e.progress.step;
    },
    isCancelled: () => false,
    yieldToEventLoop: () => sleep(step >= spec.stallAfterStep ? 600_000 : spec.stepDelayMs),
    now: () => (clock += 1000),
  });
}

const specFile = process.argv[2];
if (specFile === undefined) throw new Error('usage: pretrainChild.ts <spec.json>');
await main(specFile);
