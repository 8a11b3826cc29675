import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import type { RecipeRunEvent, RecipeRunIo, RecipeSource } from '../../recipes/runner';
import { readRecBaseArtifacts } from './artifacts';
import { decodeQuantiser, idsOfNewItems, semanticIdsFromTable } from '../../recipes/recbase/exportIds';
import { decodeTextEncoder, encodeTexts } from '../../recipes/recbase/textEncoder';
import { recbaseRunner, RECBASE_STAGES } from './runner';
import { stageFile } from '../../recipes/llm/stageCheckpoints';
import { parseRecBaseSettings } from '../../recipes/recbase/settings';
import type { RecBaseSettings } from '../../recipes/recbase/settings';
import { sourceCorpus } from '../../recipes/recbase/sourceCorpus';
import { syntheticSources } from '../../recipes/recbase/testFixtures';
import { semanticIdsOf } from '../../recipes/recbase/tokenizer';

useTensorSuite();

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Tiny but complete: every stage runs, fine-tuning included. */
function tinySettings(): RecBaseSettings {
  return parseRecBaseSettings({ vectorDim: 8, levels: 2, codes: 8, latentDim: 8, hiddenDim: 16, quantiserSteps: 20, quantiserBatch: 64, lmHidden: 16, lmLayers: 1, lmHeads: 2, windowItems: 3, lmSteps: 12, lmBatch: 8, fineTuneSteps: 6, negatives: 5, maxCases: 20 });
}

async function runIn(sources: readonly RecipeSource[], settings: RecBaseSettings, cancelWhen: (e: RecipeRunEvent) => boolean = () => false, resumeIn?: string): Promise<{ events: RecipeRunEvent[]; status: string; runDir: string }> {
  const runDir = resumeIn ?? (await mkdtemp(path.join(os.tmpdir(), 'recbase-')));
  dirs.push(runDir);
  const events: RecipeRunEvent[] = [];
  let clock = 0;
  const io: RecipeRunIo = {
    runDir,
    resume: resumeIn !== undefined,
    emit: (e) => void events.push(e),
    isCancelled: () => events.some(cancelWhen),
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    now: () => (clock += 10),
  };
  const outcome = await recbaseRunner.run({ runId: 'r1', settings, sources, model: { kind: 'scratch' } }, io);
  return { events, status: outcome.status, runDir };
}

const ofKind = <K extends RecipeRunEvent['kind']>(events: readonly RecipeRunEvent[], kind: K): Extract<RecipeRunEvent, { kind: K }>[] => events.filter((e): e is Extract<RecipeRunEvent, { kind: K }> => e.kind === kind);

