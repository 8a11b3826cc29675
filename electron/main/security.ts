/**
 * Hardening of every web contents: CSP header, no navigation away from the app, no new windows,
 * no webviews, no permission grants.
 */
import { app, session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../host/csp';

export function isAppUrl(url: string, appUrl: string): boolean {
  return url === appUrl || url.startsWith(appUrl.replace(/index\.html$/, ''));
}

export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy()] },
    });
  });
  // Only desktop notifications (a run finished); camera, geolocation, etc. are refused, and so are
  // permission checks (which Electron otherwise answers yes) and device access (USB, serial, HID).
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permission === 'notifications');
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export function hardenContents(appUrl: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
