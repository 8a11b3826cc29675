/** Shared look of every recharts chart (axes, grid, tooltip), so all cards read the same. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 4, left: 0 } as const;
export const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 11 } as const;
export const TOOLTIP_STYLE = { background: 'var(--surface-2)', border: '1px solid var(--border)', borderRadius: 6, fontSize: 12 } as const;
export const TOOLTIP_LABEL_STYLE = { color: 'var(--text-muted)' } as const;
