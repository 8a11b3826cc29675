/**
 * The training stages of RecCocktail. A scratch model first gets a short full pre-training on the
 * workspace's item texts (the stand-in for an LLM's open-world text knowledge: titles, no
 * behaviours). Then two LoRA adapters are trained on the frozen base (§3.1 base spirit on the
 * domain-general corpus, §3.2 ingredient on the target corpus) with the same seed — hence the same
 * lora_A initialisation, as two runs of the reference LLaMA-Factory scripts have.
 */
import * as tf from '@tensorflow/tfjs';
import type { InstructionExample } from '../../data/multidomain/instructionText';
import { initLmWeights } from '../../models/lm/weights';
import type { LoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { createRng, mixSeed, shuffleInPlace } from '../../train/rng';
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import type { ResolvedModel } from '../llm/modelSource';
import { trainInMemory, type RecipeTrainHooks } from '../../train/lm/trainInMemory';
import { instructionExample } from './instructionTokens';
import { loraOf, type RecCocktailSettings } from './settings';

/** Catalog entries the scratch pre-training reads: title and genres. */
export interface CatalogEntry {
  readonly title: string;
  readonly genres: readonly string[];
}

/**
 * Genre lists (numbered, `perList` item texts of one genre per list, seeded order): the catalog
 * knowledge an LLM brings from the web (which titles belong together), never a behaviour. Numbered
 * like the history of a prompt, so "the next entry of a list resembles the ones before" is
 * learned on the same surface form the adapters later read.
 */
export function catalogLines(entries: readonly CatalogEntry[], seed: number, perList = 6): string[] {
  const byGenre = new Map<string, string[]>();
  for (const e of entries) for (const g of e.genres.length > 0 ? e.genres : ['Items']) byGenre.set(g, [...(byGenre.get(g) ?? []), e.title]);
  const out: string[] = [];
  for (const [, titles] of [...byGenre].sort(([a], [b]) => a.localeCompare(b))) {
    const order = titles.slice();
    shuffleInPlace(order, createRng(mixSeed(seed, out.length)));
    for (let i = 0; i < order.length; i += perList) out.push(order.slice(i, i + perList).map((t, j) => `${j + 1}. ${t}`).join('\n'));
  }
  return out;
}

/**
 * About `examples` catalog lists, a fresh seeded shuffle per pass: with a few fixed shuffles a
 * tiny LM memorises which title follows which (item pairs no user made) instead of learning that
 * titles of one list share a genre.
 */
export function catalogCorpus(entries: readonly CatalogEntry[], seed: number, examples: number): string[] {
  const out: string[] = [];
  for (let pass = 0; out.length < examples; pass++) {
    const lines = catalogLines(entries, mixSeed(seed, 0xca7, pass));
    if (lines.length === 0) break;
    out.push(...lines);
  }
  return out;
}

/** The base weights: the provided ones (cloned), or a scratch model pre-trained on item texts. */
export async function baseWeights(model: ResolvedModel, catalog: readonly CatalogEntry[], s: RecCocktailSettings, hooks: RecipeTrainHooks): Promise<Map<string, tf.Tensor>> {
  if (model.weights !== null) return new Map([...model.weights].map(([n, t]) => [n, tf.clone(t)]));
  if (s.pretrainSteps === 0) return initLmWeights(model.config, mixSeed(s.seed, 1));
  const tok = model.tokenizer;
  const examples = catalogCorpus(catalog, s.seed, s.pretrainSteps * s.batchSize).map((t) => ({ tokens: [...tok.encode(t), tok.eosId], promptLength: 0 }));
  const job = {
    runId: 'reccocktail-pretrain',
    model: model.config,
    trainable: { kind: 'full' } as const,
    sources: [sourceFromExamples('item-texts', examples)],
    schedule: { kind: 'cosine', peak: s.pretrainLr, warmupSteps: Math.max(1, Math.round(0.05 * s.pretrainSteps)), totalSteps: s.pretrainSteps } as const,
    seed: s.seed,
    steps: s.pretrainSteps,
    batchSize: s.batchSize,
    maxLen: s.maxLen,
    padId: tok.padId,
  };
  return (await trainInMemory(job, hooks)).tensors;
}

/** The PEFT config (defaults filled in) both adapters are trained with. */
export function adapterConfigOf(s: RecCocktailSettings): LoraAdapter['config'] {
  return defaultLoraConfig(loraOf(s));
}

/** Trains one LoRA adapter on instruction examples over the frozen `base`. */
export async function trainAdapter(runId: string, model: ResolvedModel, base: ReadonlyMap<string, tf.Tensor>, examples: readonly InstructionExample[], steps: number, s: RecCocktailSettings, hooks: RecipeTrainHooks): Promise<LoraAdapter> {
  const config = adapterConfigOf(s);
  const job = {
    runId,
    model: model.config,
    trainable: { kind: 'lora', lora: loraOf(s) } as const,
    sources: [sourceFromExamples(runId, examples.map((e) => instructionExample(model.tokenizer, e)))],
    schedule: { kind: 'cosine', peak: s.lr, warmupSteps: Math.max(1, Math.round(0.05 * steps)), totalSteps: steps } as const,
    seed: s.seed,
    steps,
    batchSize: s.batchSize,
    maxLen: s.maxLen,
    padId: model.tokenizer.padId,
  };
  const trained = await trainInMemory(job, hooks, base);
  return { config, tensors: trained.tensors };
}
