import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY, startHttpServer, type RunningServer } from '../../electron/http/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { ERROR_MESSAGES } from '../../shared/errors';
import { tempBackend, tempDir } from '../helpers/backend';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

let servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

async function start(options: { staticDir?: string } = {}) {
  const backend = await tempBackend();
  const server = await startHttpServer(backend, options);
  servers.push(server);
  return { backend, server };
}

/** A raw request, so that Host and the body can be anything a client might send. */
function request(
  server: RunningServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[] },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
        });
      },
    );
    // the server may answer and close before a refused body is fully sent
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    if (options.chunks) for (const c of options.chunks) req.write(c);
    req.end(options.body);
  });
}

const api = (server: RunningServer, method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${server.token}` }) =>
  request(server, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** After any refusal the server must still answer a good call. */
async function stillServes(server: RunningServer) {
  const r = await api(server, 'system.info', {});
  expect(r.status).toBe(200);
  expect(r.json()).toMatchObject({ ok: true, value: { schemaVersion: expect.any(Number) } });
}

describe('POST /api/<method>', () => {
  it('binds 127.0.0.1 and prints a URL with its token', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers a call with the token with the envelope', async () => {
    const { server, backend } = await start();
    const r = await api(server, 'reference.searchIndustries', { query: 'C3670', limit: 1 });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json()).toEqual({ ok: true, value: [{ code: '3670', name: '汽车零部件及配件制造', level: 'class', parent: '367', section: 'C' }] });
    // an empty body is {}
    const empty = await request(server, { method: 'POST', path: '/api/system.info', headers: { authorization: `Bearer ${server.token}` } });
    expect(empty.json()).toMatchObject({ ok: true, value: { path: backend.ctx.dbPath } });
    // the same names also work on localhost
    const viaLocalhost = await request(server, { method: 'POST', path: '/api/system.info', headers: { host: `localhost:${server.port}`, authorization: `Bearer ${server.token}` } });
    expect(viaLocalhost.status).toBe(200);
    // the scheme is case-insensitive (RFC 9110); the token is not
    for (const scheme of ['bearer', 'BEARER', 'Bearer ']) {
      expect((await api(server, 'system.info', {}, { authorization: `${scheme} ${server.token}` })).status, scheme).toBe(200);
    }
    expect((await api(server, 'system.info', {}, { authorization: `Bearer ${server.token.toUpperCase()}` })).status).toBe(401);
  });

  it('refuses a missing or wrong token with 401 UNAUTHORIZED', async () => {
    const { server } = await start();
    const wrong = server.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (const headers of [{} as Record<string, string>, { authorization: `Bearer ${wrong}` }, { authorization: `Bearer ${server.token}x` }, { authorization: server.token }, { authorization: 'Bearer ' }]) {
      const r = await api(server, 'system.info', {}, headers);
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: ERROR_MESSAGES.UNAUTHORIZED } });
    }
    // the query token is for GET routes only
    const viaQuery = await request(server, { method: 'POST', path: `/api/system.info?token=${server.token}` });
    expect(viaQuery.status).toBe(401);
    await stillServes(server);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding), even with the token', async () => {
    const { server } = await start();
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`]) {
      const r = await request(server, { method: 'POST', path: '/api/system.info', headers: { host, authorization: `Bearer ${server.token}` } });
      expect(r.status, host).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN_HOST');
    }
    const page = await request(server, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    await stillServes(server);
  });

  it('an unknown method is 404 with the envelope', async () => {
    const { server } = await start();
    const r = await api(server, 'nope.nothing', {});
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `${ERROR_MESSAGES.UNKNOWN_METHOD}：nope.nothing` } });
    const get = await request(server, { path: '/api/system.info', headers: { authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(404);
    expect(get.json().error.code).toBe('NOT_FOUND');
    const undecodable = await request(server, { method: 'POST', path: '/api/%E0%A4%A', headers: { authorization: `Bearer ${server.token}` } });
    expect(undecodable.status).toBe(404);
    expect(undecodable.json().ok).toBe(false);
    await stillServes(server);
  });

  it('invalid input is 422 INVALID_INPUT with its problems', async () => {
    const { server } = await start();
    const r = await api(server, 'settings.saveDistrict', { name: '' });
    expect(r.status).toBe(422);
    expect(r.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', problems: [{ column: 'name', message: '名称不能为空' }] } });
  });

  it('a body that is not JSON is 400 BAD_JSON', async () => {
    const { server } = await start();
    for (const body of ['{"query": ', 'hello', '{\'a\': 1}', Buffer.from([0xff, 0xfe, 0x00])]) {
      const r = await request(server, { method: 'POST', path: '/api/system.info', headers: { authorization: `Bearer ${server.token}` }, body });
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({ ok: false, error: { code: 'BAD_JSON', message: ERROR_MESSAGES.BAD_JSON } });
    }
    await stillServes(server);
  });

  it('a body over MAX_JSON_BODY is 413 BODY_TOO_LARGE, declared or streamed', async () => {
    const { server } = await start();
    const big = Buffer.alloc(MAX_JSON_BODY + 10, 0x20);
    const declared = await request(server, { method: 'POST', path: '/api/system.info', headers: { authorization: `Bearer ${server.token}` }, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json().error.code).toBe('BODY_TOO_LARGE');
    await stillServes(server);
    // chunked: no Content-Length, so the limit is found while reading
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(MAX_JSON_BODY / 4, 0x20));
    const streamed = await request(server, { method: 'POST', path: '/api/system.info', headers: { authorization: `Bearer ${server.token}`, 'transfer-encoding': 'chunked' }, chunks });
    expect(streamed.status).toBe(413);
    expect(streamed.json().error.code).toBe('BODY_TOO_LARGE');
    await stillServes(server);
    // just under the limit is read
    const fits = `{"reason":"ok"}${' '.repeat(MAX_JSON_BODY - 20)}`;
    const ok = await request(server, { method: 'POST', path: '/api/system.listBackups', headers: { authorization: `Bearer ${server.token}` }, body: fits });
    expect(ok.status).toBe(200);
  });
});

