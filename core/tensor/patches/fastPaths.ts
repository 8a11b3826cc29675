/**
 * On/off switches for our optional fast kernel paths. Each fast path keeps the stock (or the
 * previously proven) kernel behind it and checks its switch on every call, so the start-up
 * self-test can turn a misbehaving fast path off and re-test, instead of abandoning the whole
 * backend (core/tensor/selfTest.ts).
 */

const enabled = new Map<string, boolean>();

/** Declares a fast path (enabled by default); idempotent. */
export function declareFastPath(name: string): void {
  if (!enabled.has(name)) enabled.set(name, true);
}

/** True when `name` may run (undeclared names are treated as enabled). */
export function isFastPathEnabled(name: string): boolean {
  return enabled.get(name) ?? true;
}

/** Turns `name` on or off. */
export function setFastPathEnabled(name: string, on: boolean): void {
  enabled.set(name, on);
}

/** Names of the declared fast paths that are currently on. */
export function enabledFastPaths(): string[] {
  return [...enabled].filter(([, on]) => on).map(([name]) => name);
}
