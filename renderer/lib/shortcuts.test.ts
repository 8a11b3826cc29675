import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const key = (code: string, over: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key: '', code, altKey: true, ctrlKey: false, metaKey: false, targetIsField: false, ...over });

describe('shortcuts', () => {
  it('maps Alt+digits to pages and Alt+T to the theme', () => {
    expect(key('Digit1')).toEqual({ kind: 'navigate', page: 'datasets' });
    expect(key('Digit3')).toEqual({ kind: 'navigate', page: 'compare' });
    expect(key('KeyT')).toEqual({ kind: 'toggle-theme' });
  });
  it('ignores plain keys, other modifiers and typing in fields', () => {
    expect(key('Digit1', { altKey: false })).toBeNull();
    expect(key('Digit1', { ctrlKey: true })).toBeNull();
    expect(key('KeyT', { targetIsField: true })).toBeNull();
    expect(key('KeyX')).toBeNull();
  });
});