describe('GET /events (SSE)', () => {
  it('needs the token, then streams changed and job events', async () => {
    const { server, backend } = await start();
    expect((await request(server, { path: '/events' })).status).toBe(401);

    const received: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/events?token=${server.token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', async (text: string) => {
          buffer += text;
          if (text.startsWith(': connected')) {
            // connected: cause one change over HTTP and one job in the backend
            await api(server, 'settings.saveDistrict', { name: '姑苏区' });
            backend.ctx.jobs.start('demo', () => 'ok');
          }
          for (const block of buffer.split('\n\n').slice(0, -1)) if (block.startsWith('data: ')) received.push(block.slice(6));
          buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
          const events = received.map((r) => JSON.parse(r));
          if (events.some((e) => e.type === 'job' && e.job.status === 'done')) {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', reject);
    });
    await done;
    const events = received.map((r) => JSON.parse(r));
    expect(events).toContainEqual({ type: 'changed', areas: ['settings', 'audit'] });
    expect(events).toContainEqual(expect.objectContaining({ type: 'job', job: expect.objectContaining({ kind: 'demo', status: 'done', result: 'ok' }) }));
    await stillServes(server);
  });
});

describe('upload and download', () => {
  it('round-trips the bytes by id; download needs the token', async () => {
    const { server } = await start();
    const bytes = Buffer.concat([randomBytes(200_000), Buffer.from('外资统计', 'utf8'), Buffer.alloc(100)]);
    const name = '2025年3月 外资统计.xlsx';
    const noToken = await request(server, { method: 'POST', path: `/upload?name=${encodeURIComponent(name)}`, body: bytes });
    expect(noToken.status).toBe(401);
    const up = await request(server, { method: 'POST', path: `/upload?name=${encodeURIComponent(name)}`, headers: { authorization: `Bearer ${server.token}` }, body: bytes });
    expect(up.status).toBe(200);
    const { fileId, size, name: stored } = up.json().value;
    expect(size).toBe(bytes.length);
    expect(stored).toBe(name);
    expect((await api(server, 'files.info', { fileId })).json()).toEqual({ ok: true, value: { fileId, name, size } });

    expect((await request(server, { path: `/download/${fileId}` })).status).toBe(401);
    expect((await request(server, { path: `/download/${fileId}?token=wrong` })).status).toBe(401);
    for (const down of [
      await request(server, { path: `/download/${fileId}?token=${server.token}` }),
      await request(server, { path: `/download/${fileId}`, headers: { authorization: `Bearer ${server.token}` } }),
    ]) {
      expect(down.status).toBe(200);
      expect(down.body.equals(bytes)).toBe(true);
      expect(down.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    }
    const missing = await request(server, { path: `/download/nope?token=${server.token}` });
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('FILE_NOT_FOUND');
  });

  it('an upload name cannot reach outside the uploads folder', async () => {
    const { server, backend } = await start();
    const up = await request(server, { method: 'POST', path: `/upload?name=${encodeURIComponent('../../evil.txt')}`, headers: { authorization: `Bearer ${server.token}` }, body: 'x' });
    const file = backend.ctx.files.get(up.json().value.fileId);
    expect(path.dirname(file.path)).toBe(path.join(backend.ctx.files.workDir, 'uploads'));
    expect(file.name).toBe('evil.txt');
  });

  it('a registered file gone from disk is an error answer, and the server keeps serving', async () => {
    const { server, backend } = await start();
    const up = await request(server, { method: 'POST', path: '/upload?name=a.xlsx', headers: { authorization: `Bearer ${server.token}` }, body: 'abc' });
    const { fileId } = up.json().value;
    fs.rmSync(backend.ctx.files.get(fileId).path);
    const r = await request(server, { path: `/download/${fileId}?token=${server.token}` });
    expect(r.status).toBe(404);
    await stillServes(server);
  });
});

describe('static renderer', () => {
  function staticSite() {
    const root = tempDir();
    const site = path.join(root, 'site');
    fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>外资工作台</title>');
    fs.writeFileSync(path.join(site, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
    fs.mkdirSync(path.join(root, 'site-evil'));
    fs.writeFileSync(path.join(root, 'site-evil', 'x.txt'), 'SIBLING-SECRET');
    return site;
  }

  it('serves index.html with the CSP header, assets with their type, and the app for client routes', async () => {
    const { server } = await start({ staticDir: staticSite() });
    const index = await request(server, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body.toString()).toContain('外资工作台');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await request(server, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body.toString()).toBe('console.log(1)');
    const route = await request(server, { path: '/projects/12?tab=log' });
    expect(route.body.toString()).toContain('外资工作台');
    expect(route.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses .. traversal in every spelling', async () => {
    const { server } = await start({ staticDir: staticSite() });
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt', '/../site-evil/x.txt', '/..%2fsite-evil%2fx.txt', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const r = await request(server, { path: p });
      expect(r.body.toString(), p).not.toMatch(/SECRET|root:/);
    }
    const undecodable = await request(server, { path: '/%E0%A4%A' });
    expect(undecodable.status).toBeLessThan(500);
    await stillServes(server);
  });

  it('says the renderer is not built when there is no index.html', async () => {
    const { server } = await start({ staticDir: tempDir() });
    const r = await request(server, { path: '/' });
    expect(r.status).toBe(503);
    expect(r.body.toString()).toMatch(/npm run build:renderer/);
  });
});
