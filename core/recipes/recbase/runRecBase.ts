/**
 * A RecBase run (arXiv 2509.03131) on a multi-domain corpus with one held-out domain:
 * 1. unified item text → content vectors (itemVectors.ts);
 * 2. plain RQ-VAE and CL-VAE fitted side by side on the same vectors, seed and budget (§4.2.2);
 * 3. the CL-VAE IDs feed a decoder pre-trained on the other domains' sequences (§4.1);
 * 4. zero-shot AUC on the held-out domain against that domain's popularity (§6.1), then
 *    in-domain fine-tuning and the same AUC again (Table 3) — decoderStages.ts;
 * 5. the ID table and the quantiser (safetensors) are exported.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import type { MultiDomainCorpus } from '../../data/multidomain/corpus';
import type { LmConfig } from '../../models/lm/config';
import { mixSeed } from '../../train/rng';
import type { CodebookMetrics } from './codeMetrics';
import type { ItemTokenizer } from './codeSequences';
import { vocabOf } from './codeVocab';
import type { RecBaseConfig } from './config';
import { runDecoderStages } from './decoderStages';
import type { AucPair, DecoderHooks, DecoderStage } from './decoderStages';
import { popularityAuc } from './evaluate';
import { encodeQuantiser, semanticIdTable } from './exportIds';
import type { RecBaseExport } from './exportIds';
import { heldOutData } from './heldOut';
import type { HeldOutData } from './heldOut';
import { corpusItemTexts } from './itemTexts';
import { fitTextEncoder, encodeTextEncoder, type TextEncoder } from './textEncoder';
import { disposeQuantiser } from './quantiser';
import { buildTokenizer } from './tokenizer';
import type { Tokenizer } from './tokenizer';
import type { QuantiserStage, QuantiserVariant } from './trainQuantiser';

/** What a run reads. `itemTexts[g − 1]` is the text of corpus item g (default: the unified text). */
export interface RecBaseInputs {
  readonly corpus: MultiDomainCorpus;
  readonly itemTexts?: readonly string[];
}

/** Stages in run order. */
export type RecBaseStage = 'vectors' | QuantiserVariant | DecoderStage | 'export';

/** Stage changes and tokenizer losses (decoder progress comes through TrainHooks.emit). */
export type RecBaseEvent =
  | { readonly kind: 'stage'; readonly stage: RecBaseStage }
  | { readonly kind: 'tokenizer-loss'; readonly variant: QuantiserVariant; readonly step: number; readonly totalSteps: number; readonly loss: number };

/** Host hooks of a run. */
export interface RecBaseHooks extends DecoderHooks {
  onEvent?(e: RecBaseEvent): void;
}

/** Side-by-side tokenizer comparison, AUCs, protocol records and artefacts. */
export interface RecBaseResult {
  readonly tokenizers: Readonly<Record<QuantiserVariant, { readonly metrics: CodebookMetrics; readonly stages: readonly QuantiserStage[] }>>;
  readonly auc: { readonly zeroShot: AucPair; readonly fineTuned: AucPair | null; readonly popularity: number; readonly cases: number };
  readonly protocol: { readonly seed: number; readonly heldOutDomain: string; readonly tokenizerFit: RecBaseConfig['tokenizerFit']; readonly fitItems: number; readonly split: HeldOutData['split']; readonly candidates: HeldOutData['candidates'] };
  /** The ID table, the CL-VAE quantiser and the text encoder before it (new items' text → vector → codes). */
  readonly exported: RecBaseExport;
  /** The final decoder (fine-tuned when fine-tuning ran); the caller disposes `weights`. */
  readonly decoder: { readonly config: LmConfig; readonly weights: Map<string, tf.Tensor>; readonly tokenizer: ItemTokenizer };
}

function fitRows(corpus: MultiDomainCorpus, s: RecBaseConfig): number[] {
  const rows = corpus.items.map((it, i) => (s.tokenizerFit === 'all-items' || it.domain !== s.eval.heldOutDomain ? i : -1));
  return rows.filter((i) => i >= 0);
}

