import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHost } from '../../electron/host/host';
import type { FromHost } from '../../electron/host/protocol';
import { tempDir } from '../helpers/backend';

/** The host on an in-memory port: what it answers, in order. */
function host() {
  const out: FromHost[] = [];
  const logs: string[] = [];
  const exits: number[] = [];
  let send: (message: unknown) => void = () => {};
  runHost({ postMessage: (m) => out.push(m), onMessage: (l) => (send = l) }, { log: (l) => logs.push(l), exit: (code) => exits.push(code) });
  const next = async (type: FromHost['type']) => {
    await expect.poll(() => out.some((m) => m.type === type)).toBe(true);
    return out.splice(out.findIndex((m) => m.type === type), 1)[0]!;
  };
  return { send: (m: unknown) => send(m), out, logs, exits, next };
}

describe('the backend host', () => {
  it('answers a call before the database is open BACKEND_UNAVAILABLE, and ignores a malformed message', async () => {
    const h = host();
    h.send({ type: 'call', id: 1, method: 'system.info', input: {} });
    expect(await h.next('reply')).toMatchObject({ id: 1, result: { ok: false, error: { code: 'BACKEND_UNAVAILABLE' } } });
    h.send({ type: 'call', id: 'two' });
    h.send('not a message');
    expect(h.logs.filter((l) => l.includes('malformed'))).toHaveLength(2);
    expect(h.out).toEqual([]);
  });

  it('opens, answers through dispatch, refuses a second open, and closes on shutdown', async () => {
    const h = host();
    const dir = tempDir();
    const dbPath = path.join(dir, 'a.db');
    const options = { dbPath, referenceDir: path.resolve('shared/reference'), workDir: path.join(dir, 'work'), demoWhenNew: false };
    h.send({ type: 'open', options });
    expect(await h.next('ready')).toEqual({ type: 'ready', fresh: true, dbPath });
    h.send({ type: 'open', options });
    h.send({ type: 'call', id: 7, method: 'system.info', input: {}, origin: 'window-1' });
    expect(await h.next('reply')).toMatchObject({ id: 7, result: { ok: true, value: { path: dbPath, isDemo: false } } });
    expect(h.logs).toContain('[host] ignored a second open');
    h.send({ type: 'files', id: 8, request: { op: 'get', fileId: 'nope' } });
    expect(await h.next('reply')).toMatchObject({ id: 8, result: { ok: false, error: { code: 'FILE_NOT_FOUND' } } });
    h.send({ type: 'shutdown' });
    expect(h.exits).toEqual([0]);
    h.send({ type: 'call', id: 9, method: 'system.info', input: {} });
    expect(await h.next('reply')).toMatchObject({ id: 9, result: { ok: false, error: { code: 'BACKEND_UNAVAILABLE' } } });
  });

  it('says why it cannot open a database (fatal, as data) and stays up for another try', async () => {
    const h = host();
    const dir = tempDir();
    h.send({ type: 'open', options: { dbPath: path.join(dir, 'none', 'x.db'), referenceDir: path.join(dir, 'no-reference'), demoWhenNew: false } });
    const fatal = await h.next('fatal');
    expect(fatal).toMatchObject({ type: 'fatal', error: { code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    h.send({ type: 'open', options: { dbPath: path.join(dir, 'b.db'), referenceDir: path.resolve('shared/reference'), workDir: path.join(dir, 'work'), demoWhenNew: false } });
    expect(await h.next('ready')).toMatchObject({ fresh: true });
    h.send({ type: 'shutdown' });
  });
});
