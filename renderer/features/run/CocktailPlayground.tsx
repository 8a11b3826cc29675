import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { ActionArtifact, CocktailAutoLambda, CocktailEvaluation, ExportResult, MetricRecord, ResultTable } from '../../../core/protocol';
import { ExportFiles } from '../../components/ExportFiles';
import { ProgressBar } from '../../components/ProgressBar';
import { invoke, toApiError } from '../../ipc/invoke';
import { exportRunArtifact } from '../../ipc/runFileActions';
import { formatEta } from '../../lib/format';
import { useStore } from '../../store';
import { CocktailLambdas } from './CocktailLambdas';
import { LambdaCurve } from './LambdaCurve';
import { MetricsTable } from './MetricsTable';

const STEP = 0.05;

function act<T>(runId: string, action: string, args: object): Promise<T | null> {
  return invoke('runs.action', { runId, action, args }).then(
    (value) => value as T,
    (error: unknown) => {
      useStore.getState().pushError('Playground', toApiError(error));
      return null;
    },
  );
}

/** The merge the panel evaluates: a global λ, or per-layer λs (from a per-layer Auto λ) shown by their mean. */
interface MergeChoice {
  readonly lambda: number;
  readonly layers: readonly number[] | null;
}

const argsOf = (m: MergeChoice): object => (m.layers ? { lambda: m.lambda, layers: m.layers } : { lambda: m.lambda });

/** The evaluation on screen, and for which merge; `failed` when the latest merge's evaluation failed. */
interface EvaluationState {
  readonly evaluation: CocktailEvaluation | null;
  readonly of: MergeChoice | null;
  readonly failed: MergeChoice | null;
}

