import { describe, expect, it } from 'vitest';
import { buildCorpus, domainByName } from '../../data/multidomain/corpus';
import { mixedSequences } from '../../data/multidomain/mixed';
import { dropLastPerUser } from '../../data/splits/filters';
import { truncateExample } from '../../train/lm/packing';
import { resolveModel } from '../llm/modelSource';
import { demoSources, TEST_SCRATCH } from '../llm/testData';
import { BEHAVIOUR_HEADER, ITEM_SEPARATOR, behaviourExample } from './behaviourText';
import { phaseLines } from './corpora';
import { cprecEvalSet, itemTitle } from './evalCases';
import { newestFitting } from './fitBehaviours';
import { pretrainLines } from './runCprec';
import { parseCprecSettings } from './settings';
import { sftExamples } from './sft';

const MAX_LEN = 64;
const sources = demoSources(120);
const full = buildCorpus(sources);
const corpus = buildCorpus(sources.map((x) => (x.name === 'movies' ? { ...x, rows: dropLastPerUser(x.rows, 2).rows } : x)));
const target = domainByName(corpus, 'movies').index;
const titles = new Set(full.items.map((_, i) => itemTitle(full, i + 1)));
const tok = resolveModel(TEST_SCRATCH, titles).tokenizer;
const settings = parseCprecSettings({ targetDomain: 'movies', maxLen: MAX_LEN });

/** The titles of a decoded behaviour text; fails unless it starts with the header and holds only whole, known titles. */
function titlesOf(text: string): string[] {
  expect(text.startsWith(BEHAVIOUR_HEADER)).toBe(true);
  const pieces = text.slice(BEHAVIOUR_HEADER.length).split(ITEM_SEPARATOR);
  expect(pieces.pop()).toBe('');
  return pieces.map((p) => {
    expect(p.startsWith(' ')).toBe(true);
    expect(titles.has(p.slice(1))).toBe(true);
    return p.slice(1);
  });
}

describe('CPRec texts over maxLen', () => {
  it('newestFitting drops the oldest items first and keeps the newest minKept', () => {
    const fits = (kept: readonly number[]): boolean => kept.length <= 2;
    expect(newestFitting([1, 2, 3, 4], fits)).toEqual([3, 4]);
    expect(newestFitting([1, 2, 3], () => false)).toEqual([]);
    expect(newestFitting([1, 2, 3], () => false, 1)).toEqual([3]);
  });

  it('pre-training texts lose their oldest whole behaviours: the trainer cuts nothing, header and newest title kept', () => {
    const raw = phaseLines(corpus, target, settings.windowItems, settings);
    const fitted = pretrainLines(corpus, target, tok, settings);
    let shortened = 0;
    for (const phase of ['stable', 'anneal'] as const) {
      fitted[phase].forEach((line, i) => {
        const original = raw[phase][i] ?? [];
        expect(line).toEqual(original.slice(original.length - line.length)); // a suffix: the newest behaviours
        if (line.length < original.length) shortened++;
        const ex = behaviourExample(tok, line.map((it) => itemTitle(corpus, it)));
        const seen = truncateExample(ex, MAX_LEN);
        expect(seen.tokens).toEqual(ex.tokens);
        expect(titlesOf(tok.decode(seen.tokens, { skipSpecial: true }))).toEqual(line.map((it) => itemTitle(corpus, it)));
      });
    }
    expect(shortened).toBeGreaterThan(10);
  });

  it('SFT examples and evaluation prompts obey the same cap with whole titles', () => {
    for (const ex of sftExamples(corpus, target, tok, settings.windowItems, MAX_LEN)) {
      expect(ex.tokens.length).toBeLessThanOrEqual(MAX_LEN);
      titlesOf(tok.decode(ex.tokens.slice(0, ex.promptLength), { skipSpecial: true }));
    }
    const ev = cprecEvalSet(full, mixedSequences(full), domainByName(full, 'movies'), tok, { negatives: 9, seed: 3, historyItems: 5, maxLen: MAX_LEN, maxCases: 50, trainedItems: new Set() });
    expect(ev.cases.length).toBe(50);
    for (const c of ev.cases) {
      expect(c.prompt.length + Math.max(...c.candidates.map((x) => x.length))).toBeLessThanOrEqual(MAX_LEN);
      titlesOf(tok.decode(c.prompt, { skipSpecial: true }));
    }
  });
});
