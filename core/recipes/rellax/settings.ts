/**
 * ReLLaX settings as one flat zod schema (the host validates run specs with it, the studio builds
 * the form from it). The paper (§4.1) uses Vicuna-13B, LoRA r 8 on q/v, K up to 30 and AdamW
 * (official `ft_script_rella_plus.py`); everything here is scaled to a from-scratch tiny decoder
 * so the five-variant ablation finishes on a demo-workspace domain in about two minutes.
 */
import { z } from 'zod';
import { domainSetting, intSetting as int, numSetting as num } from '../settingsFields';
import type { Projection } from '../../models/lm/weights';
import type { CtrOptions } from './ctrData';

/** LoRA target presets (forms have no list input). */
const LORA_TARGETS = { qv: ['q_proj', 'v_proj'], qvo: ['q_proj', 'v_proj', 'o_proj'], 'qvo-down': ['q_proj', 'v_proj', 'o_proj', 'down_proj'] } as const satisfies Record<string, readonly Projection[]>;

const fields = z
  .object({
    // Data (CTR samples, per-user temporal split)
    domain: domainSetting('Domain', 'Source (domain) to build CTR samples from; empty = the first one'),
    threshold: num(0, 100, 4, 'Like threshold', 'Rating ≥ threshold is a click / like (ReLLa on MovieLens: 4)'),
    testPerUser: int(1, 100, 1, 'Test samples per user', 'Each user’s last rated interactions become test samples (later than all of their training samples)'),
    minHistory: int(1, 100, 3, 'Min history', 'Earliest position of a user’s sequence that becomes a sample'),
    maxTrainPerUser: int(1, 1000, 6, 'Train samples per user', 'Most recent training samples kept per user'),
    // Prompt
    k: int(1, 50, 5, 'Behaviours K', 'History items per prompt: the most recent (base) or the most relevant (SUBR)'),
    maxWords: int(10, 20000, 200, 'Vocabulary words', 'Most frequent words of the item texts kept by the from-scratch vocabulary'),
    maxItemTokens: int(1, 32, 6, 'Words per item', 'First words of an item’s text (template boilerplate dropped) that enter a prompt'),
    // Decoder (llama layout, random init)
    lmHidden: int(8, 1024, 32, 'LM hidden', 'Decoder width (a multiple of heads; hidden / heads even)'),
    lmLayers: int(1, 12, 2, 'LM layers', 'Decoder blocks'),
    lmHeads: int(1, 32, 4, 'LM heads', 'Attention heads'),
    lmIntermediate: int(8, 4096, 64, 'LM MLP width', 'SwiGLU intermediate size'),
    lmInitStd: num(1e-4, 1, 0.1, 'LM init std', 'Normal std of the random decoder weights'),
    pcaDim: int(1, 512, 8, 'SUBR PCA width', 'Semantic item vectors are reduced to this many principal components'),
    // LoRA (stage 1) and ReLLaX modules (stage 2)
    loraR: int(1, 64, 4, 'LoRA rank r', 'Rank of the stage-1 LoRA; CFLoRA’s interaction matrix is r × r'),
    loraAlpha: num(0.1, 1024, 8, 'LoRA alpha', 'Scaling alpha / r'),
    loraTargets: z.enum(['qv', 'qvo', 'qvo-down']).default('qvo-down').meta({ title: 'LoRA targets', description: 'qv: q/v projections (paper); qvo: + o; qvo-down: + the MLP down projection' }),
    stage1Steps: int(1, 100000, 300, 'Stage-1 steps', 'ReLLa LoRA instruction tuning (one run per retrieval mode)'),
    stage1Lr: num(1e-6, 1, 3e-3, 'Stage-1 lr', 'AdamW lr of the LoRA'),
    stage2Steps: int(1, 100000, 80, 'Stage-2 steps', 'Training of the SPA projector and CFLoRA generators (A/B frozen)'),
    stage2Lr: num(1e-6, 1, 3e-3, 'Stage-2 lr', 'AdamW lr of stage 2'),
    batchSize: int(1, 512, 16, 'Batch size', 'Prompts per update'),
    // Conventional recommender (frozen SASRec for SPA and CFLoRA)
    crmHidden: int(4, 512, 16, 'CRM hidden', 'Width of the SASRec whose item / user representations feed SPA and CFLoRA'),
    crmMaxLen: int(2, 512, 20, 'CRM max length', 'History window of the CRM'),
    crmEpochs: int(1, 1000, 10, 'CRM epochs', 'SASRec training epochs on the training-period sequences'),
    crmLr: num(1e-6, 1, 5e-3, 'CRM lr', 'Adam lr of the CRM'),
    seed: int(0, 2 ** 31 - 1, 17, 'Seed', 'Decoder init, LoRA init, batch order, CRM'),
  })
  .strict();

/** The schema with the cross-field rules of the decoder config. */
export const rellaxSettingsSchema = fields.superRefine((s, ctx) => {
  if (s.lmHidden % s.lmHeads !== 0) ctx.addIssue({ code: 'custom', path: ['lmHidden'], message: `must be a multiple of LM heads (${s.lmHeads})` });
  else if ((s.lmHidden / s.lmHeads) % 2 !== 0) ctx.addIssue({ code: 'custom', path: ['lmHidden'], message: 'LM hidden / heads must be even (RoPE rotates pairs)' });
});

/** Every knob of a ReLLaX run (all defaults applied). */
export type RellaxSettings = z.output<typeof rellaxSettingsSchema>;

/** The defaults. */
export function defaultRellaxSettings(): RellaxSettings {
  return rellaxSettingsSchema.parse({});
}

/** The projections LoRA adapts. */
export function loraTargets(s: RellaxSettings): Projection[] {
  return [...LORA_TARGETS[s.loraTargets]];
}

/** How CTR samples are cut from a source. */
export function ctrOptions(s: RellaxSettings): CtrOptions {
  return { threshold: s.threshold, testPerUser: s.testPerUser, minHistory: s.minHistory, maxTrainPerUser: s.maxTrainPerUser };
}
