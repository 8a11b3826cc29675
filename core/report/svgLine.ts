/** A static SVG line chart of one series (for reports that must open anywhere, without scripts). */

export interface SvgSeries {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

const W = 640;
const H = 200;
const PAD = 36;
/** Most vertices drawn: a report chart is 640 px wide, more points add bytes, not detail. */
const MAX_POINTS = 1280;

function finiteRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

/** `<svg>` with the polyline (evenly strided to ≤ MAX_POINTS), axis extremes and a title. */
export function svgLineChart(title: string, s: SvgSeries, format: (v: number) => string): string {
  const n = s.xs.length;
  if (n === 0) return `<p>${escapeXml(title)}: no data</p>`;
  const [x0, x1] = finiteRange(s.xs);
  const [y0, y1] = finiteRange(s.ys);
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const pts: string[] = [];
  for (let i = 0; i < n; i += stride) {
    const y = s.ys[i] as number;
    if (!Number.isFinite(y)) continue;
    const px = PAD + (((s.xs[i] as number) - x0) / (x1 - x0)) * (W - 2 * PAD);
    const py = H - PAD - ((y - y0) / (y1 - y0)) * (H - 2 * PAD);
    pts.push(`${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}">`,
    `<text x="${PAD}" y="16" font-size="13">${escapeXml(title)}</text>`,
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#999"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#999"/>`,
    `<text x="2" y="${PAD + 4}" font-size="10">${escapeXml(format(y1))}</text><text x="2" y="${H - PAD}" font-size="10">${escapeXml(format(y0))}</text>`,
    `<text x="${PAD}" y="${H - PAD + 14}" font-size="10">step ${x0}</text><text x="${W - PAD - 60}" y="${H - PAD + 14}" font-size="10">step ${x1}</text>`,
    `<polyline fill="none" stroke="#2f64e8" stroke-width="1.5" points="${pts.join(' ')}"/>`,
    '</svg>',
  ].join('\n');
}

export { escapeXml };