/** Re-evaluates the merge whenever λ settles (the latest request wins). */
function useEvaluation(runId: string, merge: MergeChoice): EvaluationState {
  const [state, setState] = useState<EvaluationState>({ evaluation: null, of: null, failed: null });
  const latest = useRef(merge);
  useEffect(() => {
    latest.current = merge;
    const timer = setTimeout(() => {
      void act<CocktailEvaluation>(runId, 'evaluate', argsOf(merge)).then((e) => {
        if (latest.current !== merge) return;
        setState((prev) => (e === null ? { ...prev, failed: merge } : { evaluation: e, of: merge, failed: null }));
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [runId, merge]);
  return state;
}

const describeMerge = (m: MergeChoice): string => (m.layers ? `per-layer λ (mean ${m.lambda.toFixed(2)})` : `λ = ${m.lambda.toFixed(2)}`);

/** Live metrics; while the slider's λ is not evaluated yet (or failed), the older numbers are dimmed and say which λ they are for. */
function PlaygroundMetrics({ merge, state }: { readonly merge: MergeChoice; readonly state: EvaluationState }): ReactElement {
  const { evaluation, of, failed } = state;
  const current = of === merge;
  const note = failed === merge ? `Evaluation at ${describeMerge(merge)} failed` : current ? null : `Updating to ${describeMerge(merge)}…`;
  return (
    <div data-testid="playground-metrics" data-lambda={evaluation?.lambda ?? undefined} data-current={current} className={current ? 'playground-metrics' : 'playground-metrics stale'}>
      {note !== null && evaluation && of ? <p className="muted small" data-testid="playground-metrics-note">{note}; showing {describeMerge(of)}</p> : null}
      {evaluation ? <MetricsTable metrics={evaluation.metrics} /> : <p className="muted">{failed === merge ? note : 'Evaluating…'}</p>}
    </div>
  );
}

type ExportFormat = 'adapter' | 'checkpoint';

/** Export the merge at λ (PEFT adapter or merged checkpoint), then load the folder back and rank with it. */
function ExportMerged({ runId, merge }: { readonly runId: string; readonly merge: MergeChoice }): ReactElement {
  const [format, setFormat] = useState<ExportFormat>('adapter');
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ path: string; files: ExportResult | null } | null>(null);
  const [reloaded, setReloaded] = useState<CocktailEvaluation | null>(null);
  const onExport = useCallback(() => {
    setReloaded(null);
    setBusy(true);
    void act<ActionArtifact>(runId, 'exportMerged', { ...argsOf(merge), format }).then(async (r) => {
      if (r !== null) setExported({ path: r.artifact.path, files: await exportRunArtifact(runId, r.artifact.path) });
      setBusy(false);
    });
  }, [runId, merge, format]);
  const onReload = useCallback(() => {
    if (exported) void act<CocktailEvaluation>(runId, 'evaluateAdapter', { path: exported.path }).then(setReloaded);
  }, [runId, exported]);
  return (
    <div className="playground-export">
      <select value={format} aria-label="Export format" data-testid="playground-export-format" onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        <option value="adapter">PEFT adapter</option>
        <option value="checkpoint">Merged HF checkpoint</option>
      </select>
      <button type="button" className="btn" data-testid="playground-export" disabled={busy} onClick={onExport}>
        {busy ? 'Exporting…' : `Export merged (${merge.layers ? 'per-layer λ' : `λ = ${merge.lambda.toFixed(2)}`})`}
      </button>
      {exported ? (
        <>
          <span className="mono small" data-testid="playground-exported">{exported.path}</span>
          {exported.files ? <ExportFiles result={exported.files} /> : null}
          <button type="button" className="btn btn-small" data-testid="playground-reload" onClick={onReload}>Load back and score</button>
        </>
      ) : null}
      {reloaded ? <div data-testid="playground-reloaded"><MetricsTable metrics={reloaded.metrics} /></div> : null}
    </div>
  );
}

/** Seconds since `since` (null = idle), ticking once a second. */
function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
}

const AUTO_LAMBDA = 'autoLambda';

/** Forgets the run's last action progress (a new search starts from nothing). */
const clearActionProgress = (runId: string): void =>
  useStore.setState((s) => ({ actionProgress: Object.fromEntries(Object.entries(s.actionProgress).filter(([id]) => id !== runId)) }));

interface AutoLambdaState {
  readonly auto: CocktailAutoLambda | null;
  /** When the search in flight started (null: idle). */
  readonly since: number | null;
  /** Why the last search left λ as it was (cancelled), until the next one starts. */
  readonly notice: string | null;
  start(): void;
  cancel(): void;
}

/** Auto λ: the entropy-guided search per scenario (the run's grid, then gradient steps from its minimum when the run used them); cancel stops it at its next step. */
function useAutoLambda(runId: string, onFound: (merge: MergeChoice) => void): AutoLambdaState {
  const [auto, setAuto] = useState<CocktailAutoLambda | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = (): void => {
    clearActionProgress(runId);
    setNotice(null);
    setSince(Date.now());
    void invoke('runs.action', { runId, action: AUTO_LAMBDA, args: {} }).then(
      (value) => {
        setSince(null);
        const a = value as CocktailAutoLambda;
        setAuto(a);
        // The slider scores the warm and cold sets at one merge; the warm one is the domain's own scenario.
        onFound({ lambda: a.warm.lambda, layers: a.warm.layers ?? null });
      },
      (error: unknown) => {
        setSince(null);
        const e = toApiError(error);
        if (e.code === 'cancelled') setNotice('Auto λ cancelled; λ unchanged.');
        else useStore.getState().pushError('Playground', e);
      },
    );
  };
  const cancel = (): void => {
    invoke('runs.cancelAction', { runId, action: AUTO_LAMBDA }).catch((error: unknown) => useStore.getState().pushError('Playground', toApiError(error)));
  };
  return { auto, since, notice, start, cancel };
}

/** The running search: a bar of steps done, the elapsed time and an ETA from it, and Cancel. */
function AutoLambdaProgress({ runId, since, onCancel }: { readonly runId: string; readonly since: number; readonly onCancel: () => void }): ReactElement {
  const progress = useStore((s) => s.actionProgress[runId] ?? null);
  const elapsed = useElapsed(since);
  const p = progress?.action === AUTO_LAMBDA ? progress : null;
  const pct = p !== null && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  const eta = p !== null && p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : null;
  return (
    <div className="playground-progress" data-testid="playground-progress" data-done={p?.done} data-total={p?.total}>
      <ProgressBar pct={pct} label="Entropy-guided λ search" />
      <span className="muted small mono" data-testid="playground-progress-label">
        {p === null ? 'starting' : `${p.done} / ${p.total} steps`} · {elapsed} s · {formatEta(eta)}
      </span>
      <button type="button" className="btn btn-small" data-testid="playground-auto-cancel" onClick={onCancel}>Cancel</button>
    </div>
  );
}

interface PlaygroundProps {
  readonly runId: string;
  /** λ of the best validation score on the run's grid. */
  readonly gridLambda: number | null;
  /** The run's λ table (validation, warm, cold NDCG@1 and entropy per grid λ). */
  readonly curve: ResultTable | null;
  /** The run's metrics (its chosen λs are 'lambda' records). */
  readonly metrics: readonly MetricRecord[];
}

/** RecCocktail: the λ slider with live warm/cold metrics, the λ curve, Auto λ (entropy), export and reload. */
export function CocktailPlayground({ runId, gridLambda, curve, metrics }: PlaygroundProps): ReactElement {
  const [merge, setMerge] = useState<MergeChoice>(() => ({ lambda: gridLambda ?? 0.5, layers: null }));
  const lambda = merge.lambda;
  const evaluation = useEvaluation(runId, merge);
  const { auto, since, notice, start, cancel } = useAutoLambda(runId, setMerge);
  return (
    <div className="panel playground" data-testid="playground">
      <div className="panel-title">Cocktail playground</div>
      <div className="playground-row">
        <label className="field">
          <span>
            λ (base spirit share; ingredient 1 − λ): <b className="mono" data-testid="playground-lambda">{lambda.toFixed(2)}</b>
            {merge.layers ? <span className="muted"> (mean of per-layer λ)</span> : null}
          </span>
          <input type="range" min={0} max={1} step={STEP} value={lambda} data-testid="playground-slider" onChange={(e) => setMerge({ lambda: Number(e.target.value), layers: null })} />
        </label>
        <button type="button" className="btn btn-primary" data-testid="playground-auto" disabled={since !== null} onClick={start} title="The λ of lowest prediction entropy on the run's unlabeled prompts (no labels used): grid minimum, then gradient steps">
          {since === null ? 'Auto λ' : 'Searching λ…'}
        </button>
        {since !== null ? <AutoLambdaProgress runId={runId} since={since} onCancel={cancel} /> : null}
      </div>
      {notice !== null ? <p className="muted small" role="status" data-testid="playground-auto-notice">{notice}</p> : null}
      <CocktailLambdas gridLambda={gridLambda} metrics={metrics} auto={auto} />
      {curve ? <LambdaCurve table={curve} lambda={lambda} /> : null}
      <PlaygroundMetrics merge={merge} state={evaluation} />
      <ExportMerged runId={runId} merge={merge} />
    </div>
  );
}
