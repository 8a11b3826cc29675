import { describe, expect, it } from 'vitest';
import { markerLabelAt } from './draw';
import { elide, layoutMarkerLabels, type MarkerLabel, type PlacedLabel } from './markerLabels';

/** 6 px per character, like a 10 px font. */
const measure = (text: string): number => text.length * 6;

function expectNoOverlap(placed: readonly PlacedLabel[]): void {
  for (const a of placed) {
    for (const b of placed) {
      if (a === b || a.row !== b.row || a.width === 0 || b.width === 0) continue;
      expect(a.left + a.width <= b.left || b.left + b.width <= a.left, `"${a.shown}" overlaps "${b.shown}"`).toBe(true);
    }
  }
}

function expectInside(placed: readonly PlacedLabel[], left: number, right: number): void {
  for (const p of placed) {
    expect(p.left).toBeGreaterThanOrEqual(left);
    expect(p.left + p.width).toBeLessThanOrEqual(right);
  }
}

describe('layoutMarkerLabels', () => {
  it('stacks the LM pretraining phases so "warmup" and "stable" never print over each other', () => {
    // pretrain and warmup start at step 0, stable at step 20 of 200 (a 470 px plot).
    const labels: MarkerLabel[] = [
      { px: 56, text: 'pretrain' },
      { px: 56, text: 'warmup (pretrain)' },
      { px: 96, text: 'stable (pretrain)' },
      { px: 330, text: 'anneal (pretrain)' },
    ];
    const placed = layoutMarkerLabels(labels, measure, { left: 56, right: 526, rows: 4 });
    expectNoOverlap(placed);
    expect(placed.map((p) => p.shown)).toEqual(labels.map((l) => l.text));
    expect(new Set(placed.slice(0, 3).map((p) => p.row)).size).toBe(3);
    expect(placed[3]?.row).toBe(0);
  });

  it('elides labels when the rows run out, keeping the full text', () => {
    const labels: MarkerLabel[] = [
      { px: 56, text: 'catalog pre-training' },
      { px: 56, text: 'train (item-texts)' },
      { px: 146, text: 'base spirit' },
      { px: 146, text: 'train (reccocktail-base-spirit)' },
      { px: 236, text: 'ingredient' },
      { px: 236, text: 'train (reccocktail-ingredient)' },
    ];
    const placed = layoutMarkerLabels(labels, measure, { left: 56, right: 326, rows: 2 });
    expectNoOverlap(placed);
    expectInside(placed, 56, 326);
    expect(placed.some((p) => p.shown.endsWith('…'))).toBe(true);
    expect(placed.map((p) => p.text)).toEqual(labels.map((l) => l.text));
    for (const p of placed) expect(p.text.startsWith(p.shown.replace('…', ''))).toBe(true);
  });

  it('right-aligns a label that would run past the plot', () => {
    const [p] = layoutMarkerLabels([{ px: 500, text: 'train (reccocktail-ingredient)' }], measure, { left: 56, right: 526, rows: 2 });
    expect(p?.shown).toBe('train (reccocktail-ingredient)');
    expect((p?.left ?? 0) + (p?.width ?? 0)).toBe(526);
  });

  it('keeps a label by its line and elides it at the right edge when a useful start of it fits', () => {
    const [p] = layoutMarkerLabels([{ px: 400, text: 'train (reccocktail-ingredient)' }], measure, { left: 56, right: 526, rows: 2 });
    expect(p?.left).toBe(403);
    expect(p?.shown).toBe('train (reccocktail-…');
    expect((p?.left ?? 0) + (p?.width ?? 0)).toBeLessThanOrEqual(526);
  });

  it('keeps many close markers apart in any order', () => {
    const labels = Array.from({ length: 12 }, (_, i) => ({ px: 400 - i * 25, text: `stage number ${i}` }));
    const placed = layoutMarkerLabels(labels, measure, { left: 56, right: 426, rows: 3 });
    expectNoOverlap(placed);
    expectInside(placed, 56, 426);
    expect(Math.max(...placed.map((p) => p.row))).toBeLessThan(3);
  });
});

describe('elide', () => {
  it('cuts the text to the width with an ellipsis, or drops it when not even one letter fits', () => {
    expect(elide('ingredient', 60, measure)).toBe('ingredient');
    expect(elide('ingredient', 30, measure)).toBe('ingr…');
    expect(elide('base spirit', 36, measure)).toBe('base…');
    expect(elide('ingredient', 8, measure)).toBe('');
  });
});

describe('markerLabelAt', () => {
  it('finds the full text of the label under the pointer', () => {
    const placed = layoutMarkerLabels([{ px: 100, text: 'warmup (pretrain)' }, { px: 100, text: 'pretrain' }], measure, { left: 56, right: 526, rows: 4 });
    const warmup = placed[0] as PlacedLabel;
    const y = 8 + 2 + warmup.row * 12 + 6;
    expect(markerLabelAt(placed, warmup.left + 5, y)).toBe('warmup (pretrain)');
    expect(markerLabelAt(placed, 500, y)).toBeNull();
  });
});