describe('recbaseRunner on a tiny 3-domain corpus', () => {
  it('a resumed run re-fits the quantisers, restores the pre-trained decoder, fine-tunes, and reports the same AUCs', { timeout: 60_000 }, async () => {
    const sources = syntheticSources(5, 40, 10);
    const first = await runIn(sources, tinySettings());
    expect(first.status).toBe('done');
    await rm(stageFile(first.runDir, 'decoder-finetune')); // cut off while fine-tuning
    const resumed = await runIn(sources, tinySettings(), () => false, first.runDir);
    expect(resumed.status).toBe('done');
    expect([...new Set(ofKind(resumed.events, 'lm').map((e) => e.series))]).toEqual(['code LM fine-tuning']);
    const aucs = (events: RecipeRunEvent[]): number[] => ofKind(events, 'metrics').flatMap((e) => e.metrics.map((m) => m.value));
    expect(aucs(resumed.events)).toEqual(aucs(first.events));
  });

  it('reports stages, losses, the tokenizer table, AUCs with protocol, and re-importable artifacts', { timeout: 60_000 }, async () => {
    const sources = syntheticSources(5, 40, 10);
    const { events, status, runDir } = await runIn(sources, tinySettings());
    expect(status).toBe('done');
    expect(ofKind(events, 'stage').map((e) => e.stage)).toEqual(RECBASE_STAGES.map((st) => st.id));
    const train = ofKind(events, 'train');
    for (const series of ['CL-VAE', 'RQ-VAE']) {
      const points = train.filter((e) => e.series === series).flatMap((e) => e.points);
      expect(points.map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(points.every((p) => Number.isFinite(p.loss))).toBe(true);
    }
    expect(new Set(ofKind(events, 'lm').map((e) => e.series))).toEqual(new Set(['code LM pre-training', 'code LM fine-tuning']));

    const [table] = ofKind(events, 'table').map((e) => e.table);
    expect(table?.columns).toEqual(['Tokenizer', 'Level 1 utilisation', 'Level 2 utilisation', 'Collision rate', 'Largest collision', 'Reconstruction MSE', 'Re-initialised codes']);
    expect(table?.rows.map((r) => r[0])).toEqual(['CL-VAE', 'RQ-VAE']);

    const metrics = ofKind(events, 'metrics').flatMap((e) => e.metrics);
    expect(metrics.map((m) => m.variant)).toEqual(['zero-shot', 'fine-tuned', 'zero-shot (full ID)', 'fine-tuned (full ID)', 'popularity']);
    for (const m of metrics) {
      expect(m.name).toBe('AUC');
      expect(m.value).toBeGreaterThanOrEqual(0);
      expect(m.value).toBeLessThanOrEqual(1);
      expect(m.protocol).toMatchObject({ split: 'held-out-domain', target: 'test', domain: 'games', chance: 0.5, excludeHistory: true, users: 20, candidates: { kind: 'sampled', negatives: 5, sampler: 'uniform' } });
    }
    // The settings seed, not the sampler's derived one; level-1 and whole-ID scores name their levels.
    expect(new Set(metrics.map((m) => m.protocol.seed))).toEqual(new Set([tinySettings().seed]));
    expect(metrics.every((m) => m.protocol.candidates.kind === 'sampled' && m.protocol.candidates.seed !== m.protocol.seed)).toBe(true);
    expect(metrics.map((m) => m.protocol.scoredLevels)).toEqual([1, 1, 3, 3, undefined]);

    const artifacts = ofKind(events, 'artifact').map((e) => e.artifact);
    expect(artifacts.map((a) => a.kind)).toEqual(['semantic-ids', 'codebooks', 'text-encoder']);
    for (const a of artifacts) expect((await stat(path.join(runDir, a.path))).size).toBeGreaterThan(0);

    // Acceptance 4: the exported table, and the exported text encoder + quantiser from the items' texts, give the same IDs.
    const { corpus, texts } = sourceCorpus(sources);
    const exported = await readRecBaseArtifacts(runDir);
    const itemIds = corpus.items.map((it) => it.id);
    const domains = corpus.items.map((it) => it.domain);
    const fromTable = semanticIdsFromTable(exported.idTable, itemIds, 8);
    const q = decodeQuantiser(exported.quantiser);
    try {
      const encoder = decodeTextEncoder(exported.textEncoder);
      const again = semanticIdsOf(q.params, encodeTexts(encoder, texts, domains), 8, q.codes);
      expect(Array.from(again.ids.ids)).toEqual(Array.from(fromTable.ids));
      expect(new Set(exported.idTable.map((r) => r.codes.join())).size).toBe(itemIds.length);
      // An item that arrives after the run (same text twice, to force a shared code tuple) gets codes and unique IDs.
      const late = [texts[0] ?? '', texts[0] ?? ''];
      const ids = idsOfNewItems(q.params, encodeTexts(encoder, late, [domains[0] ?? '', domains[0] ?? '']), 8, exported.idTable);
      expect(ids[0]?.slice(0, 2)).toEqual(exported.idTable[0]?.codes.slice(0, 2));
      const taken = new Set([...exported.idTable.map((r) => r.codes.join()), ...ids.map((c) => c.join())]);
      expect(taken.size).toBe(itemIds.length + 2);
    } finally {
      tf.dispose([...q.params.values()]);
    }
  });

  it('splits a single source by its items\' domain field and honours the held-out setting', { timeout: 60_000 }, async () => {
    const parts = syntheticSources(6, 30, 8);
    const items = parts.flatMap((p) => p.items.map((it) => ({ ...it, domain: p.name })));
    const offsets = parts.map((_, d) => parts.slice(0, d).reduce((n, p) => n + p.items.length, 0));
    const rows = parts.flatMap((p, d) => Array.from(p.rows.userIdx, (u, r) => ({ u, g: (p.rows.itemIdx[r] ?? 0) + (offsets[d] ?? 0), ts: p.rows.ts[r] ?? 0 }))).sort((a, b) => a.u - b.u || a.ts - b.ts);
    const ord: number[] = [];
    rows.forEach((r, i) => ord.push(i > 0 && rows[i - 1]?.u === r.u ? (ord[i - 1] ?? 0) + 1 : 0));
    const combined: RecipeSource = { name: 'combined', users: parts[0]?.users ?? [], items, rows: { userIdx: Int32Array.from(rows, (r) => r.u), itemIdx: Int32Array.from(rows, (r) => r.g), ts: Float64Array.from(rows, (r) => r.ts), ord: Int32Array.from(ord) } };
    expect(sourceCorpus([combined]).corpus.domains.map((d) => d.name)).toEqual(['books', 'games', 'movies']);
    const { events, status } = await runIn([combined], { ...tinySettings(), heldOutDomain: 'books', fineTuneSteps: 0 });
    expect(status).toBe('done');
    const metrics = ofKind(events, 'metrics').flatMap((e) => e.metrics);
    expect(metrics.map((m) => m.variant)).toEqual(['zero-shot', 'zero-shot (full ID)', 'popularity']);
    expect(metrics.every((m) => m.protocol.domain === 'books')).toBe(true);
  });

  it('stops when cancelled (in either quantiser or the decoder) and frees every tensor', { timeout: 60_000 }, async () => {
    const firstOf = [(e: RecipeRunEvent) => e.kind === 'train' && e.series === 'RQ-VAE', (e: RecipeRunEvent) => e.kind === 'train' && e.series === 'CL-VAE', (e: RecipeRunEvent) => e.kind === 'lm', (e: RecipeRunEvent) => e.kind === 'lm' && e.series === 'code LM fine-tuning'];
    for (const cancelWhen of firstOf) {
      const { events, status } = await runIn(syntheticSources(5, 30, 8), tinySettings(), cancelWhen);
      expect(status).toBe('cancelled');
      expect(ofKind(events, 'metrics')).toHaveLength(0);
      expect(ofKind(events, 'artifact')).toHaveLength(0);
    }
  });

  it('reports evaluation progress up to its total and stops promptly when cancelled while scoring', { timeout: 60_000 }, async () => {
    const settings = { ...tinySettings(), maxCases: 150, fineTuneSteps: 0 };
    const evalEvents = (events: readonly RecipeRunEvent[]): Extract<RecipeRunEvent, { kind: 'train' }>[] => ofKind(events, 'train').filter((e) => e.progress.phase === 'eval');
    const done = await runIn(syntheticSources(5, 160, 8), settings);
    const progress = evalEvents(done.events).map((e) => e.progress);
    expect(new Set(evalEvents(done.events).map((e) => e.series))).toEqual(new Set(['zero-shot evaluation']));
    expect(progress[0]?.step).toBe(0);
    expect(progress.at(-1)?.step).toBe(progress.at(-1)?.totalSteps);
    expect(progress.length).toBeGreaterThan(3); // more than one chunk per scoring pass
    expect(progress.every((p, i) => i === 0 || p.step > (progress[i - 1]?.step ?? 0))).toBe(true);

    const cancelled = await runIn(syntheticSources(5, 160, 8), settings, (e) => e.kind === 'train' && e.progress.phase === 'eval' && e.progress.step > 0);
    expect(cancelled.status).toBe('cancelled');
    expect(evalEvents(cancelled.events).map((e) => e.progress.step).filter((n) => n > 0)).toHaveLength(1);
    expect(ofKind(cancelled.events, 'metrics')).toHaveLength(0);
  });

  it('rejects a single-domain workspace and an unknown held-out domain', async () => {
    const [movies] = syntheticSources(5, 10, 4);
    await expect(runIn(movies ? [movies] : [], tinySettings())).rejects.toThrow(/multi-domain/);
    await expect(runIn(syntheticSources(5, 10, 4), { ...tinySettings(), heldOutDomain: 'music' })).rejects.toThrow(/held-out domain 'music'/);
  });
});
