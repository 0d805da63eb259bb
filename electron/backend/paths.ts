import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'FDI Desk';

/**
 * Where the app keeps its data when nobody says otherwise: the same folder Electron's `userData` would be, so that
 * browser mode and the desktop app open the same database. `FDI_DESK_HOME` overrides it (tests, portable use).
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FDI_DESK_HOME) return path.resolve(env.FDI_DESK_HOME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_DIR_NAME);
}

export function defaultDbPath(userDataDir = defaultUserDataDir()): string {
  return path.join(userDataDir, 'fdi-desk.db');
}
