/**
 * One call per tensor test file: initialises the backend once and asserts, around every test,
 * that no tensor leaked.
 */
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { initBackend } from '../tensor/backend';
import { startLeakCheck } from './leaks';

export function useTensorSuite(backend: 'wasm' | 'cpu' = 'wasm'): void {
  let leakCheck: () => void = () => undefined;
  beforeAll(async () => {
    await initBackend({ prefer: [backend] });
  });
  beforeEach(() => {
    leakCheck = startLeakCheck();
  });
  afterEach(() => leakCheck());
}
