import type { RendererBridge } from '../../core/protocol';
import { isActive } from '../lib/runStatus';
import { shortcutFor } from '../lib/shortcuts';
import { useStore } from '../store';
import { applyProgressDelta, applyRunSummary } from '../store/reducers';
import type { ConnectionState, Theme } from '../store/types';
import { loadRun } from './actions';
import { justEnded, notifyRunEnded } from './runNotifications';
import { invoke, toApiError } from './invoke';
import { accessToken, connectTransport } from './transport';
import { restartWindowCompute, startWindowCompute } from '../compute/windowCompute';

const THEME_KEY = 'recforge.theme';
const { setState, getState } = useStore;

/** Host events → store. Lives outside React; the bridge keeps the listeners for the page's lifetime. */
function subscribe(bridge: RendererBridge): void {
  bridge.on('runs.onProgress', (delta) => setState((s) => applyProgressDelta(s, delta)));
  bridge.on('runs.onStatus', (summary) => {
    const previous = getState().runs.find((r) => r.id === summary.id);
    setState((s) => applyRunSummary(s, summary));
    if (justEnded(previous, summary)) notifyRunEnded(summary);
  });
  bridge.on('runs.onActionProgress', (progress) => setState((s) => ({ actionProgress: { ...s.actionProgress, [progress.runId]: progress } })));
  bridge.on('datasets.onChanged', (datasets) => setState({ datasets }));
  bridge.on('datasets.onImportProgress', (progress) => {
    if (getState().importing) setState({ importProgress: progress });
  });
  bridge.on('system.onInfo', (system) => {
    systemEvents += 1;
    setState({ system });
  });
}

/**
 * Counts system.onInfo events. hydrate() keeps its system.info answer only if no event came
 * after it was asked: the worker's "ready" event can overtake the slower list calls, and the
 * stale answer (backend still starting) must not overwrite it.
 */
let systemEvents = 0;

/** The entries of `byRun` whose run is in `ids`. */
function onlyRuns<T>(byRun: Readonly<Record<string, T>>, ids: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(byRun).filter(([id]) => ids.has(id)));
}

/** Loads everything a fresh (or reconnected) window shows, then the series of active runs. */
export async function hydrate(): Promise<void> {
  try {
    const eventsBefore = systemEvents;
    const [system, datasets, runs, recipes] = await Promise.all([
      invoke('system.info', {}),
      invoke('datasets.list', {}),
      invoke('runs.list', {}),
      invoke('recipes.list', {}),
    ]);
    const selected = getState().selectedRunId;
    const toLoad = runs.filter((r) => isActive(r.status) || r.id === selected).map((r) => r.id);
    // Other runs' cached charts may have stopped when the connection did: drop them, so opening one loads it whole.
    const keep = new Set(toLoad);
    setState((s) => ({ datasets, runs, recipes, ...(systemEvents === eventsBefore ? { system } : {}), series: onlyRuns(s.series, keep), extras: onlyRuns(s.extras, keep), progress: onlyRuns(s.progress, keep) }));
    await Promise.all(toLoad.map((id) => loadRun(id)));
  } catch (error) {
    getState().pushError('Connect to host', toApiError(error));
  }
}

function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Keeps <html data-theme> and the saved preference in step with the store. */
function followTheme(): void {
  const apply = (theme: Theme): void => {
    document.documentElement.dataset.theme = theme;
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // storage unavailable: the theme still applies for this session
    }
  };
  const initial = storedTheme();
  if (initial !== null) setState({ theme: initial });
  apply(getState().theme);
  useStore.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply(s.theme);
  });
}

/** Connection state → store; the first failed attempt before any success explains itself once. */
function connectionReporter(): (connection: ConnectionState) => void {
  let attempts = 0;
  let explained = false;
  return (connection) => {
    setState({ connection });
    if (connection !== 'connecting' || explained || (attempts += 1) < 2) return;
    explained = true;
    const hint =
      accessToken() === null
        ? 'This page was opened without an access token: use the URL the web host printed (…?token=…).'
        : 'Check that the host is running and that the token in the URL is current.';
    getState().pushError('Connect to host', { code: 'internal', message: `Cannot reach the RecForge host. ${hint} Retrying…` });
  };
}

/** Global keyboard shortcuts (see lib/shortcuts). */
function listenForShortcuts(): void {
  window.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const targetIsField = target !== null && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
    const action = shortcutFor({ key: e.key, code: e.code, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, targetIsField });
    if (action === null) return;
    e.preventDefault();
    if (action.kind === 'toggle-theme') getState().toggleTheme();
    else getState().navigate(action.page);
  });
}

let started = false;

/** Connects to the host, subscribes to its events and hydrates the store. Call once, before render. */
export function startBootstrap(): void {
  if (started) return;
  started = true;
  followTheme();
  listenForShortcuts();
  const noteCompute = (windowCompute: string): void => setState({ windowCompute });
  const { bridge, mode } = connectTransport({
    onConnection: connectionReporter(),
    onReconnect: () => {
      void hydrate();
      restartWindowCompute(noteCompute);
    },
  });
  setState({ hostMode: mode });
  subscribe(bridge);
  // The window's WebGPU compute host starts once the host said where SASRec may train.
  void hydrate().then(() => startWindowCompute(bridge, getState().system?.compute.preference ?? 'auto', noteCompute));
}
