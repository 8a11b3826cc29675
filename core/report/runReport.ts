/**
 * A run report as one self-contained HTML file: what ran (recipe, dataset, settings), how it
 * trained (loss and LR charts as inline SVG), what it scored (every metric with its protocol) and
 * the pipeline file that reproduces it. No scripts, no external resources: it opens anywhere.
 */
import type { MetricRecord, RunSummary, SeriesColumns } from '../protocol/dto';
import { describeProtocol } from '../protocol/describeProtocol';
import type { Pipeline } from '../protocol/pipeline';
import { escapeXml, svgLineChart } from './svgLine';

function protocolText(m: MetricRecord): string {
  return `${m.variant ? `${m.variant}: ` : ''}${describeProtocol(m.protocol)}`;
}

function metricsTable(metrics: readonly MetricRecord[]): string {
  if (metrics.length === 0) return '<p>No metrics.</p>';
  const rows = metrics.map((m) => `<tr><td>${escapeXml(m.k === null ? m.name : `${m.name}@${m.k}`)}</td><td>${m.value.toFixed(4)}</td><td>${escapeXml(protocolText(m))}</td></tr>`);
  return `<table><thead><tr><th>Metric</th><th>Value</th><th>Protocol</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function settingsTable(run: RunSummary): string {
  if (!run.config) return '<p>Imported training log (no settings).</p>';
  const rows = Object.entries(run.config).flatMap(([group, values]) =>
    Object.entries(values).map(([k, v]) => `<tr><td>${escapeXml(group)}</td><td>${escapeXml(k)}</td><td>${escapeXml(JSON.stringify(v))}</td></tr>`));
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = 'body{font:14px system-ui,sans-serif;max-width:900px;margin:24px auto;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}pre{background:#f4f4f4;padding:8px;overflow:auto}';

/** The report's HTML. */
export function renderRunReport(run: RunSummary, series: SeriesColumns, pipeline: Pipeline | null, generatedAt: string): string {
  const loss = svgLineChart('Training loss', { xs: series.step, ys: series.loss }, (v) => v.toFixed(4));
  const lr = svgLineChart('Learning rate', { xs: series.step, ys: series.lr }, (v) => v.toExponential(1));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RecForge run ${escapeXml(run.id)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeXml(run.model)} on ${escapeXml(run.datasetName)}</h1>
<p>Run <code>${escapeXml(run.id)}</code> · ${escapeXml(run.status)} · started ${escapeXml(run.createdAt)}${run.finishedAt ? ` · finished ${escapeXml(run.finishedAt)}` : ''} · report ${escapeXml(generatedAt)}</p>
${run.notes ? `<p><em>${escapeXml(run.notes)}</em></p>` : ''}${run.tags.length ? `<p>Tags: ${run.tags.map(escapeXml).join(', ')}</p>` : ''}
<h2>Metrics</h2>
${metricsTable(run.metrics)}
<h2>Training</h2>
${loss}
${lr}
<h2>Settings</h2>
${settingsTable(run)}
${pipeline ? `<h2>Pipeline file</h2><p>Run it again with <code>recforge run pipeline.json</code>.</p><pre>${escapeXml(JSON.stringify(pipeline, null, 2))}</pre>` : ''}
</body></html>
`;
}
