/**
 * The Caller of an Electron window: events go to that webContents only, and it is gone when the
 * window closes, its renderer dies or the page reloads (the compute worker dies with the page).
 * Its paths are the window's grants, kept across calls.
 */
import type { WebContents } from 'electron';
import { CHANNEL_PREFIX } from '../../core/protocol/channels';
import type { Caller } from '../host/caller';
import type { PathAccess } from '../host/pathGrants';

export function windowCaller(contents: WebContents, paths: PathAccess): Caller {
  return {
    id: `window-${contents.id}`,
    paths,
    send: (event, payload) => {
      if (!contents.isDestroyed()) contents.send(CHANNEL_PREFIX + event, payload);
    },
    onGone: (listener) => {
      let called = false;
      const once = (): void => {
        if (called) return;
        called = true;
        listener();
      };
      contents.once('destroyed', once);
      contents.once('render-process-gone', once);
      contents.once('did-navigate', once);
      return () => {
        contents.removeListener('destroyed', once);
        contents.removeListener('render-process-gone', once);
        contents.removeListener('did-navigate', once);
      };
    },
  };
}
