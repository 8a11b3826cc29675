/**
 * Issue 6's acceptance 1 and 2 on the bundled demo workspace, through the real runner: the demo
 * generated in code and prepared as the workspace imports it (5-core), one source per domain with
 * RecBase item text, default settings (held-out domain: the last, movies). Used by the gated
 * demo test (demo.test.ts, RECFORGE_RECBASE_DEMO=1) and the `recbase` bench script.
 */
import { generateDemoDataset } from '../../data/demo/generate';
import { sourcesFromPrepared } from '../../data/multidomain/fromPrepared';
import { prepareDataset } from '../../data/preprocess/prepare';
import { domainNoun, recBaseItemText } from '../../data/text/unified';
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable, RunArtifact } from '../../protocol/recipeRun';
import type { RecipeRunEvent, RecipeSource } from '../../recipes/runner';
import { recbaseRunner } from './runner';
import { defaultRecBaseSettings } from '../../recipes/recbase/settings';
import type { RecBaseSettings } from '../../recipes/recbase/settings';

/** The demo workspace as the host hands it to a runner: one source per domain. */
export function demoSources(): RecipeSource[] {
  const prepared = prepareDataset(generateDemoDataset(), { minInteractions: 5 });
  return sourcesFromPrepared(prepared).map((s) => ({
    ...s,
    items: s.items.map((it) => ({ rawId: it.rawId, title: it.title, genres: it.genres, text: recBaseItemText({ title: it.title, genres: it.genres }, domainNoun(s.name)) })),
  }));
}

/** The numbers the acceptance criteria read, plus what the run reported. */
export interface DemoCheck {
  readonly seconds: number;
  readonly heldOutDomain: string;
  readonly levelOneUtilisation: { readonly cl: number; readonly rq: number };
  readonly collisionRate: { readonly cl: number; readonly rq: number };
  readonly auc: Readonly<Record<string, number>>; // by metric variant
  readonly table: ResultTable;
  readonly metrics: readonly MetricRecord[];
  readonly artifacts: readonly RunArtifact[];
}

function tableRow(table: ResultTable, name: string): readonly (string | number | null)[] {
  return table.rows.find((r) => r[0] === name) ?? [];
}

function cell(table: ResultTable, name: string, column: string): number {
  return Number(tableRow(table, name)[table.columns.indexOf(column)] ?? NaN);
}

/** Runs the recipe on the demo in `runDir`; `log` receives stage changes with elapsed seconds. */
export async function runDemoCheck(runDir: string, settings: RecBaseSettings = defaultRecBaseSettings(), log: (line: string) => void = () => undefined): Promise<DemoCheck> {
  const events: RecipeRunEvent[] = [];
  const start = Date.now();
  const io = {
    runDir,
    resume: false,
    emit: (e: RecipeRunEvent) => {
      events.push(e);
      if (e.kind === 'stage') log(`${((Date.now() - start) / 1000).toFixed(1)} s  ${e.stage}`);
    },
    isCancelled: () => false,
    yieldToEventLoop: () => Promise.resolve(),
    now: () => Date.now() - start,
  };
  await recbaseRunner.run({ runId: 'recbase-demo', settings, sources: demoSources(), model: { kind: 'scratch' } }, io);
  const table = events.flatMap((e) => (e.kind === 'table' ? [e.table] : []))[0];
  if (table === undefined) throw new Error('the run reported no tokenizer table');
  const metrics = events.flatMap((e) => (e.kind === 'metrics' ? e.metrics : []));
  return {
    seconds: (Date.now() - start) / 1000,
    heldOutDomain: metrics[0]?.protocol.domain ?? '',
    levelOneUtilisation: { cl: cell(table, 'CL-VAE', 'Level 1 utilisation'), rq: cell(table, 'RQ-VAE', 'Level 1 utilisation') },
    collisionRate: { cl: cell(table, 'CL-VAE', 'Collision rate'), rq: cell(table, 'RQ-VAE', 'Collision rate') },
    auc: Object.fromEntries(metrics.map((m) => [m.variant ?? 'model', m.value])),
    table,
    metrics,
    artifacts: events.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : [])),
  };
}
