/**
 * A cheap look for a WebGPU adapter before starting the compute worker: without one the worker
 * (and the engine bundle it loads) is never started. The worker runs the full probe and self-test.
 */
interface GpuLike {
  requestAdapter(): Promise<object | null>;
}

/** null when this window has an adapter, otherwise why not. */
export async function missingWebGpu(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (gpu === undefined) return 'this window has no WebGPU';
  try {
    return (await gpu.requestAdapter()) === null ? 'WebGPU offers no adapter here' : null;
  } catch (err) {
    return `requesting a WebGPU adapter failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}
