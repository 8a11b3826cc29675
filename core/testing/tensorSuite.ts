/**
 * One call per tensor test file: initialises the backend once and asserts, around every test,
 * that no tensor leaked. The WebGPU test run (vitest.webgpu.config.ts, in Chromium) provides
 * `tensorBackend: 'webgpu'`, so the same model test files run there on the WebGPU backend.
 */
import { afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { initBackend } from '../tensor/backend';
import { startLeakCheck } from './leaks';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Backend for test files that take the default; set by the WebGPU browser run. */
    readonly tensorBackend?: 'webgpu';
  }
}

export function useTensorSuite(backend?: 'wasm' | 'cpu'): void {
  let leakCheck: () => void = () => undefined;
  beforeAll(async () => {
    const chosen = backend ?? inject('tensorBackend') ?? 'wasm';
    const info = await initBackend({ prefer: [chosen], allowSoftwareGpu: true });
    if (info.name !== chosen) throw new Error(`tensor tests asked for ${chosen}, got ${info.name}`);
  });
  beforeEach(() => {
    leakCheck = startLeakCheck();
  });
  afterEach(() => leakCheck());
}
