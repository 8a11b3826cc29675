import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import type { ActionArtifact, CocktailAutoLambda, CocktailEvaluation, ExportResult, ResultTable } from '../../../core/protocol';
import { ExportFiles } from '../../components/ExportFiles';
import { invoke, toApiError } from '../../ipc/invoke';
import { exportRunArtifact } from '../../ipc/runFileActions';
import { useStore } from '../../store';
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

/** Re-evaluates the merge whenever λ settles (the latest request wins). */
function useEvaluation(runId: string, lambda: number): CocktailEvaluation | null {
  const [evaluation, setEvaluation] = useState<CocktailEvaluation | null>(null);
  const latest = useRef(lambda);
  useEffect(() => {
    latest.current = lambda;
    const timer = setTimeout(() => {
      void act<CocktailEvaluation>(runId, 'evaluate', { lambda }).then((e) => {
        if (e !== null && latest.current === lambda) setEvaluation(e);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [runId, lambda]);
  return evaluation;
}

type ExportFormat = 'adapter' | 'checkpoint';

/** Export the merge at λ (PEFT adapter or merged checkpoint), then load the folder back and rank with it. */
function ExportMerged({ runId, lambda }: { readonly runId: string; readonly lambda: number }): ReactElement {
  const [format, setFormat] = useState<ExportFormat>('adapter');
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<{ path: string; files: ExportResult | null } | null>(null);
  const [reloaded, setReloaded] = useState<CocktailEvaluation | null>(null);
  const onExport = useCallback(() => {
    setReloaded(null);
    setBusy(true);
    void act<ActionArtifact>(runId, 'exportMerged', { lambda, format }).then(async (r) => {
      if (r !== null) setExported({ path: r.artifact.path, files: await exportRunArtifact(runId, r.artifact.path) });
      setBusy(false);
    });
  }, [runId, lambda, format]);
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
        {busy ? 'Exporting…' : `Export merged (λ = ${lambda.toFixed(2)})`}
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

/** Auto λ: the entropy-guided search over the run's grid, per scenario (one merge + scoring of the unlabeled prompts per grid λ). */
function useAutoLambda(runId: string, onFound: (lambda: number) => void): { auto: CocktailAutoLambda | null; since: number | null; start: () => void } {
  const [auto, setAuto] = useState<CocktailAutoLambda | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const start = (): void => {
    setSince(Date.now());
    void act<CocktailAutoLambda>(runId, 'autoLambda', {}).then((a) => {
      setSince(null);
      if (a === null) return;
      setAuto(a);
      onFound(a.warm.lambda); // the slider scores the warm and cold sets at one λ; the warm one is the domain's own scenario
    });
  };
  return { auto, since, start };
}

interface PlaygroundProps {
  readonly runId: string;
  /** λ of the best validation score on the run's grid. */
  readonly gridLambda: number | null;
  /** The run's λ table (validation, warm, cold NDCG@1 and entropy per grid λ). */
  readonly curve: ResultTable | null;
}

/** RecCocktail: the λ slider with live warm/cold metrics, the λ curve, Auto λ (entropy), export and reload. */
export function CocktailPlayground({ runId, gridLambda, curve }: PlaygroundProps): ReactElement {
  const [lambda, setLambda] = useState(gridLambda ?? 0.5);
  const evaluation = useEvaluation(runId, lambda);
  const { auto, since, start } = useAutoLambda(runId, setLambda);
  const elapsed = useElapsed(since);
  return (
    <div className="panel playground" data-testid="playground">
      <div className="panel-title">Cocktail playground</div>
      <div className="playground-row">
        <label className="field">
          <span>λ (base spirit share; ingredient 1 − λ): <b className="mono" data-testid="playground-lambda">{lambda.toFixed(2)}</b></span>
          <input type="range" min={0} max={1} step={STEP} value={lambda} data-testid="playground-slider" onChange={(e) => setLambda(Number(e.target.value))} />
        </label>
        <button type="button" className="btn btn-primary" data-testid="playground-auto" disabled={since !== null} onClick={start} title="The λ of lowest prediction entropy on the run's unlabeled prompts (no labels used)">
          {since === null ? 'Auto λ' : `Searching λ… ${elapsed} s`}
        </button>
        {since !== null ? <progress className="playground-progress" aria-label="Entropy-guided λ search" /> : null}
        <span className="muted small" data-testid="playground-lambdas">
          {auto ? `entropy-guided λ: warm ${auto.warm.lambda.toFixed(2)}, new items ${auto.cold.lambda.toFixed(2)}` : 'entropy-guided λ —'} · {gridLambda === null ? 'grid-best λ —' : `validation grid-best λ ${gridLambda.toFixed(2)}`}
        </span>
      </div>
      {curve ? <LambdaCurve table={curve} lambda={lambda} /> : null}
      <div data-testid="playground-metrics" data-lambda={evaluation?.lambda ?? undefined}>
        {evaluation ? <MetricsTable metrics={evaluation.metrics} /> : <p className="muted">Evaluating…</p>}
      </div>
      <ExportMerged runId={runId} lambda={lambda} />
    </div>
  );
}
