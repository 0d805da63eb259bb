import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../../electron/http/serve';
import { tempDir } from '../helpers/backend';

async function callApi(url: string, method: string) {
  const u = new URL(url);
  const token = u.searchParams.get('token')!;
  const r = await fetch(new URL(`/api/${method}`, u), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
  return (await r.json()) as { ok: boolean; value: any };
}
const info = (url: string) => callApi(url, 'system.info');
const enterpriseCount = async (url: string) => (await callApi(url, 'system.check')).value.counts.enterprise as number;

describe('npm run serve (browser mode)', () => {
  it('starts on a free port with a per-run token; a new database gets demo data, an existing one is left alone', async () => {
    const dir = tempDir();
    const site = path.join(dir, 'site');
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, 'index.html'), '<title>外资工作台</title>');
    const db = path.join(dir, 'browser.db');

    const first = await serve(['--db', db, '--port', '0', '--static', site]);
    let seeded: number;
    try {
      seeded = await enterpriseCount(first.url);
      expect(seeded).toBeGreaterThan(0);
      expect(first.demoCreated).toBe(true); // npm start says so
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
      expect(await info(first.url)).toMatchObject({ ok: true, value: { isDemo: true, path: db } });
      const page = await fetch(first.url);
      expect(await page.text()).toContain('外资工作台');
    } finally {
      await first.close();
    }

    const second = await serve(['--db', db, '--port', '0', '--static', site]);
    try {
      expect(second.url).not.toBe(first.url); // a new token each run
      expect(second.demoCreated).toBe(false);
      expect((await info(second.url)).value.isDemo).toBe(true);
      expect(await enterpriseCount(second.url)).toBe(seeded);
    } finally {
      await second.close();
    }
  });

  it('--empty starts a new database without demo data', async () => {
    const dir = tempDir();
    const running = await serve(['--db', path.join(dir, 'empty.db'), '--port', '0', '--empty', '--static', dir]);
    try {
      expect((await info(running.url)).value.isDemo).toBe(false);
      expect(running.demoCreated).toBe(false);
    } finally {
      await running.close();
    }
  });
});
