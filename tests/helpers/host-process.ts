import { fork } from 'node:child_process';
import path from 'node:path';
import type { UtilityProcessLike } from '../../electron/main/backend-process';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOST_ENTRY = path.join(ROOT, 'electron/host/index.ts');

export interface NodeHostProcess extends UtilityProcessLike {
  readonly pid: number | undefined;
  /** What a crash looks like: SIGKILL, no chance to close anything. */
  killHard(): void;
}

/**
 * The backend host started as a Node child process from source (tsx), adapted to the utilityProcess shape the main
 * process's BackendProcess drives: the same host code, the same messages, Node's IPC instead of Electron's port.
 */
export function forkNodeHost(options: { stderr?: (text: string) => void } = {}): NodeHostProcess {
  const child = fork(HOST_ENTRY, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => options.stderr?.(text));
  return {
    pid: child.pid,
    postMessage: (message) => void child.send(message),
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'message') child.on('message', listener as (message: unknown) => void);
      else child.on('exit', (code, signal) => (listener as (code: number) => void)(code ?? (signal ? 128 : 1)));
      return this;
    },
    kill: () => child.kill(),
    killHard: () => void child.kill('SIGKILL'),
  };
}
