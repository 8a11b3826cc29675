/**
 * The one Content-Security-Policy of the studio, sent as a header by both hosts.
 * Recharts sets inline style attributes, hence style-src 'unsafe-inline'; no inline scripts, no eval.
 * Connections: only the app's own origin, plus (web host) its WebSocket on its own port, so a page
 * can reach no other local service.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The window's compute host is a module Web Worker bundled next to the app's scripts.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The web host's policy: its page talks to the WebSocket on the port it was served from. */
export function webHostContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}
