import type { FromHost, HostPort } from './protocol';

/** Electron's utilityProcess gives the child `process.parentPort`; its messages arrive wrapped as `{ data }`. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function parentPortAsHostPort(parentPort: ParentPortLike): HostPort {
  return {
    postMessage: (message: FromHost) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  };
}

/** A Node child process started with an IPC channel (child_process.fork), as the tests and the bench run the host. */
export function nodeIpcAsHostPort(proc: NodeJS.Process): HostPort {
  if (!proc.send) throw new Error('the host needs an IPC channel (child_process.fork) or Electron’s parentPort');
  const send = proc.send.bind(proc);
  return {
    postMessage: (message: FromHost) => void send(message),
    onMessage: (listener) => {
      proc.on('message', listener);
      // the parent is gone (or let go of us): close the database as on a shutdown rather than linger holding it
      proc.on('disconnect', () => listener({ type: 'shutdown' }));
    },
  };
}

/** Whichever channel this process was started with. */
export function currentHostPort(): HostPort {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  return parentPort ? parentPortAsHostPort(parentPort) : nodeIpcAsHostPort(process);
}
