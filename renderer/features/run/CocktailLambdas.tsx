import { memo, type ReactElement } from 'react';
import type { CocktailAutoLambda, CocktailScenarioLambda, MetricRecord } from '../../../core/protocol';

/** The λs a scenario was served with: entropy-guided (gradient or grid), the grid minimum it started from, per-layer λs. */
interface ScenarioLambdas {
  readonly lambda: number;
  readonly method: 'gradient' | 'grid';
  readonly gridLambda: number | null;
  readonly layers: readonly number[] | null;
  /** Mean entropy at the search's first and best step (gradient search only). */
  readonly entropy: { readonly start: number; readonly best: number; readonly steps: number } | null;
}

type Segment = 'warm' | 'cold';

const lambdaMetric = (metrics: readonly MetricRecord[], variant: string, segment: Segment): number | null =>
  metrics.find((m) => m.name === 'lambda' && m.variant === variant && m.protocol.segment === segment)?.value ?? null;

/** What the run itself chose (its 'lambda' metrics): merged = entropy-guided, entropy-grid = the grid minimum when a gradient search ran. */
function fromRun(metrics: readonly MetricRecord[], segment: Segment): ScenarioLambdas | null {
  const lambda = lambdaMetric(metrics, 'merged', segment);
  if (lambda === null) return null;
  const gridLambda = lambdaMetric(metrics, 'entropy-grid', segment);
  return { lambda, method: gridLambda === null ? 'grid' : 'gradient', gridLambda, layers: null, entropy: null };
}

/** What Auto λ found. */
function fromAuto(a: CocktailScenarioLambda): ScenarioLambdas {
  const trace = a.trace ?? [];
  const best = trace.reduce((m, s) => Math.min(m, s.entropy), Infinity);
  const start = trace[0]?.entropy;
  return {
    lambda: a.lambda,
    method: a.method ?? 'grid',
    gridLambda: a.gridLambda ?? null,
    layers: a.layers ?? null,
    entropy: start === undefined ? null : { start, best, steps: trace.length - 1 },
  };
}

const f2 = (x: number): string => x.toFixed(2);

interface RowProps {
  readonly name: string;
  readonly segment: Segment;
  readonly s: ScenarioLambdas | null;
  /** The scenario's validation-grid λ (labelled; new items: their own validation slice when the run had one). */
  readonly validation: number | null;
}

function ScenarioRow({ name, segment, s, validation }: RowProps): ReactElement {
  if (s === null) return <li className="muted">{name}: —</li>;
  return (
    <li data-testid="playground-lambda-row" data-segment={segment} data-method={s.method} data-value={s.lambda}>
      {name}: entropy λ <b className="mono">{f2(s.lambda)}</b> ({s.method === 'gradient' ? 'gradient' : 'grid'})
      {validation !== null ? <> · validation-grid λ <span className="mono" data-testid="playground-validation-lambda">{f2(validation)}</span></> : null}
      {s.method === 'gradient' && s.gridLambda !== null ? <> · entropy-grid λ <span className="mono">{f2(s.gridLambda)}</span></> : null}
      {s.entropy ? <span className="muted"> · entropy {s.entropy.start.toFixed(3)} → {s.entropy.best.toFixed(3)} in {s.entropy.steps} steps</span> : null}
      {s.layers ? (
        <ol className="playground-layers" data-testid="playground-layer-lambdas" aria-label={`Per-layer λ, ${name}`}>
          {s.layers.map((l, i) => (
            <li key={`layer-${i}`} className="mono" title={`layer ${i}: λ ${l.toFixed(4)}`}>
              <span className="playground-layer-bar" style={{ width: `${Math.round(l * 100)}%` }} />
              L{i} {f2(l)}
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

interface CocktailLambdasProps {
  /** λ of the best validation score on the run's grid. */
  readonly gridLambda: number | null;
  readonly metrics: readonly MetricRecord[];
  readonly auto: CocktailAutoLambda | null;
}

/**
 * The λs side by side: the validation grid's, and per scenario the entropy-guided one (Auto λ's
 * when it ran, else the run's) with the entropy grid's minimum it started from and per-layer λs.
 */
export const CocktailLambdas = memo(function CocktailLambdas({ gridLambda, metrics, auto }: CocktailLambdasProps): ReactElement {
  const warm = auto ? fromAuto(auto.warm) : fromRun(metrics, 'warm');
  const cold = auto ? fromAuto(auto.cold) : fromRun(metrics, 'cold');
  return (
    <div className="small" data-testid="playground-lambda-summary">
      <span className="muted" data-testid="playground-lambdas" data-warm={auto?.warm.lambda} data-cold={auto?.cold.lambda}>
        {auto ? `entropy-guided λ: warm ${f2(auto.warm.lambda)}, new items ${f2(auto.cold.lambda)}` : 'entropy-guided λ (Auto λ) —'} · {gridLambda === null ? 'grid-best λ —' : `validation grid-best λ ${f2(gridLambda)}`}
      </span>
      <ul className="playground-lambda-list">
        <ScenarioRow name="warm items" segment="warm" s={warm} validation={lambdaMetric(metrics, 'grid', 'warm') ?? gridLambda} />
        <ScenarioRow name="new items" segment="cold" s={cold} validation={lambdaMetric(metrics, 'grid', 'cold') ?? gridLambda} />
      </ul>
    </div>
  );
});
