import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ORIGIN_HEADER } from '../../shared/api';
import { errorData, type Result } from '../../shared/result';
import type { ErrorCode } from '../../shared/errors';
import type { Backend } from '../backend/create';
import { AppError } from '../backend/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export const MAX_JSON_BODY = 1024 * 1024;
export const MAX_UPLOAD_BODY = 512 * 1024 * 1024;

export interface HttpServerOptions {
  port?: number;
  /** The built renderer (dist/renderer); when missing, `/` answers with a note instead. */
  staticDir?: string;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  UNKNOWN_METHOD: 404,
  INTERNAL: 500,
  UNAUTHORIZED: 401,
  FORBIDDEN_HOST: 403,
  NOT_FOUND: 404,
  BODY_TOO_LARGE: 413,
  BAD_JSON: 400,
  FILE_NOT_FOUND: 404,
};

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendError(res: http.ServerResponse, code: ErrorCode, detail?: string): void {
  sendJson(res, STATUS_OF[code] ?? 400, { ok: false, error: errorData(code, detail) });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A path segment decoded, or null when its percent-encoding is broken (`%E0%A4%A`). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Streams a file; a read error (the file vanished) ends the response instead of crashing the process. */
function pipeFile(file: string, res: http.ServerResponse): void {
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new AppError('BODY_TOO_LARGE', `上限 ${Math.round(limit / 1024)} KB`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new AppError('BODY_TOO_LARGE', `上限 ${Math.round(limit / 1024)} KB`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The backend over localhost HTTP, for browser mode and end-to-end tests: 127.0.0.1 only, a per-run token,
 * foreign Host headers refused (DNS rebinding), `POST /api/<method>`, `GET /events` (SSE), uploads and downloads by
 * id, and the renderer build at `/`.
 */
export function startHttpServer(backend: Backend, options: HttpServerOptions = {}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = backend.ctx.events.on((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(line);
  });
  let port = 0;

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendError(res, 'FORBIDDEN_HOST', host);
      const url = new URL(req.url ?? '/', `http://${host}`);
      // the scheme is case-insensitive (RFC 9110 §11.1); the token is not
      const bearer = req.headers.authorization?.match(/^Bearer +(.+)$/i)?.[1];
      // EventSource and <a download> cannot send headers, so those two routes also take the token in the query.
      const authorized = sameToken(bearer, token) || (req.method === 'GET' && sameToken(url.searchParams.get('token'), token));

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendError(res, 'NOT_FOUND', `${req.method} ${url.pathname}`);
        if (!sameToken(bearer, token)) return sendError(res, 'UNAUTHORIZED');
        const body = await readBody(req, MAX_JSON_BODY);
        let input: unknown = {};
        if (body.length) {
          try {
            input = JSON.parse(body.toString('utf8'));
          } catch {
            return sendError(res, 'BAD_JSON');
          }
        }
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return sendError(res, 'UNKNOWN_METHOD', url.pathname.slice(5));
        // the tab's own id, so it can tell its own changes from another tab's in the change events
        const origin = req.headers[ORIGIN_HEADER];
        const result = await backend.dispatch(method, input, { origin: typeof origin === 'string' ? origin.slice(0, 64) : undefined });
        const status = result.ok ? 200 : result.error.code === 'UNKNOWN_METHOD' ? 404 : result.error.code === 'INTERNAL' ? 500 : 422;
        return sendJson(res, status, result);
      }
      if (url.pathname === '/events') {
        if (!authorized) return sendError(res, 'UNAUTHORIZED');
        res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (url.pathname === '/upload') {
        if (req.method !== 'POST') return sendError(res, 'NOT_FOUND');
        if (!sameToken(bearer, token)) return sendError(res, 'UNAUTHORIZED');
        const name = url.searchParams.get('name') ?? 'upload';
        const body = await readBody(req, MAX_UPLOAD_BODY);
        const file = backend.ctx.files.saveUpload(name, body);
        return sendJson(res, 200, { ok: true, value: { fileId: file.fileId, name: file.name, size: file.size } });
      }
      if (url.pathname.startsWith('/download/')) {
        if (!authorized) return sendError(res, 'UNAUTHORIZED');
        const fileId = decodePath(url.pathname.slice('/download/'.length)) ?? '';
        const file = backend.ctx.files.get(fileId);
        // registered earlier, but it may have been removed from disk since
        const stat = fs.statSync(file.path, { throwIfNoEntry: false });
        if (!stat?.isFile()) return sendError(res, 'FILE_NOT_FOUND', file.name);
        res.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(stat.size),
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'Cache-Control': 'no-store',
        });
        // a download sent whole has served: the export is not kept in the temp folder (one cut short can be tried again)
        res.on('finish', () => backend.ctx.files.discard(fileId, 'exports'));
        pipeFile(file.path, res);
        return;
      }
      return serveStatic(res, url.pathname, options.staticDir);
    } catch (err) {
      if (res.headersSent) return res.end();
      if (err instanceof AppError) return sendJson(res, STATUS_OF[err.code] ?? 400, { ok: false, error: err.toData() });
      process.stderr.write(`[http] ${(err as Error)?.stack ?? String(err)}\n`);
      return sendError(res, 'INTERNAL');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const client of sseClients) client.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function serveStatic(res: http.ServerResponse, pathname: string, staticDir: string | undefined): void {
  if (!staticDir || !fs.existsSync(path.join(staticDir, 'index.html'))) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请先运行 npm run build:renderer（renderer build missing）');
    return;
  }
  const decoded = decodePath(pathname);
  if (decoded === null) return sendError(res, 'NOT_FOUND', pathname);
  const root = path.resolve(staticDir);
  let file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Unknown paths get the app (client-side routes); only real asset paths are files.
    file = path.join(root, 'index.html');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers);
  pipeFile(file, res);
}
