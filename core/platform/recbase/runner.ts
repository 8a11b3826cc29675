/**
 * 'recbase' as a RecipeRunner: the workspace's domains become a corpus (sourceCorpus.ts), one
 * domain is held out, and runRecBase fits RQ-VAE and CL-VAE side by side, pre-trains the code
 * decoder, scores the held-out domain zero-shot and after fine-tuning. The run reports stages,
 * the quantiser losses ('train' events, series CL-VAE / RQ-VAE), the decoder's LM events, the
 * tokenizer table, the AUCs with their protocol, and writes the ID table and the quantiser.
 * The trained decoders (pre-trained, fine-tuned) are kept under checkpoints/stages/: a resumed run
 * re-fits the quantisers (seeded, quick) and restores the decoders when the semantic IDs agree.
 */
import { cacheHooks, outcomeOf, runStageCheckpoints, type RecipeRunEvent, type RecipeRunIo, type RecipeRunner, type RecipeSource } from '../../recipes/runner';
import type { TrainPoint } from '../../protocol/dto';
import { disposeWeights } from '../../models/lm/weights';
import { writeRecBaseArtifacts } from './artifacts';
import { nodeRecipeFiles } from '../recipeFiles';
import { runFingerprint } from '../../recipes/llm/stageCheckpoints';
import type { RecBaseConfig } from '../../recipes/recbase/config';
import { FINETUNE_RUN, type EvalPass, type EvalProgress } from '../../recipes/recbase/decoderStages';
import { aucMetrics, TOKENIZER_NAMES, tokenizerTable } from '../../recipes/recbase/report';
import { runRecBase } from '../../recipes/recbase/runRecBase';
import type { RecBaseEvent } from '../../recipes/recbase/runRecBase';
import { recBaseConfig, recBaseSettingsSchema } from '../../recipes/recbase/settings';
import type { RecBaseSettings } from '../../recipes/recbase/settings';
import { sourceCorpus } from '../../recipes/recbase/sourceCorpus';
import { RECBASE_STAGES } from '../../recipes/recbase/stages';

export { RECBASE_STAGES };
import type { QuantiserVariant } from '../../recipes/recbase/trainQuantiser';



/** Decoder loss series names. */
const LM_SERIES = { pretrain: 'code LM pre-training', finetune: 'code LM fine-tuning' } as const;
const seriesOf = (runId: string): string => (runId === FINETUNE_RUN ? LM_SERIES.finetune : LM_SERIES.pretrain);

/** Quantiser losses are sent in batches of this many points. */
const POINTS_PER_EVENT = 10;

/** Turns quantiser losses into 'train' events, POINTS_PER_EVENT points at a time. */
function quantiserLossEmitter(io: RecipeRunIo, lr: number): (e: Extract<RecBaseEvent, { kind: 'tokenizer-loss' }>) => void {
  const pending = new Map<QuantiserVariant, TrainPoint[]>();
  const started = new Map<QuantiserVariant, number>();
  return (e) => {
    if (!started.has(e.variant)) started.set(e.variant, io.now());
    const points = pending.get(e.variant) ?? [];
    points.push({ step: e.step, epoch: 0, loss: e.loss, lr });
    pending.set(e.variant, points);
    if (points.length < POINTS_PER_EVENT && e.step < e.totalSteps) return;
    const perStep = (io.now() - (started.get(e.variant) ?? 0)) / e.step;
    const progress = { step: e.step, totalSteps: e.totalSteps, epoch: 0, epochs: 1, etaSeconds: (perStep * (e.totalSteps - e.step)) / 1000, phase: 'train' as const };
    io.emit({ kind: 'train', series: TOKENIZER_NAMES[e.variant], points: [...points], progress });
    pending.set(e.variant, []);
  };
}

/** Progress-only series of the evaluations (the bar and ETA follow them; they add no loss points). */
const EVAL_SERIES: Readonly<Record<EvalPass, string>> = { 'zero-shot': 'zero-shot evaluation', 'fine-tuned': 'fine-tuned evaluation' };

/** Turns evaluation progress into point-less 'train' events of phase 'eval', with an ETA from the pace so far. */
function evalProgressEmitter(io: RecipeRunIo): (p: EvalProgress) => void {
  let started = 0;
  return (p) => {
    if (p.done === 0) started = io.now();
    const perCase = p.done > 0 ? (io.now() - started) / p.done : null;
    const etaSeconds = perCase === null ? null : (perCase * (p.total - p.done)) / 1000;
    const progress = { step: p.done, totalSteps: p.total, epoch: 0, epochs: 1, etaSeconds, phase: 'eval' as const };
    io.emit({ kind: 'train', series: EVAL_SERIES[p.pass], points: [], progress });
  };
}

async function runOnce(config: RecBaseConfig, sources: readonly RecipeSource[], corpus: ReturnType<typeof sourceCorpus>, io: RecipeRunIo): Promise<void> {
  const emit = (e: RecipeRunEvent): void => io.emit(e);
  const onLoss = quantiserLossEmitter(io, config.quantiser.lr);
  // A stage file is only reused by the run that wrote it: same settings and data (and, per decoder, the same IDs).
  const fingerprint = runFingerprint({ recipe: 'recbase', version: 2, config }, sources);
  const result = await runRecBase({ corpus: corpus.corpus, itemTexts: corpus.texts }, config, {
    stages: runStageCheckpoints(nodeRecipeFiles, io, fingerprint),
    ...cacheHooks(io, seriesOf),
    onEvent: (e) => (e.kind === 'stage' ? emit({ kind: 'stage', stage: e.stage }) : onLoss(e)),
    emit: (runId, event) => emit({ kind: 'lm', series: seriesOf(runId), event }),
    onEvalProgress: evalProgressEmitter(io),
    isCancelled: () => io.isCancelled(),
    yieldToEventLoop: () => io.yieldToEventLoop(),
    now: () => io.now(),
  });
  try {
    emit({ kind: 'table', table: tokenizerTable(result, config) });
    emit({ kind: 'metrics', metrics: aucMetrics(result, config) });
    const artifacts = await writeRecBaseArtifacts(io.runDir, result.exported, config.quantiser.levels, config.quantiser.codes);
    for (const artifact of artifacts) emit({ kind: 'artifact', artifact });
  } finally {
    disposeWeights(result.decoder.weights);
  }
}

export const recbaseRunner: RecipeRunner<RecBaseSettings> = {
  id: 'recbase',
  settings: recBaseSettingsSchema,
  async run(input, io) {
    if (io.isCancelled()) return { status: 'cancelled' };
    io.emit({ kind: 'stage', stage: 'data' });
    const corpus = sourceCorpus(input.sources);
    const config = recBaseConfig(input.settings, corpus.corpus.domains.map((d) => d.name));
    return outcomeOf(() => runOnce(config, input.sources, corpus, io));
  },
};
