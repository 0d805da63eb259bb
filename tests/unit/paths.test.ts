import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbPath, defaultUserDataDir } from '../../electron/backend/paths';

describe('where the data lives by default', () => {
  it('is the folder Electron’s userData would be, per platform', () => {
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'FDI Desk'));
    expect(defaultUserDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'FDI Desk'));
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe(path.join('/x/config', 'FDI Desk'));
    expect(defaultUserDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'FDI Desk'));
  });

  it('FDI_DESK_HOME overrides it everywhere', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(defaultUserDataDir({ FDI_DESK_HOME: '/portable/data', APPDATA: 'C:\\x' }, platform)).toBe(path.resolve('/portable/data'));
    }
  });

  it('the database is fdi-desk.db in that folder', () => {
    expect(defaultDbPath('/data')).toBe(path.join('/data', 'fdi-desk.db'));
  });
});
