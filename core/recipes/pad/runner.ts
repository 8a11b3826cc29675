/**
 * 'pad' as a RecipeRunner: one source (the `domain` setting, default the first) gets a cold-item
 * split; for every seed PAD (pre-train → align → fine-tune) and the SASRec baseline train on its
 * warm part and are evaluated on warm and cold items. The run reports stages, one loss series per
 * model and seed ("PAD seed 1"), per-seed and mean metrics, and the PAD-vs-SASRec table.
 * Stage ids: split, pretrain, align, finetune, baseline, evaluate.
 */
import { RecForgeError } from '../../errors';
import type { RecipeRunIo, RecipeRunner } from '../runner';
import { drawPadCandidates, type PadCandidates } from './padCandidates';
import { compareOneSeed, type HooksFor, type PadModel, type SeedResult } from './padCompare';
import { chooseSource, neededMaxLen, padDataFromSource } from './padData';
import type { PadHooks } from './padLoop';
import { gateTable, meanMetrics, padTable, seedMetrics, type PadReportContext } from './padReport';
import { padEval, padSeeds, padSettingsSchema, totalEpochs, type PadSettings } from './settings';
import { isCancellation } from '../runner';
import { TrainEventSink } from './trainEvents';

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

async function runSeeds(s: PadSettings, data: ReturnType<typeof padDataFromSource>, candidates: PadCandidates, ctx: PadReportContext, io: RecipeRunIo): Promise<SeedResult[] | null> {
  const sink = new TrainEventSink(io, 2 * totalEpochs(s) * s.seeds);
  const results: SeedResult[] = [];
  for (const seed of padSeeds(s)) {
    if (io.isCancelled()) return null;
    const r = await compareOneSeed(data, candidates, s, seed, hooksFor(io, sink, s));
    results.push(r);
    io.emit({ kind: 'metrics', metrics: seedMetrics(r, ctx) });
  }
  return results;
}

export const padRunner: RecipeRunner<PadSettings> = {
  id: 'pad',
  settings: padSettingsSchema,
  async run(input, io) {
    io.emit({ kind: 'stage', stage: 'split' });
    const source = chooseSource(input.sources, input.settings.domain);
    const data = padDataFromSource(source, input.settings);
    const s = { ...input.settings, maxLen: neededMaxLen(data.split, input.settings.maxLen) };
    if (data.split.test.user.length === 0) throw new RecForgeError('validation', `domain '${source.name}' has no cold test cases: raise the cold share`, { file: 'settings', field: 'coldFraction' });
    const candidates = drawPadCandidates(data.split, data.coldItems, padEval(s));
    const ctx: PadReportContext = { domain: source.name, settings: s };
    let results: SeedResult[] | null;
    try {
      results = await runSeeds(s, data, candidates, ctx, io);
    } catch (err) {
      if (isCancellation(err)) return { status: 'cancelled' };
      throw err;
    }
    if (results === null) return { status: 'cancelled' };
    io.emit({ kind: 'metrics', metrics: meanMetrics(results, ctx) });
    io.emit({ kind: 'table', table: padTable(results, ctx) });
    const gates = gateTable(results);
    if (gates !== null) io.emit({ kind: 'table', table: gates });
    return { status: 'done' };
  },
};
