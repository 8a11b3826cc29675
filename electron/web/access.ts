/**
 * Who may talk to the web host: requests must carry the per-launch token, and browsers may only
 * come from the host's own origin (a page on another site cannot drive the engine).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Allowed when there is no Origin (non-browser client with the token) or it is our own origin. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function isAuthorized(req: IncomingMessage, token: string, port: number): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return originAllowed(req, port) && tokenMatches(token, url.searchParams.get('token'));
}
