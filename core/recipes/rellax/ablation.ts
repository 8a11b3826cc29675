/**
 * The ReLLaX ablation (paper Table 4 style): base (ReLLa: recent-K, plain LoRA), +SUBR, +SPA,
 * +CFLoRA and the full model, each scored by AUC and LogLoss on the same test samples. Shared
 * across variants: vocabulary, the tiny decoder (random init — no pretrained LM is available
 * offline), SUBR semantic vectors, the frozen CRM and one stage-1 LoRA per retrieval mode.
 */
import * as tf from '@tensorflow/tfjs';
import { parseLmConfig, type LmConfig } from '../../models/lm/config';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { disposeLoraAdapter, parseLoraTensorName, type LoraAdapter } from '../../models/lora/adapter';
import { createRng, mixSeed } from '../../train/rng';
import { initCfloraGate } from './cflora';
import type { CtrDataset, CtrSample } from './ctrData';
import { ctrMetrics, predictCtr } from './ctrEval';
import type { PadHooks } from '../pad/padLoop';
import { trainCrm, type Crm } from './crm';
import { answerToken, buildPrompt, exampleTokenBound, type Prompt } from './prompt';
import type { RellaxSettings } from './settings';
import { initSpaProjector } from './spa';
import { trainStage2 } from './stage2';
import { rellaxLoraConfig, trainReLLaLora, type RellaxHooks } from './stage1';
import { TRAIN_EVERY_STAGE, type StageOutput } from '../llm/stageCheckpoints';
import { parseFinite, stringifyFinite } from '../finiteJson';
import { recentPositions, relevantPositions, semanticVectors } from './subr';
import { buildVocab, type Vocab } from './vocab';

/** One ablation variant. */
export interface RellaxVariant {
  readonly name: string;
  readonly subr: boolean;
  readonly spa: boolean;
  readonly cflora: boolean;
}

/** The five variants of the ablation table (base = ReLLa: recent-K prompts, plain LoRA). */
export const RELLAX_VARIANTS: readonly RellaxVariant[] = [
  { name: 'base', subr: false, spa: false, cflora: false },
  { name: '+SUBR', subr: true, spa: false, cflora: false },
  { name: '+SPA', subr: false, spa: true, cflora: false },
  { name: '+CFLoRA', subr: false, spa: false, cflora: true },
  { name: 'full', subr: true, spa: true, cflora: true },
];

/** Variants with something to train in stage 2. */
export function stage2Variants(variants: readonly RellaxVariant[] = RELLAX_VARIANTS): number {
  return variants.filter((v) => v.spa || v.cflora).length;
}

/** A table row. */
export interface AblationRow extends RellaxVariant {
  readonly auc: number;
  readonly logLoss: number;
}

/** How the table was measured. */
export interface RellaxProtocol extends Readonly<CtrDataset['protocol']> {
  readonly trainSamples: number;
  readonly testSamples: number;
  readonly trainPositiveRate: number;
  readonly testPositiveRate: number;
  readonly k: number;
  readonly seed: number;
  readonly lm: string;
  readonly stage1Steps: number;
  readonly stage2Steps: number;
}

/** The table and how it was measured. */
export interface RellaxAblation {
  readonly rows: AblationRow[];
  readonly protocol: RellaxProtocol;
}

interface Shared {
  readonly config: LmConfig;
  readonly base: Map<string, tf.Tensor>;
  readonly vocab: Vocab;
  readonly vectors: Float64Array;
  readonly crm: Crm;
}

/** The random-init decoder; its positions reach the longest example the settings allow (K = 50 × 32 words is ~1,800 tokens). */
export function tinyConfig(s: RellaxSettings, vocabSize: number): LmConfig {
  const positions = Math.max(1024, exampleTokenBound(s.k, s.maxItemTokens));
  return parseLmConfig({ model_type: 'llama', vocab_size: vocabSize, hidden_size: s.lmHidden, intermediate_size: s.lmIntermediate, num_hidden_layers: s.lmLayers, num_attention_heads: s.lmHeads, max_position_embeddings: positions, tie_word_embeddings: false });
}

function prompts(sh: Shared, samples: readonly CtrSample[], s: RellaxSettings, subr: boolean, spa: boolean): Prompt[] {
  const dim = Math.min(s.pcaDim, sh.config.hiddenSize);
  return samples.map((x) => buildPrompt(x, subr ? relevantPositions(x.history, x.target, s.k, sh.vectors, dim) : recentPositions(x.history.length, s.k), sh.vocab, spa));
}

function stage2Params(sh: Shared, adapter: LoraAdapter, v: RellaxVariant, s: RellaxSettings): Map<string, tf.Tensor> {
  const params = new Map<string, tf.Tensor>();
  const rng = createRng(mixSeed(s.seed, 51));
  if (v.spa) initSpaProjector(params, sh.crm.dim, sh.config.hiddenSize, rng);
  if (v.cflora) {
    const modules = new Set([...adapter.tensors.keys()].map((n) => parseLoraTensorName(n)?.modulePath ?? ''));
    for (const m of [...modules].filter((x) => x !== '').sort()) initCfloraGate(params, m, sh.crm.dim, adapter.config.r, rng);
  }
  return params;
}

