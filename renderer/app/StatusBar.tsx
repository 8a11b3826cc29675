import type { ReactElement } from 'react';
import type { BackendInfo } from '../../core/protocol';
import { useStore } from '../store';
import { ComputeStatus } from './ComputeStatus';
import { TrainCacheStatus } from './TrainCacheStatus';

function backendTitle(backend: BackendInfo, routing: string | undefined, windowNote: string | null): string {
  const patches = backend.patches.length === 0 ? '' : ` (patches: ${backend.patches.join(', ')})`;
  const degraded = backend.degraded ? `\nSlower than usual: ${backend.degraded}` : '';
  const where = [routing, windowNote].filter((t) => t !== undefined && t !== null).join('\n');
  return `${backend.detail}${patches}${degraded}${where === '' ? '' : `\n${where}`}`;
}

function Backend(): ReactElement {
  const backend = useStore((s) => s.system?.backend ?? null);
  const routing = useStore((s) => s.system?.compute.reason);
  const windowNote = useStore((s) => s.windowCompute);
  if (backend === null) {
    return (
      <span className="status-item" data-testid="status-backend" title="The training worker is initialising its compute backend">
        starting…
      </span>
    );
  }
  return (
    <span className="status-item" data-testid="status-backend" title={backendTitle(backend, routing, windowNote)}>
      {backend.name}{backend.degraded ? ' ⚠' : ''}
    </span>
  );
}

const CONNECTION_LABEL = { connecting: 'connecting…', open: 'connected', reconnecting: 'reconnecting…' } as const;

/** Host mode, compute backend (and where SASRec trains, when a window's WebGPU is involved), connection, stage cache and workspace folder. */
export function StatusBar(): ReactElement {
  const mode = useStore((s) => s.system?.mode ?? s.hostMode);
  const connection = useStore((s) => s.connection);
  const workspace = useStore((s) => s.system?.workspaceDir ?? '');
  const version = useStore((s) => s.system?.version ?? '');
  return (
    <footer className="status-bar">
      <span className="status-label">host</span>
      <span className="status-item" data-testid="status-mode">{mode}</span>
      <span className="status-label">backend</span>
      <Backend />
      <ComputeStatus />
      <span className={`status-item conn conn-${connection}`} data-testid="status-connection">
        {CONNECTION_LABEL[connection]}
      </span>
      <span className="status-spacer" />
      <TrainCacheStatus />
      <span className="status-item status-workspace" data-testid="status-workspace" title={workspace}>
        {workspace}
      </span>
      {version === '' ? null : <span className="status-item">v{version}</span>}
    </footer>
  );
}
