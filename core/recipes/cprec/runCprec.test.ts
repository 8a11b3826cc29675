import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTensorSuite } from '../../testing/tensorSuite';
import type { LmTrainEvent } from '../../train/lm/progress';
import { cprecJob, runCprec, type CprecEvaluation } from './runCprec';
import { cprecResultsTable } from './report';
import { parseCprecSettings } from './settings';
import { sourceLines } from './sourceLines';
import { demoSources, TEST_SCRATCH } from '../llm/testData';
import type { DomainSource } from '../../data/multidomain/corpus';
import { columnsFromEvents } from '../../data/splits/fromEvents';

useTensorSuite();

describe('runCprec on a small demo corpus', () => {
  it('pre-trains through the three WSA phases, switches data at annealing and ranks warm and cold targets with chance levels', async () => {
    const events: LmTrainEvent[] = [];
    const s = parseCprecSettings({ targetDomain: 'movies', steps: 10, warmupFraction: 0.2, stableFraction: 0.5, batchSize: 4, maxLen: 48, negatives: 9, maxEvalCases: 40, sftSteps: 4 });
    const r = await runCprec({ sources: demoSources(120), model: TEST_SCRATCH }, s, { emit: (_id, e) => events.push(e) });
    try {
      expect(r.corpus.stableExamples).toBeGreaterThan(0);
      expect(r.corpus.annealExamples).toBeGreaterThan(0);
      expect(r.plan.dataSwitchStep).toBe(8);
      const sources = events.flatMap((e) => (e.kind === 'progress' ? e.points.map((p) => `${p.step}:${p.phase}:${p.source}`) : []));
      expect(sources[6]).toBe('7:stable:domain-specific');
      expect(sources[7]).toBe('8:anneal:mixed-target');
      expect(r.evaluations.map((e) => e.variant)).toEqual(['initial', 'cprec', 'sft', 'cprec+sft']);
      expect(r.sftExamples).toBeGreaterThan(0);
      const [initial, after] = r.evaluations as [CprecEvaluation, CprecEvaluation];
      expect(after.all.cases).toBe(40);
      expect(after.warm.cases + after.cold.cases).toBe(40);
      expect(after.cold.cases).toBeGreaterThan(0); // the demo's cold items are final behaviours only
      expect(r.evalSet.segments.filter((x) => x === 'cold')).toHaveLength(after.cold.cases);
      expect(after.all.chance.hr[1]).toBeCloseTo(0.1, 12);
      expect(after.all.hr[10]).toBe(1);
      expect(initial.all.cases).toBe(40);
      expect(Number.isFinite(r.finalLoss ?? NaN)).toBe(true);
    } finally {
      tf.dispose([...r.weights.values()]);
    }
  }, 30_000);

  it('naive mixing: one source with every stable and annealing text, read in all phases', async () => {
    const events: LmTrainEvent[] = [];
    const s = parseCprecSettings({ targetDomain: 'movies', dataOrder: 'shuffled', steps: 6, warmupFraction: 0.2, stableFraction: 0.5, batchSize: 4, maxLen: 48, negatives: 4, maxEvalCases: 5, sftSteps: 0 });
    const r = await runCprec({ sources: demoSources(120), model: TEST_SCRATCH }, s, { emit: (_id, e) => events.push(e) });
    try {
      const sources = events.flatMap((e) => (e.kind === 'progress' ? e.points.map((p) => `${p.phase}:${p.source}`) : []));
      expect(new Set(sources)).toEqual(new Set(['warmup:domain-specific+mixed-target', 'stable:domain-specific+mixed-target', 'anneal:domain-specific+mixed-target']));
      expect(r.plan.dataSwitchStep).toBeNull();
      expect(sourceLines(s, { stable: [[1, 2]], anneal: [[3, 4], [5, 6]] })).toEqual([{ name: 'domain-specific+mixed-target', lines: [[1, 2], [3, 4], [5, 6]] }]);
      expect(cprecJob(s, r.model, []).phases?.map((p) => p.source)).toEqual(['domain-specific+mixed-target', 'domain-specific+mixed-target', 'domain-specific+mixed-target']);
    } finally {
      tf.dispose([...r.weights.values()]);
    }
  }, 30_000);

  it('a target domain without test users (every user has 2 behaviours there) is refused before training', async () => {
    const domain = (name: string, seqs: number[][], offset: number): DomainSource => ({
      name,
      users: ['a', 'b'],
      items: [1, 2, 3, 4].map((i) => ({ rawId: `${i}`, title: `${name} ${i}`, genres: [] })),
      rows: columnsFromEvents(seqs.map((seq) => seq.map((item, k) => ({ item, ts: k + offset })))),
    });
    const sources = [domain('books', [[1, 2, 3], [2, 4, 1]], 0), domain('movies', [[1, 4], [2, 3]], 0.5)];
    const s = parseCprecSettings({ targetDomain: 'movies', steps: 4, batchSize: 2, maxLen: 48, negatives: 1, sftSteps: 0 });
    const events: LmTrainEvent[] = [];
    const run = runCprec({ sources, model: TEST_SCRATCH }, s, { emit: (_id, e) => events.push(e) });
    await expect(run).rejects.toMatchObject({ code: 'validation', location: { field: 'targetDomain' } });
    await expect(run).rejects.toThrow(/at least 3 behaviours/);
    expect(events).toEqual([]);
  });

  it('no annealing: the report says the annealing texts are never read', async () => {
    const s = parseCprecSettings({ targetDomain: 'movies', steps: 4, warmupFraction: 0, stableFraction: 1, batchSize: 2, maxLen: 48, negatives: 4, maxEvalCases: 5, sftSteps: 0 });
    const r = await runCprec({ sources: demoSources(120), model: TEST_SCRATCH }, s);
    try {
      const protocol = cprecResultsTable(r, s).protocol;
      expect(protocol).toContain(`no annealing, so the ${r.corpus.annealExamples} mixed-target texts are never read`);
      expect(protocol).not.toContain('(annealing)');
    } finally {
      tf.dispose([...r.weights.values()]);
    }
  }, 30_000);

  it('with ≤ 10 candidates the results table leaves NDCG@10 and HR@10 blank (they are 1 by construction)', async () => {
    const s = parseCprecSettings({ targetDomain: 'movies', steps: 2, batchSize: 2, maxLen: 48, negatives: 9, maxEvalCases: 5, sftSteps: 0 });
    const r = await runCprec({ sources: demoSources(120), model: TEST_SCRATCH }, s);
    try {
      const table = cprecResultsTable(r, s);
      expect(table.columns.slice(4, 6)).toEqual(['NDCG@10', 'HR@10']);
      expect(table.rows.map((row) => row.slice(4, 6))).toEqual(table.rows.map(() => [null, null]));
      expect(table.rows.map((row) => row[0])).toContain('chance');
    } finally {
      tf.dispose([...r.weights.values()]);
    }
  }, 30_000);
});
