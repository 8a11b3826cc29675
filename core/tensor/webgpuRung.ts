/**
 * The WebGPU rung of the backend ladder. WebGPU exists only where a browser engine runs (an
 * Electron renderer, Chromium); in a Node worker `navigator.gpu` is missing and the rung says so.
 * A software adapter (SwiftShader, or one the browser flags as a fallback) computes correct
 * numbers but slower than patched wasm, so the ladder skips it unless the caller asks for it
 * (tests do: a software adapter counts for correctness).
 */

/** What the rung learned about the machine's WebGPU adapter before switching backends. */
export type GpuProbe = { readonly ok: true; readonly adapter: string; readonly software: boolean } | { readonly ok: false; readonly reason: string };

interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
}

interface AdapterLike {
  readonly info?: AdapterInfoLike;
  readonly isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

function navigatorGpu(): GpuLike | undefined {
  const nav = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  return nav?.gpu;
}

function adapterName(info: AdapterInfoLike | undefined): string {
  const parts = [info?.vendor, info?.architecture, info?.description].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(' ') : 'unnamed adapter';
}

/** Asks the platform for a WebGPU adapter. Never throws. */
export async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = navigatorGpu();
  if (gpu === undefined) return { ok: false, reason: 'no WebGPU here (navigator.gpu is missing: a Node worker, or a browser without WebGPU)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { ok: false, reason: 'WebGPU is present but offers no adapter' };
    const software = adapter.isFallbackAdapter === true || /swiftshader/i.test(adapterName(adapter.info));
    return { ok: true, adapter: adapterName(adapter.info), software };
  } catch (err) {
    return { ok: false, reason: `requesting a WebGPU adapter threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}
