import type { ErrorLocation, EvalProtocol, LineageStep } from '../../core/protocol';

const SEP = ' · ';
const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 100000 → "100,000". */
export function formatInt(n: number): string {
  return intFormat.format(n);
}

/** "HR@10", or "MRR" for a metric without a cut-off. */
export function metricLabel(m: { readonly name: string; readonly k: number | null }): string {
  return m.k === null ? m.name : `${m.name}@${m.k}`;
}

/** Metric values are shown with 4 decimals. */
export function formatMetric(value: number): string {
  return value.toFixed(4);
}

/**
 * A number in a result table, whose columns mix metrics, counts and learning rates: counts as
 * integers ("943", not "943.0000"), tiny values in scientific notation ("3.000e-5", where four
 * decimals would read 0.0000), the rest as metrics.
 */
export function formatTableNumber(value: number): string {
  if (Number.isInteger(value)) return formatInt(value);
  if (Math.abs(value) < 1e-3) return value.toExponential(3);
  return formatMetric(value);
}

/** "u.data:12 · field 'rating' · expected integer 1-5" (only the parts that are present). */
export function formatLocation(loc: ErrorLocation): string {
  const parts = [loc.line === undefined ? loc.file : `${loc.file}:${loc.line}`];
  if (loc.field !== undefined) parts.push(`field '${loc.field}'`);
  if (loc.expected !== undefined) parts.push(`expected ${loc.expected}`);
  return parts.join(SEP);
}

/** 42 → "ETA 0:42", 3723 → "ETA 1:02:03", null → "ETA —". */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'ETA —';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `ETA ${h}:${String(m).padStart(2, '0')}:${s}` : `ETA ${m}:${s}`;
}

/** "test · leave-one-out · 1 + 100 sampled negatives (uniform, seed 2024) · history excluded · 943 users". */
export function describeProtocol(p: EvalProtocol): string {
  const c = p.candidates;
  const ranking = c.kind === 'full' || c.kind === 'sampled';
  const parts: string[] = [p.target, p.split];
  if (p.segment !== undefined && p.segment !== 'all') parts.push(`${p.segment} items`);
  if (p.domain !== undefined) parts.push(`domain ${p.domain}`);
  parts.push(CANDIDATE_TEXT[c.kind](c));
  if (p.scoredLevels !== undefined) parts.push(`leading ${p.scoredLevels} ID level${p.scoredLevels === 1 ? '' : 's'} scored`);
  if (ranking) parts.push(p.excludeHistory ? 'history excluded' : 'history included');
  parts.push(`${formatInt(p.users)} ${c.kind === 'labelled' ? 'samples' : 'users'}`);
  if (p.seed !== undefined) parts.push(`split seed ${p.seed}`);
  if (p.chance !== undefined) parts.push(`chance ${p.chance.toFixed(4)}`);
  return parts.join(SEP);
}

// The renderer imports only types from core/protocol, so its wording lives here too (see
// core/protocol/describeProtocol.ts for the CLI and reports; keep the two in step).
const CANDIDATE_TEXT: { readonly [K in EvalProtocol['candidates']['kind']]: (c: EvalProtocol['candidates']) => string } = {
  full: () => 'full ranking',
  sampled: (c) => (c.kind === 'sampled' ? `1 + ${c.negatives} sampled negatives (${c.sampler}, seed ${c.seed})` : ''),
  labelled: () => 'labelled samples',
  tokens: () => 'held-out tokens',
};

/** "k-core (k=5): 100,000 → 99,287". */
export function formatLineageStep(step: LineageStep): string {
  const params = Object.entries(step.params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  const label = params === '' ? step.step : `${step.step} (${params})`;
  return `${label}: ${formatInt(step.before)} → ${formatInt(step.after)}`;
}

/** Bytes as "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'TB'}`;
}

/**
 * Compact numbers for axes and config: 0.001 → "1e-3", 0.25 → "0.25". With `step`, the spacing of
 * an axis's ticks, a value gets just the digits that tell it from its neighbours a step away:
 * (1.02e-3, 2e-5) → "1.02e-3", where the short form would print "1e-3" for 1e-3 and 1.02e-3 alike.
 */
export function formatCompact(value: number, step?: number): string {
  if (step !== undefined && step > 0) return formatTick(value, step);
  if (value !== 0 && Math.abs(value) < 0.01) return trimExponential(value.toExponential(1));
  return Number(value.toPrecision(4)).toString();
}

function formatTick(value: number, step: number): string {
  if (Math.abs(value) < step * 1e-6) return '0'; // rounding residue of a tick at zero
  const stepExponent = decimalExponent(step);
  if (Math.abs(value) < 0.01) return trimExponential(value.toExponential(Math.max(0, decimalExponent(value) - stepExponent)));
  return trimZeros(value.toFixed(Math.max(0, -stepExponent)));
}

/** k of a number written as m × 10^k with 1 ≤ |m| < 10 (read from the string, free of log10 rounding). */
function decimalExponent(value: number): number {
  return Number(value.toExponential().split('e')[1]);
}

/** "1.50e-3" → "1.5e-3", "1.0e-3" → "1e-3". */
function trimExponential(text: string): string {
  const [mantissa = '', exponent = ''] = text.split('e');
  return `${trimZeros(mantissa)}e${exponent.replace('+', '')}`;
}

/** "0.250" → "0.25", "5.0" → "5"; an integer keeps its zeros. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** A share as a percentage with three significant digits (7.806 % → "7.81 %", 0.01234 % → "0.0123 %"): one rounding everywhere it is shown. */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toPrecision(3)} %`;
}
