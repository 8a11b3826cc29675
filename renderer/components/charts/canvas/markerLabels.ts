/**
 * Where the labels of a chart's vertical markers go (pure): in rows at the top of the plot, each
 * next to its line, never over another label and never past the plot's edges.
 */

export interface MarkerLabel {
  /** Pixel x of the marker's line. */
  readonly px: number;
  readonly text: string;
}

export interface PlacedLabel {
  /** Index of the label in the input. */
  readonly index: number;
  readonly row: number;
  /** Pixel x where the drawn text starts. */
  readonly left: number;
  /** Width of the drawn text (0 when there was no room for any of it). */
  readonly width: number;
  /** What is drawn: the text, or its start and an ellipsis when the row has no room for all of it. */
  readonly shown: string;
  /** The full text, for a tooltip. */
  readonly text: string;
}

export interface LabelArea {
  /** The plot's left and right edges in pixels. */
  readonly left: number;
  readonly right: number;
  /** How many rows of labels the plot can spare. */
  readonly rows: number;
}

/** Text width in pixels (the canvas's measureText in the chart, a fixed width per character in tests). */
export type Measure = (text: string) => number;

/** Text starts this far right of its line. */
const GAP = 3;
/** Least free space between two labels in one row. */
const SPACE = 6;
/** Right of its line, room for this much of a label is worth keeping it there (elided); with less it is right-aligned. */
const MIN_ROOM = 48;
const ELLIPSIS = '…';

interface Slot {
  readonly index: number;
  readonly left: number;
  readonly width: number;
  readonly row: number;
}

/**
 * Lays the labels out left to right: each takes the first row where it fits whole; when every row
 * is taken, it goes where it cuts the label before it the least, and that one is elided to end
 * before it. A label that would run past the right edge is elided there, or, when too little of it
 * would show, right-aligned to end at the edge (pulling it far left would put it next to another line).
 */
export function layoutMarkerLabels(labels: readonly MarkerLabel[], measure: Measure, area: LabelArea): PlacedLabel[] {
  const rowEnds: number[] = [];
  const lastInRow: Slot[] = [];
  const slots: Slot[] = [];
  for (const index of byPosition(labels)) {
    const label = labels[index] as MarkerLabel;
    const width = Math.min(measure(label.text), area.right - area.left);
    const left = placeLeft(label.px + GAP, width, area);
    const row = pickRow(rowEnds, lastInRow, left, Math.max(1, area.rows));
    const slot = { index, left, width, row };
    rowEnds[row] = Math.min(left + width, area.right);
    lastInRow[row] = slot;
    slots.push(slot);
  }
  return fitRows(slots, labels, measure, area.right);
}

/** Where a label starting at `start` goes: there, unless it would overflow the right edge with little of it showing. */
function placeLeft(start: number, width: number, area: LabelArea): number {
  const fits = start + width <= area.right || area.right - start >= MIN_ROOM;
  return Math.max(area.left, fits ? start : area.right - width);
}

function byPosition(labels: readonly MarkerLabel[]): number[] {
  return labels.map((_, i) => i).sort((a, b) => (labels[a]?.px ?? 0) - (labels[b]?.px ?? 0) || a - b);
}

/** The first row with room after its last label; else a new row; else the row whose last label keeps the most of itself. */
function pickRow(rowEnds: readonly number[], lastInRow: readonly Slot[], left: number, maxRows: number): number {
  const free = rowEnds.findIndex((end) => end + SPACE <= left);
  if (free >= 0) return free;
  if (rowEnds.length < maxRows) return rowEnds.length;
  let best = 0;
  for (let r = 1; r < lastInRow.length; r++) if ((lastInRow[r]?.left ?? 0) < (lastInRow[best]?.left ?? 0)) best = r;
  return best;
}

/** Each label may run up to the next label of its row (or the right edge); longer ones are elided. */
function fitRows(slots: readonly Slot[], labels: readonly MarkerLabel[], measure: Measure, right: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const sorted = [...slots].sort((a, b) => a.row - b.row || a.left - b.left);
  sorted.forEach((slot, i) => {
    const next = sorted[i + 1];
    const limit = next !== undefined && next.row === slot.row ? next.left - SPACE : right;
    const text = labels[slot.index]?.text ?? '';
    const shown = elide(text, limit - slot.left, measure);
    placed.push({ index: slot.index, row: slot.row, left: slot.left, width: shown === '' ? 0 : measure(shown), shown, text });
  });
  return placed.sort((a, b) => a.index - b.index);
}

/** The text if it fits in `maxWidth`, else its longest start that fits with an ellipsis, else ''. */
export function elide(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 0; // longest prefix known to fit
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : text.slice(0, lo).trimEnd() + ELLIPSIS;
}
