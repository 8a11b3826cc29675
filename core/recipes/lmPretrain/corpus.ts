/**
 * The pretraining corpus of a workspace, as text: one description per item (the unified template,
 * so every domain reads alike) and every user's chronological history of titles. A seeded share of
 * users is held out whole for validation, so the validation loss measures histories the model
 * never saw. Pure and deterministic: the same dataset, options and seed give the same corpus.
 */
import { RecForgeError } from '../../errors';
import { cleanText } from '../../data/text/clean';
import { cprecItemText, domainNoun, recBaseItemText } from '../../data/text/unified';
import { createRng, mixSeed, shuffleInPlace } from '../../train/rng';

/** One catalog item as the host passes it. */
export interface PretrainItem {
  readonly title: string;
  readonly genres: readonly string[];
  readonly domain: string; // dataset or domain name ("movies"); '' when unknown
}

/** A workspace dataset as plain data. */
export interface PretrainDataset {
  readonly items: readonly PretrainItem[];
  /** Per user, 0-based indices into `items`, oldest first. */
  readonly userSequences: readonly ArrayLike<number>[];
}

/** How the corpus is cut. */
export interface CorpusOptions {
  readonly seed: number;
  readonly valShare: number; // (0–0.5) users held out whole
  readonly excludeLastPerUser: number; // final interactions dropped per user (eval targets)
  readonly template: 'recbase' | 'cprec';
}

/** Item texts and title histories; histories become texts once a tokenizer can measure them. */
export interface PretrainCorpus {
  readonly itemTexts: readonly string[]; // one per item with any text, in item order
  readonly trainHistories: readonly (readonly string[])[]; // titles per training user
  readonly valHistories: readonly (readonly string[])[]; // titles per held-out user
}

const SPLIT_STREAM = 101; // keeps the user split independent of other seed-derived streams

function itemText(item: PretrainItem, template: CorpusOptions['template']): string {
  const fields = { title: cleanText(item.title), genres: item.genres.map((g) => cleanText(g)).filter((g) => g !== '') };
  if (template === 'cprec') return cprecItemText(fields);
  return recBaseItemText(fields, domainNoun(item.domain === '' ? 'items' : item.domain));
}

function checkSequences(data: PretrainDataset): void {
  data.userSequences.forEach((seq, u) => {
    for (let k = 0; k < seq.length; k++) {
      const i = seq[k] as number;
      if (!(Number.isInteger(i) && i >= 0 && i < data.items.length)) {
        throw new RecForgeError('validation', `user ${u} refers to item ${i}, outside 0..${data.items.length - 1}`, { file: 'pretraining dataset', field: `userSequences.${u}.${k}`, expected: 'an item index' });
      }
    }
  });
}

/** Cleaned titles of a user's history without its last `exclude` items (items without a title are skipped). */
function historyTitles(seq: ArrayLike<number>, titles: readonly string[], exclude: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < seq.length - exclude; k++) {
    const t = titles[seq[k] as number] ?? '';
    if (t !== '') out.push(t);
  }
  return out;
}

/** Users (with a non-empty history) split into training and held-out, each in user order. */
export function splitUsers(users: readonly number[], valShare: number, seed: number): { train: number[]; val: number[] } {
  const order = [...users];
  shuffleInPlace(order, createRng(mixSeed(seed, SPLIT_STREAM)));
  // At least one held-out user whenever a share is asked for and a training user remains.
  const wanted = valShare > 0 ? Math.max(1, Math.round(valShare * users.length)) : 0;
  const nVal = Math.min(wanted, Math.max(0, users.length - 1));
  const val = new Set(order.slice(0, nVal));
  return { train: users.filter((u) => !val.has(u)), val: users.filter((u) => val.has(u)) };
}

/** Builds the corpus; RecForgeError('validation') on an item index outside the catalog. */
export function buildPretrainCorpus(data: PretrainDataset, opts: CorpusOptions): PretrainCorpus {
  checkSequences(data);
  const titles = data.items.map((it) => cleanText(it.title));
  const histories = data.userSequences.map((seq) => historyTitles(seq, titles, opts.excludeLastPerUser));
  const users = histories.flatMap((h, u) => (h.length > 0 ? [u] : []));
  const { train, val } = splitUsers(users, opts.valShare, opts.seed);
  const itemTexts = data.items.filter((it, i) => titles[i] !== '' || it.genres.length > 0).map((it) => itemText(it, opts.template));
  return {
    itemTexts,
    trainHistories: train.map((u) => histories[u] as string[]),
    valHistories: val.map((u) => histories[u] as string[]),
  };
}
