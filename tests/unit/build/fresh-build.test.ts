import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronTarget, rendererTarget, staleness, type FileTimes } from '../../../build/scripts/fresh-build';
import { buildChanged, DEMO_CREATED } from '../../../build/scripts/start';
import { tempDir } from '../../helpers/backend';

/** A project tree on disk: the sources a build reads, with their times set by hand. */
function project() {
  const root = tempDir();
  const write = (rel: string, text = '//', mtime = 1_000) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    fs.utimesSync(file, mtime, mtime);
  };
  write('renderer/index.html');
  write('renderer/src/main.tsx');
  write('shared/format.ts');
  write('electron/main/index.ts');
  write('build/scripts/build-electron.ts');
  write('package-lock.json', '{}');
  write('tsconfig.web.json', '{}');
  return { root, write };
}

/** Builders that write the output a real build would, and count their runs. */
function builders(root: string, at = 2_000) {
  const runs: string[] = [];
  const out = (file: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'built');
    fs.utimesSync(file, at, at);
  };
  return {
    runs,
    renderer: () => (runs.push('renderer'), out(rendererTarget(root).output), true),
    electron: async () => (runs.push('electron'), out(electronTarget(root).output)),
  };
}

describe('builds only what changed', () => {
  it('a fresh clone builds both, a second start neither, a changed source only what reads it', async () => {
    const { root, write } = project();
    const b = builders(root);
    const said: string[] = [];
    const say = (line: string) => said.push(line);
    expect(await buildChanged(b, { root, say })).toBe(true);
    expect(b.runs).toEqual(['renderer', 'electron']);
    expect(said[0]).toContain('尚未构建过');

    b.runs.length = 0;
    said.length = 0;
    expect(await buildChanged(b, { root, say })).toBe(true);
    expect(b.runs).toEqual([]);
    expect(said).toEqual([]);

    write('electron/backend/new.ts', '//', 3_000);
    await buildChanged(builders(root, 4_000), { root, say });
    expect(said).toEqual([expect.stringContaining(path.join('electron', 'backend', 'new.ts'))]);

    const again = builders(root, 6_000);
    write('shared/format.ts', '// changed', 5_000);
    await buildChanged(again, { root, say });
    expect(again.runs).toEqual(['renderer', 'electron']);
  });

  it('stops at a failed renderer build, and says so', async () => {
    const { root } = project();
    const b = builders(root);
    expect(await buildChanged({ renderer: () => false, electron: b.electron }, { root, say: () => undefined })).toBe(false);
    expect(b.runs).toEqual([]);
  });

  it('walks folders, skipping dot-files and node_modules', () => {
    const times: Record<string, number> = { '/p/out.html': 10, '/p/src/a.ts': 5, '/p/src/.cache': 50, '/p/src/node_modules/x.js': 60 };
    const files: FileTimes = {
      mtime: (f) => times[f] ?? null,
      list: (d) => (d === '/p/src' ? ['a.ts', '.cache', 'node_modules'] : d === '/p/src/node_modules' ? ['x.js'] : null),
    };
    const target = { name: 't', nameEn: 't', output: '/p/out.html', inputs: ['/p/src'] };
    expect(staleness(target, files)).toEqual({ stale: false });
    times['/p/src/a.ts'] = 11;
    expect(staleness(target, files)).toEqual({ stale: true, reason: 'changed', file: '/p/src/a.ts' });
    delete times['/p/out.html'];
    expect(staleness(target, files)).toEqual({ stale: true, reason: 'missing' });
  });

  it('the demo line is Chinese first', () => {
    expect(DEMO_CREATED.startsWith('已新建演示数据库')).toBe(true);
  });
});