/** The text encoder fitted on every corpus item's text, and their content vectors (row g − 1 = item g). */
export function corpusVectors(inputs: RecBaseInputs, s: Pick<RecBaseConfig, 'vectorDim' | 'centreDomains'>): { encoder: TextEncoder; vectors: Float32Array } {
  const texts = inputs.itemTexts ?? corpusItemTexts(inputs.corpus);
  return fitTextEncoder(texts, s.vectorDim, s.centreDomains ? inputs.corpus.items.map((it) => it.domain) : undefined);
}

async function tokenizers(inputs: RecBaseInputs, s: RecBaseConfig, hooks: RecBaseHooks): Promise<{ rq: Tokenizer; cl: Tokenizer; fit: number; encoder: TextEncoder }> {
  hooks.onEvent?.({ kind: 'stage', stage: 'vectors' });
  const { encoder, vectors } = corpusVectors(inputs, s);
  const rows = fitRows(inputs.corpus, s);
  const totalSteps = s.quantiser.levels * s.quantiser.stepsPerLevel;
  const qh = {
    onLoss: (variant: QuantiserVariant, step: number, loss: number) => hooks.onEvent?.({ kind: 'tokenizer-loss', variant, step, totalSteps, loss }),
    ...(hooks.yieldToEventLoop ? { yieldToEventLoop: hooks.yieldToEventLoop } : {}),
    ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
  };
  hooks.onEvent?.({ kind: 'stage', stage: 'rq-vae' });
  const rq = await buildTokenizer(vectors, s.vectorDim, rows, s.quantiser, 'rq-vae', mixSeed(s.seed, 11), qh);
  try {
    hooks.onEvent?.({ kind: 'stage', stage: 'cl-vae' });
    const cl = await buildTokenizer(vectors, s.vectorDim, rows, s.quantiser, 'cl-vae', mixSeed(s.seed, 11), qh);
    return { rq, cl, fit: rows.length, encoder };
  } catch (e) {
    disposeQuantiser(rq.params);
    throw e;
  }
}

/** Runs the whole recipe. Frees every tensor it does not hand back in `decoder`; throws RecForgeError('cancelled') when cancelled. */
export async function runRecBase(inputs: RecBaseInputs, s: RecBaseConfig, hooks: RecBaseHooks = {}): Promise<RecBaseResult> {
  if (inputs.corpus.domains.length < 2) throw new RecForgeError('validation', 'RecBase needs at least two domains: one to hold out, one to pre-train on', { file: 'corpus', field: 'domain' });
  const data = heldOutData(inputs.corpus, s.eval.heldOutDomain, s.eval.negatives, mixSeed(s.seed, 31), s.eval.maxCases);
  if (data.cases.length === 0) {
    // Checked before any training: every AUC would be NaN over zero users.
    throw new RecForgeError('validation', `held-out domain '${s.eval.heldOutDomain}' has no test users: none has the 3 or more interactions there that leave-one-out needs`, { file: 'settings', field: 'heldOutDomain', expected: 'a domain where some users have ≥ 3 interactions' });
  }
  const { rq, cl, fit, encoder } = await tokenizers(inputs, s, hooks);
  try {
    const tokenizer: ItemTokenizer = { ids: cl.ids, vocab: vocabOf(cl.ids) };
    const dec = await runDecoderStages(tokenizer, cl.params, data, s, { ...hooks, onStage: (stage) => hooks.onEvent?.({ kind: 'stage', stage }) });
    hooks.onEvent?.({ kind: 'stage', stage: 'export' });
    const exported = { idTable: semanticIdTable(inputs.corpus.items.map((it) => it.id), cl.ids), quantiser: encodeQuantiser(cl.params, { levels: s.quantiser.levels, codes: s.quantiser.codes }), textEncoder: encodeTextEncoder(encoder) };
    return {
      tokenizers: { 'rq-vae': { metrics: rq.metrics, stages: rq.stages }, 'cl-vae': { metrics: cl.metrics, stages: cl.stages } },
      auc: { zeroShot: dec.zeroShot, fineTuned: dec.fineTuned, popularity: popularityAuc(data.cases, data.popularity), cases: data.cases.length },
      protocol: { seed: s.seed, heldOutDomain: s.eval.heldOutDomain, tokenizerFit: s.tokenizerFit, fitItems: fit, split: data.split, candidates: data.candidates },
      exported,
      decoder: { config: dec.config, weights: dec.weights, tokenizer },
    };
  } finally {
    disposeQuantiser(rq.params);
    disposeQuantiser(cl.params);
  }
}
