/**
 * 'pad' as a RecipeRunner: one source (the `domain` setting, default the first) gets a cold-item
 * split; for every seed PAD (pre-train → align → fine-tune) and the SASRec baseline train on its
 * warm part and are evaluated on warm and cold items. The run reports stages, one loss series per
 * model and seed ("PAD seed 1"), per-seed and mean metrics, and the PAD-vs-SASRec table.
 * Stage ids: split, pretrain, align, finetune, baseline, evaluate. Each finished seed is a stage
 * checkpoint (`seed-<n>`, its result as the note); a resumed run reuses those seeds and trains only
 * the rest.
 */
import { RecForgeError } from '../../errors';
import { parseFinite, stringifyFinite } from '../finiteJson';
import type { RecipeFiles } from '../llm/recipeFiles';
import { runFingerprint, type StageCheckpoints } from '../llm/stageCheckpoints';
import type { RecipeRunInput, RecipeRunIo, RecipeRunner } from '../runner';
import { drawPadCandidates, type PadCandidates } from './padCandidates';
import { compareOneSeed, type HooksFor, type PadModel, type SeedResult } from './padCompare';
import { chooseSource, neededMaxLen, padDataFromSource } from './padData';
import type { PadHooks } from './padLoop';
import { gateTable, meanMetrics, padTable, seedMetrics, type PadReportContext } from './padReport';
import { padEval, padSeeds, padSettingsSchema, totalEpochs, type PadSettings } from './settings';
import { isCancellation, runStageCheckpoints } from '../runner';
import { TrainEventSink } from './trainEvents';
import type { PadData } from './trainPad';

const SERIES: Readonly<Record<PadModel, string>> = { pad: 'PAD', sasrec: 'SASRec' };

/** Hooks that turn one model's training into stage and 'train' events of its own series. */
function hooksFor(io: RecipeRunIo, sink: TrainEventSink, s: PadSettings): HooksFor {
  return (model: PadModel, seed: number): PadHooks => {
    const series = `${SERIES[model]} seed ${seed}`;
    let step = 0;
    return {
      onPhase: (phase) => io.emit({ kind: 'stage', stage: phase }),
      onProgress: (p) => {
        step += 1;
        sink.point(series, { step, epoch: step, epochs: totalEpochs(s), loss: p.loss, lr: s.learningRate });
      },
      onEvaluate: () => io.emit({ kind: 'stage', stage: 'evaluate' }),
      yieldToEventLoop: () => io.yieldToEventLoop(),
      isCancelled: () => io.isCancelled(),
    };
  };
}

/** Everything the seeds of one run share. */
interface PadRun {
  readonly s: PadSettings;
  readonly data: PadData;
  readonly candidates: PadCandidates;
  readonly ctx: PadReportContext;
  readonly stages: StageCheckpoints;
}

/** One seed's PAD-vs-SASRec result: trained, or restored from its checkpoint (then its epochs leave the progress budget). */
async function seedResult(run: PadRun, seed: number, sink: TrainEventSink, io: RecipeRunIo): Promise<SeedResult> {
  const out = await run.stages.through(`seed-${seed}`, async () => {
    const r = await compareOneSeed(run.data, run.candidates, run.s, seed, hooksFor(io, sink, run.s));
    return { tensors: new Map(), note: stringifyFinite(r) };
  });
  if (out.restored) sink.restored(2 * totalEpochs(run.s));
  return parseFinite(out.note ?? '{}') as SeedResult;
}

async function runSeeds(run: PadRun, io: RecipeRunIo): Promise<SeedResult[] | null> {
  const sink = new TrainEventSink(io, 2 * totalEpochs(run.s) * run.s.seeds);
  const results: SeedResult[] = [];
  for (const seed of padSeeds(run.s)) {
    if (io.isCancelled()) return null;
    const r = await seedResult(run, seed, sink, io);
    results.push(r);
    io.emit({ kind: 'metrics', metrics: seedMetrics(r, run.ctx) });
  }
  return results;
}

/** Cold-item split, candidate sets and the settings the seeds run with; settings errors surface here, before any training. */
function prepareRun(files: RecipeFiles, input: RecipeRunInput<PadSettings>, io: RecipeRunIo): PadRun {
  io.emit({ kind: 'stage', stage: 'split' });
  const source = chooseSource(input.sources, input.settings.domain);
  const data = padDataFromSource(source, input.settings);
  const s = { ...input.settings, maxLen: neededMaxLen(data.split, input.settings.maxLen) };
  if (data.split.test.user.length === 0) throw new RecForgeError('validation', `domain '${source.name}' has no cold test cases: raise the cold share`, { file: 'settings', field: 'coldFraction' });
  const candidates = drawPadCandidates(data.split, data.coldItems, padEval(s));
  // A seed's numbers are only comparable under one protocol: its file is reused only under the same effective settings and domain.
  const fingerprint = runFingerprint({ recipe: 'pad', version: 2, settings: s, domain: source.name }, [source]);
  return { s, data, candidates, ctx: { domain: source.name, settings: s }, stages: runStageCheckpoints(files, io, fingerprint) };
}

function reportRun(results: readonly SeedResult[], ctx: PadReportContext, io: RecipeRunIo): void {
  io.emit({ kind: 'metrics', metrics: meanMetrics(results, ctx) });
  io.emit({ kind: 'table', table: padTable(results, ctx) });
  const gates = gateTable(results);
  if (gates !== null) io.emit({ kind: 'table', table: gates });
}

/** The 'pad' runner; finished seeds are stage checkpoints written through `files`. */
export function createPadRunner(files: RecipeFiles): RecipeRunner<PadSettings> {
  return {
    id: 'pad',
    settings: padSettingsSchema,
    async run(input, io) {
      const run = prepareRun(files, input, io);
      let results: SeedResult[] | null;
      try {
        results = await runSeeds(run, io);
      } catch (err) {
        if (isCancellation(err)) return { status: 'cancelled' };
        throw err;
      }
      if (results === null) return { status: 'cancelled' };
      reportRun(results, run.ctx, io);
      return { status: 'done' };
    },
  };
}
