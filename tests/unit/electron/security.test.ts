import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import {
  createAppUrlCheck,
  devServerCsp,
  guardWebContents,
  secureSession,
  secureWebPreferences,
  withCsp,
  type GuardedContents,
  type PreventableEvent,
  type SecuredSession,
} from '../../../electron/main/security';

const INDEX = path.resolve('/opt/FDI Desk/resources/app.asar/dist/renderer/index.html');

class FakeContents implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  listeners = new Map<string, (event: PreventableEvent, url: string) => void>();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  on(event: string, listener: (event: PreventableEvent, url: string) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  fire(event: string, url = ''): boolean {
    let prevented = false;
    this.listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardWebContents(contents, { isAppUrl: createAppUrlCheck({ indexHtmlPath: INDEX, platform: 'linux' }), openExternal: (url) => opened.push(url) });
  return { contents, opened };
}

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps node out of the page', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createAppUrlCheck', () => {
  const check = createAppUrlCheck({ indexHtmlPath: INDEX, platform: 'linux' });
  it('knows our own page however it is encoded, with routes', () => {
    const own = pathToFileURL(INDEX).href; // space encoded as %20
    expect(check(own)).toBe(true);
    expect(check(`${own}#/projects?id=3`)).toBe(true);
  });
  it('refuses every other page', () => {
    for (const url of [
      'file:///etc/passwd',
      pathToFileURL(path.join(path.dirname(INDEX), 'other.html')).href,
      `file://evil-host${pathToFileURL(INDEX).pathname}`,
      'http://127.0.0.1:5173/',
      'https://example.com/index.html',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(check(url), String(url)).toBe(false);
    }
  });
  it('accepts the dev server origin only when one is configured', () => {
    const dev = createAppUrlCheck({ indexHtmlPath: INDEX, devServerUrl: 'http://localhost:5173/', platform: 'linux' });
    expect(dev('http://localhost:5173/#/settings')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://localhost.evil.com:5173/')).toBe(false);
  });
  it('compares Windows paths without case', () => {
    const win = createAppUrlCheck({ indexHtmlPath: '/C/App/index.html', platform: 'win32' });
    expect(win('file:///c/app/INDEX.html')).toBe(true);
  });
});

describe('guardWebContents', () => {
  it('denies window.open and hands a safe external link to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler!({ url: 'https://www.mofcom.gov.cn/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.mofcom.gov.cn/']);
  });
  it('denies navigation away from our page, on both navigate and redirect', () => {
    const { contents, opened } = guarded();
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'http://192.168.1.1/login')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///home/user/evil.html')).toBe(true);
    expect(contents.fire('will-navigate', `${pathToFileURL(INDEX).href}#/settings`)).toBe(false);
    // plain http never leaves (a router's login page, an intranet address): only https and mailto do
    expect(opened).toEqual(['https://example.com/']);
  });
  it('refuses <webview>', () => {
    const { contents } = guarded();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('secureSession', () => {
  function session() {
    const fake = {
      headers: null as null | Parameters<SecuredSession['webRequest']['onHeadersReceived']>[0],
      request: null as null | Parameters<SecuredSession['setPermissionRequestHandler']>[0],
      check: null as null | Parameters<SecuredSession['setPermissionCheckHandler']>[0],
    };
    const s: SecuredSession = {
      webRequest: { onHeadersReceived: (listener) => (fake.headers = listener) },
      setPermissionRequestHandler: (h) => (fake.request = h),
      setPermissionCheckHandler: (h) => (fake.check = h),
    };
    secureSession(s, { csp: CONTENT_SECURITY_POLICY });
    return fake;
  }

  it('adds our CSP to every response, replacing any the response brought', () => {
    const fake = session();
    let out: Record<string, string[] | string> | undefined;
    fake.headers!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    fake.headers!({}, (r) => (out = r.responseHeaders));
    expect(out).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('denies permission requests and checks (camera, location, notifications…)', () => {
    const fake = session();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'hid', 'unknown']) {
      let granted: boolean | undefined;
      fake.request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(fake.check!({}, permission), permission).toBe(false);
    }
    // copying text the user selected keeps working
    expect(fake.check!({}, 'clipboard-sanitized-write')).toBe(true);
  });
});

describe('CSP helpers', () => {
  it('withCsp keeps other headers', () => {
    expect(withCsp({ 'X-A': 'b' }, 'default-src none')).toEqual({ 'X-A': 'b', 'Content-Security-Policy': ['default-src none'] });
  });
  it('devServerCsp only loosens script-src and connect-src for the dev server', () => {
    const dev = devServerCsp(CONTENT_SECURITY_POLICY, 'http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).toContain("object-src 'none'");
    // the policy the app ships with stays strict
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });
});
