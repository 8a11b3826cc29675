/** First reconnect delay (ms). */
export const BACKOFF_BASE_MS = 250;
/** Longest reconnect delay (ms). */
export const BACKOFF_MAX_MS = 5000;

/** Exponential backoff with ±20 % jitter: 250 ms, 500 ms, 1 s … capped at 5 s. `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random));
}
