/**
 * Tells the user when a run ends: an in-app toast always, and a desktop notification when the
 * window is in the background (permission is asked the first time a run is started).
 */
import type { RunStatus, RunSummary } from '../../core/protocol';
import { formatMetric } from '../lib/format';
import { runTitle } from '../lib/runLabel';
import { headlineLabel, headlineMetric, headlineVariantOf } from '../lib/runStatus';
import { useStore } from '../store';

const ENDED: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled']);

/** "HR@10 0.2912" of the run's headline variant (as the run list shows it), when present. */
function headline(run: RunSummary, variant: string | undefined): string {
  const hr = headlineMetric(run.metrics, 'HR', 10, variant);
  return hr ? ` · ${headlineLabel(hr)} ${formatMetric(hr.value)}` : '';
}

/** The text of the notice for a run that just ended; `variant` is its recipe's headline variant. */
export function endNotice(run: RunSummary, variant?: string): string {
  if (run.status === 'done') return `${runTitle(run)} finished${headline(run, variant)}`;
  if (run.status === 'cancelled') return `${runTitle(run)} was cancelled`;
  return `${runTitle(run)} failed${run.error ? `: ${run.error}` : ''}`;
}

/** True when `next` is the transition of a known, running run into an end state. */
export function justEnded(previous: RunSummary | undefined, next: RunSummary): boolean {
  return previous !== undefined && !ENDED.has(previous.status) && ENDED.has(next.status);
}

/** Asks once for desktop notifications (best effort; refusal only loses the desktop popup). */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}

/** Shows the notice for a run that ended. */
export function notifyRunEnded(run: RunSummary): void {
  const text = endNotice(run, headlineVariantOf(useStore.getState().recipes, run.model));
  useStore.getState().pushNotice({ runId: run.id, text, tone: run.status === 'done' ? 'ok' : 'warn' });
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
    new Notification('RecForge', { body: text, tag: run.id });
  }
}
