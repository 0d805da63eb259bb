import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebPreferences } from 'electron';
import { externalTarget } from './external';

/**
 * Electron's security checklist, as functions over injected objects so tests can drive them with fakes: locked-down
 * webPreferences, one test for "is this our own page", navigation and window.open denied, a CSP header on every
 * response, and permission requests denied.
 */

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export type UrlCheck = (url: string | null | undefined) => boolean;

/**
 * True only for the app's own page: the built index.html (file://, exact path) or, in development, the dev
 * server's origin. Used both for navigation and for the IPC sender check.
 */
export function createAppUrlCheck(options: { indexHtmlPath: string; devServerUrl?: string | undefined; platform?: NodeJS.Platform }): UrlCheck {
  const caseless = (options.platform ?? process.platform) === 'win32';
  const norm = (p: string) => (caseless ? path.resolve(p).toLowerCase() : path.resolve(p));
  const indexPath = norm(options.indexHtmlPath);
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (raw) => {
    if (!raw) return false;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') {
      if (url.host !== '') return false; // a UNC share is never our page
      try {
        return norm(fileURLToPath(url)) === indexPath;
      } catch {
        return false;
      }
    }
    return devOrigin !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === devOrigin;
  };
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of a WebContents the guard touches. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

/**
 * No new windows, no navigation away from our page, no <webview>. A link the user clicked that may leave the app
 * (https or mailto, see external.ts) is handed to `openExternal`, which asks before the system opens it.
 */
export function guardWebContents(contents: GuardedContents, options: { isAppUrl: UrlCheck; openExternal: (url: string) => void }): void {
  const leave = (url: string) => {
    if (externalTarget(url)) options.openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
  const stayHome = (event: PreventableEvent, url: string) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    leave(url);
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Replaces any Content-Security-Policy the response had (whatever its header case) with ours. */
export function withCsp(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * The dev server (vite) needs its inline React-refresh preamble and its HMR websocket; only ever used when the page
 * comes from a dev server, never in a packaged app.
 */
export function devServerCsp(csp: string, devServerUrl: string): string {
  const ws = new URL(devServerUrl);
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
  return csp
    .split('; ')
    .map((d) => {
      if (d.startsWith('script-src ')) return `${d} 'unsafe-inline'`;
      if (d.startsWith('connect-src ')) return `${d} ${ws.origin}`;
      return d;
    })
    .join('; ');
}

/** Writing text the user chose to copy is the one capability pages get; everything else is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** The parts of a Session the hardening touches. */
export interface SecuredSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

export function secureSession(session: SecuredSession, options: { csp: string }): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, options.csp) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
