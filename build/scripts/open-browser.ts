import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface BrowserDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  isExecutable(file: string): boolean;
  launch(command: string, args: string[]): void;
}

export function findOnPath(name: string, deps: Pick<BrowserDeps, 'env' | 'isExecutable' | 'platform'>): string | null {
  const dirs = (deps.env.PATH ?? '').split(deps.platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (deps.isExecutable(candidate)) return candidate;
  }
  return null;
}

/** How to open a URL in the user's browser on this system, or null where there is none (a server, CI). */
export function browserCommand(url: string, deps: Pick<BrowserDeps, 'env' | 'isExecutable' | 'platform'>): { command: string; args: string[] } | null {
  if (deps.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (deps.platform === 'darwin') return { command: 'open', args: [url] };
  if (!deps.env.DISPLAY && !deps.env.WAYLAND_DISPLAY) return null;
  const xdgOpen = findOnPath('xdg-open', deps);
  return xdgOpen ? { command: xdgOpen, args: [url] } : null;
}

export function realBrowserDeps(): BrowserDeps {
  return {
    platform: process.platform,
    env: process.env,
    isExecutable: (file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    launch: (command, args) => {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsVerbatimArguments: command === 'cmd' });
      child.on('error', () => undefined); // no browser after all: the URL is printed anyway
      child.unref();
    },
  };
}

/** Opens the URL where a browser is available; returns false (and does nothing) where none is. Never throws. */
export function openBrowser(url: string, deps: BrowserDeps = realBrowserDeps()): boolean {
  const how = browserCommand(url, deps);
  if (!how) return false;
  try {
    deps.launch(how.command, how.args);
    return true;
  } catch {
    return false;
  }
}
