/** A recipe job survives its JSON trip to the window: columns (incl. ratings) come back bit-equal. */
import { describe, expect, it } from 'vitest';
import type { RecipeJob } from '../protocol/worker';
import { demoRecipeSources } from './llm/testData';
import { fromWireRecipeJob, toWireRecipeJob } from './wireRecipeJob';

describe('wire recipe job', () => {
  it('round-trips sources, settings, model and paths through JSON', () => {
    const [first, ...rest] = demoRecipeSources(120);
    if (first === undefined) throw new Error('demo has no source');
    const rated = { ...first, rows: { ...first.rows, rating: Float64Array.from(first.rows.ts, (_, i) => (i % 3 === 0 ? Number.NaN : i / 7)) }, userSpace: 'shared' };
    const job: RecipeJob = { runId: 'run_1', recipe: 'reccocktail', settings: { steps: 3 }, sources: [rated, ...rest], model: { kind: 'folder', path: '/models/tiny' }, runDir: '/ws/runs/run_1', resume: true };
    const back = fromWireRecipeJob(JSON.parse(JSON.stringify(toWireRecipeJob(job, 'reccocktail'))));
    expect(back).toEqual(job);
    expect(back.sources[0]?.rows.rating).toBeInstanceOf(Float64Array);
  });

  it('names the column a malformed job breaks', () => {
    const [source] = demoRecipeSources(120);
    if (source === undefined) throw new Error('demo has no source');
    const wire = toWireRecipeJob({ runId: 'run_2', recipe: 'cprec', settings: {}, sources: [source], model: { kind: 'scratch' }, runDir: '/r', resume: false }, 'cprec');
    const broken = { ...wire, sources: [{ ...wire.sources[0], rows: { ...wire.sources[0]?.rows, ts: 'AAAA' } }] } as typeof wire;
    expect(() => fromWireRecipeJob(broken)).toThrow(/job run_2 source .* rows\.ts: 3 bytes is not a whole number of float64 values/);
  });
});
