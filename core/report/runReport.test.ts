import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../protocol/dto';
import { renderRunReport } from './runReport';

const run: RunSummary = {
  id: 'run_1', datasetId: 'ds_1', datasetName: 'ml <100k>', model: 'sasrec', status: 'done', createdAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:10:00Z',
  config: { train: { epochs: 2, seed: 42 } }, error: null, notes: 'first & only', tags: ['baseline'],
  metrics: [{ name: 'HR', k: 10, value: 0.61234, protocol: { split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 100, sampler: 'uniform', seed: 2024 }, excludeHistory: true, users: 943 } }],
};

describe('run report', () => {
  it('is one self-contained HTML file: metrics with protocol, charts, settings, pipeline; text escaped', () => {
    const steps = Array.from({ length: 5000 }, (_, i) => i + 1);
    const html = renderRunReport(run, { step: steps, epoch: steps.map(() => 1), loss: steps.map((s) => 1 / s), lr: steps.map(() => 1e-3) }, { format: 'recforge-pipeline', version: 1, name: 'p', dataset: { kind: 'demo' }, run: { model: 'sasrec' } }, 'now');
    expect(html).toContain('0.6123');
    expect(html).toContain('test · leave-one-out · 1 + 100 sampled negatives (uniform, seed 2024) · history excluded · 943 users');
    expect(html).toContain('ml &lt;100k&gt;');
    expect(html).toContain('first &amp; only');
    expect(html).toContain('&quot;recforge-pipeline&quot;');
    expect((html.match(/<svg /g) ?? []).length).toBe(2);
    // 5000 points are strided to at most 1280 vertices per chart.
    const points = /points="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(points.length).toBeLessThanOrEqual(1280);
    expect(html).not.toMatch(/<script|src=|href="http/);
  });
});
