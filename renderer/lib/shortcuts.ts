/** Keyboard shortcuts of the studio: Alt+1/2/3 pages, Alt+T theme (pure mapping, installed in bootstrap). */
import type { Page } from '../store/types';

export type ShortcutAction = { readonly kind: 'navigate'; readonly page: Page } | { readonly kind: 'toggle-theme' };

/** The action of a key press, or null. Typing in a field never triggers a shortcut. */
export function shortcutFor(e: { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; targetIsField: boolean }): ShortcutAction | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.targetIsField) return null;
  // `code` is layout-independent: Alt+digit produces other characters on some keyboards.
  switch (e.code) {
    case 'Digit1': return { kind: 'navigate', page: 'datasets' };
    case 'Digit2': return { kind: 'navigate', page: 'runs' };
    case 'Digit3': return { kind: 'navigate', page: 'compare' };
    case 'Digit4': return { kind: 'navigate', page: 'models' };
    case 'KeyT': return { kind: 'toggle-theme' };
    default: return null;
  }
}
