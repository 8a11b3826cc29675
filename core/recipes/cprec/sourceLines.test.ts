import { describe, expect, it } from 'vitest';
import { cprecSchedulePlan } from './schedulePlan';
import { defaultCprecSettings, type CprecSettings } from './settings';
import { linesRead, sourceLines } from './sourceLines';

const LINES = { stable: [[1, 2], [3, 4], [5, 6]], anneal: [[7, 8]] };

function read(over: Partial<CprecSettings>): number[][] {
  const s = { ...defaultCprecSettings('movies'), ...over };
  return linesRead(sourceLines(s, LINES), cprecSchedulePlan(s).phases, s);
}

describe('CPRec lines read by pre-training (warm targets)', () => {
  it('a run without annealing never reads the annealing lines', () => {
    expect(read({ steps: 10, warmupFraction: 0.2, stableFraction: 0.8 })).toEqual(LINES.stable);
    expect(read({ steps: 10, warmupFraction: 0.2, stableFraction: 0.5 })).toEqual([...LINES.stable, ...LINES.anneal]);
  });

  it('a short run reads only the first batchSize × steps lines of its epoch order; naive mixing reads both corpora from one source', () => {
    const short = read({ steps: 2, batchSize: 1, warmupFraction: 0, stableFraction: 1 });
    expect(short).toHaveLength(2);
    for (const line of short) expect(LINES.stable).toContainEqual(line);
    expect(read({ steps: 4, batchSize: 1, dataOrder: 'shuffled' })).toHaveLength(4);
  });
});
