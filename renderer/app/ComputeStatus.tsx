import type { ReactElement } from 'react';
import type { ComputeRouting } from '../../core/protocol';
import { useStore } from '../store';

/** Worth a status item: a window trains, offers WebGPU, or the side is forced; otherwise the backend item says it all. */
function noteworthy(compute: ComputeRouting): boolean {
  return compute.target !== 'node' || compute.window !== null || compute.preference !== 'auto';
}

/** Where SASRec trains and why (e.g. "training on WebGPU (window, SwiftShader) — Node worker has wasm"). */
export function ComputeStatus(): ReactElement | null {
  const compute = useStore((s) => s.system?.compute ?? null);
  const note = useStore((s) => s.windowCompute);
  if (compute === null || !noteworthy(compute)) return null;
  const title = [compute.reason, compute.window?.detail, note].filter((t) => t !== undefined && t !== null).join('\n');
  return (
    <span className="status-item status-compute" data-testid="status-compute" data-target={compute.target} title={title}>
      {compute.reason}
    </span>
  );
}
