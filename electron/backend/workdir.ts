import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './process-alive';

/**
 * Each run's temporaries (browser uploads, exports not yet saved) live in `fdi-desk-<pid>-XXXXXX` in the system temp
 * folder: the process id in the name says whose they are, so a later run can tell a crashed run's folder from one
 * still in use.
 */
const PREFIX = 'fdi-desk-';
/** Folders from before the process id was in the name: whose they are is unknown, so only those a day old go. */
const UNOWNED_AGE_MS = 24 * 60 * 60 * 1000;

export function makeWorkDir(tempRoot = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(tempRoot, `${PREFIX}${process.pid}-`));
}

/** Removes the work folders of runs that have ended without removing theirs (killed, crashed); returns them. */
export function removeStaleWorkDirs(tempRoot = os.tmpdir(), now = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(tempRoot).filter((n) => n.startsWith(PREFIX));
  } catch {
    return [];
  }
  const stale = names.filter((name) => {
    const owner = name.slice(PREFIX.length).match(/^(\d+)-/);
    if (owner) return Number(owner[1]) !== process.pid && !processAlive(Number(owner[1]));
    const stat = fs.statSync(path.join(tempRoot, name), { throwIfNoEntry: false });
    return stat?.isDirectory() === true && now - stat.mtimeMs > UNOWNED_AGE_MS;
  });
  const removed: string[] = [];
  for (const name of stale) {
    try {
      fs.rmSync(path.join(tempRoot, name), { recursive: true, force: true });
      removed.push(path.join(tempRoot, name));
    } catch {
      // another user's folder in a shared /tmp: theirs to remove
    }
  }
  return removed;
}
