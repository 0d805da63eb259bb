import { ORIGIN_HEADER, type BackendEvent } from '../../../shared/api';
import type { Result } from '../../../shared/result';
import { errorData } from '../../../shared/result';
import '../../../shared/bridge';

/** How calls reach the backend: Electron IPC through the preload bridge, or localhost HTTP in browser mode. */
export interface Transport {
  kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** Browser mode only: the per-run token, for uploads and downloads. */
  token?: string;
  /** This window's (tab's) id in the change events its calls cause; absent when the shell does not say it. */
  origin?: string;
}

const TOKEN_KEY = 'fdi-desk-token';

/** Takes the token from `?token=` once (then drops it from the address bar) and keeps it for reloads of this tab. */
function readToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = readToken();
  // a new id per page load: each tab (and each reload) is its own origin
  const origin = crypto.randomUUID();
  const listeners = new Set<(event: BackendEvent) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      const event = JSON.parse(m.data) as BackendEvent;
      for (const l of listeners) l(event);
    };
  };
  return {
    kind: 'http',
    token,
    origin,
    async call(method, input) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, [ORIGIN_HEADER]: origin },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: errorData('INTERNAL', `无法连接后台服务：${(err as Error).message}`) };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
  };
}

export function createTransport(): Transport {
  const bridge = window.bridge;
  // The bridge's own typing is per method; the transport is the untyped layer under api/client.ts.
  if (bridge) {
    const call = (m: string, i: unknown) => (bridge.call as (m: string, i: unknown) => Promise<Result<unknown>>)(m, i);
    return { kind: 'ipc', call, onEvent: (l) => bridge.onEvent(l), origin: bridge.origin };
  }
  return httpTransport();
}