async function runVariant(sh: Shared, data: CtrDataset, adapter: LoraAdapter, v: RellaxVariant, s: RellaxSettings, hooks: RellaxHooks): Promise<AblationRow> {
  const ctx = { config: sh.config, base: sh.base, adapter, crm: sh.crm, spa: v.spa, cflora: v.cflora };
  const params = stage2Params(sh, adapter, v, s);
  try {
    if (params.size > 0) {
      hooks.onStage?.('stage2');
      await trainStage2(ctx, params, data.train, prompts(sh, data.train, s, v.subr, v.spa), s, v.name, hooks);
    }
    hooks.onStage?.('evaluate');
    const probs = await predictCtr(ctx, params, data.test, prompts(sh, data.test, s, v.subr, v.spa), 64, hooks.yieldToEventLoop?.bind(hooks));
    return { ...v, ...ctrMetrics(probs, data.test) };
  } finally {
    tf.dispose([...params.values()]);
  }
}

async function stage1For(sh: Shared, data: CtrDataset, s: RellaxSettings, subr: boolean, hooks: RellaxHooks): Promise<LoraAdapter> {
  hooks.onStage?.('stage1');
  const train = async (): Promise<StageOutput> => {
    const examples = prompts(sh, data.train, s, subr, false).map((p, i) => ({ tokens: [...p.tokens, answerToken(data.train[i]?.label ?? 0)], promptLength: p.tokens.length }));
    return { tensors: (await trainReLLaLora(sh.config, sh.base, examples, s, subr ? 'ReLLa LoRA (SUBR)' : 'ReLLa LoRA (recent)', hooks)).tensors };
  };
  const { tensors } = await (hooks.stages ?? TRAIN_EVERY_STAGE).through(subr ? 'stage1-subr' : 'stage1-recent', train);
  return { config: rellaxLoraConfig(s), tensors };
}

/**
 * A variant's row: restored when a resumed run scored it before (its stage file holds no tensors,
 * only the row), else trained and scored. Non-finite metrics (one-class test sets) survive JSON.
 */
async function rowFor(v: RellaxVariant, scored: () => Promise<AblationRow>, s: RellaxSettings, hooks: RellaxHooks): Promise<AblationRow> {
  const stage = `variant-${v.name.replace(/[^A-Za-z0-9]+/g, '')}`; // '+CFLoRA' → variant-CFLoRA
  const out = await (hooks.stages ?? TRAIN_EVERY_STAGE).through(stage, async () => ({ tensors: new Map(), note: stringifyFinite(await scored()) }));
  if (out.restored && stage2Variants([v]) > 0) hooks.onProgressRestored?.(s.stage2Steps);
  return parseFinite(out.note ?? '{}') as AblationRow;
}

function crmHooks(hooks: RellaxHooks): PadHooks {
  return {
    onProgress: (p) => hooks.onProgress?.({ series: 'CRM', step: p.epoch, loss: p.loss }),
    yieldToEventLoop: async () => { await hooks.yieldToEventLoop?.(); },
    isCancelled: () => hooks.isCancelled?.() === true,
  };
}

function protocolOf(data: CtrDataset, s: RellaxSettings, vocabSize: number): RellaxProtocol {
  const rate = (xs: readonly CtrSample[]): number => xs.reduce((n, x) => n + x.label, 0) / Math.max(1, xs.length);
  const lm = `llama ${s.lmLayers}×${s.lmHidden}, vocab ${vocabSize}, random init std ${s.lmInitStd}`;
  return { ...data.protocol, trainSamples: data.train.length, testSamples: data.test.length, trainPositiveRate: rate(data.train), testPositiveRate: rate(data.test), k: s.k, seed: s.seed, lm, stage1Steps: s.stage1Steps, stage2Steps: s.stage2Steps };
}

/** Trains every variant and returns the AUC / LogLoss table with its protocol. */
export async function runRellaxAblation(data: CtrDataset, s: RellaxSettings, hooks: RellaxHooks = {}, variants: readonly RellaxVariant[] = RELLAX_VARIANTS): Promise<RellaxAblation> {
  const vocab = buildVocab(data.itemTexts, s.maxWords, s.maxItemTokens);
  const config = tinyConfig(s, vocab.size);
  const base = initLmWeights(config, s.seed, s.lmInitStd);
  const adapters = new Map<boolean, LoraAdapter>();
  let crm: Crm | null = null;
  try {
    hooks.onStage?.('crm');
    crm = await trainCrm(data, s, crmHooks(hooks));
    hooks.onStage?.('subr');
    const sh: Shared = { config, base, vocab, vectors: semanticVectors(config, base, vocab, s.pcaDim), crm };
    const rows: AblationRow[] = [];
    for (const v of variants) {
      rows.push(
        await rowFor(v, async () => {
          const adapter = adapters.get(v.subr) ?? (await stage1For(sh, data, s, v.subr, hooks));
          adapters.set(v.subr, adapter);
          return runVariant(sh, data, adapter, v, s, hooks);
        }, s, hooks),
      );
    }
    return { rows, protocol: protocolOf(data, s, vocab.size) };
  } finally {
    for (const a of adapters.values()) disposeLoraAdapter(a);
    crm?.dispose();
    disposeWeights(base);
  }
}
