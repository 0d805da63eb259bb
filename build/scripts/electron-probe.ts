import fs from 'node:fs';
import path from 'node:path';

export interface ProbeDeps {
  /** node_modules/electron */
  electronDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(file: string): boolean;
  readFile(file: string): string | null;
}

export type ProbeResult =
  | { runnable: true; binary: string }
  | { runnable: false; reason: string; reasonEn: string };

export function realProbeDeps(root: string): ProbeDeps {
  return {
    electronDir: path.join(root, 'node_modules', 'electron'),
    env: process.env,
    platform: process.platform,
    exists: (file) => fs.existsSync(file),
    readFile: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * Can `npm start` open the desktop app here? Looks only at files (never `require('electron')`, which would try to
 * download the binary — slow, and it fails offline): the npm package, the binary its path.txt names, a display.
 */
export function probeElectron(deps: ProbeDeps): ProbeResult {
  if (deps.env.FDI_DESK_BROWSER === '1') return { runnable: false, reason: '已设置 FDI_DESK_BROWSER=1', reasonEn: 'FDI_DESK_BROWSER=1 is set' };
  if (!deps.exists(path.join(deps.electronDir, 'package.json'))) {
    return { runnable: false, reason: '未安装 electron 软件包', reasonEn: 'the electron package is not installed' };
  }
  const relative = deps.readFile(path.join(deps.electronDir, 'path.txt'))?.trim();
  const override = deps.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = relative ? (override ? path.join(override, relative) : path.join(deps.electronDir, 'dist', relative)) : null;
  if (!binary || !deps.exists(binary)) {
    return { runnable: false, reason: 'Electron 程序文件未下载（本机离线）', reasonEn: 'the Electron binary has not been downloaded (offline machine)' };
  }
  if (deps.platform === 'linux' && !deps.env.DISPLAY && !deps.env.WAYLAND_DISPLAY) {
    return { runnable: false, reason: '没有图形界面（未设置 DISPLAY）', reasonEn: 'no graphical display (DISPLAY is not set)' };
  }
  return { runnable: true, binary };
}
