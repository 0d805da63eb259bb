import path from 'node:path';
import type { BackendEvent } from '../../shared/api';
import type { JobState } from '../../shared/api/jobs';
import { createBackend } from '../../electron/backend/create';
import type { Dispatch } from '../../electron/backend/dispatch';
import { BackendProcess } from '../../electron/main/backend-process';
import { forkNodeHost, type NodeHostProcess } from './host-process';

const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../shared/reference');

/** A backend as one transport reaches it: its dispatch, its events, and the file registration the dialogs use. */
export interface ReachedBackend {
  dispatch: Dispatch;
  events: { on(listener: (event: BackendEvent) => void): () => void };
  registerFile(filePath: string): Promise<string>;
  close(): Promise<void>;
}

export interface Transport {
  name: string;
  open(dir: string): Promise<ReachedBackend>;
}

/** The backend in this process: what the HTTP server and the CLI use. */
export const inProcess: Transport = {
  name: 'in process',
  async open(dir) {
    const backend = await createBackend({ dbPath: path.join(dir, 'test.db'), create: true, workDir: path.join(dir, 'work'), referenceDir: REFERENCE_DIR, log: () => undefined });
    return {
      dispatch: backend.dispatch,
      events: backend.ctx.events,
      registerFile: async (file) => backend.ctx.files.register(file).fileId,
      close: async () => backend.close(),
    };
  },
};

/** The backend in a host process, driven by the main process's own BackendProcess (the desktop app's way). */
export async function openThroughHost(dir: string, options: { onLaunch?: (child: NodeHostProcess) => void; log?: (line: string) => void } = {}) {
  const bp = new BackendProcess({
    launch: () => {
      const child = forkNodeHost({ stderr: (text) => options.log?.(text) });
      options.onLaunch?.(child);
      return child;
    },
    open: { dbPath: path.join(dir, 'test.db'), referenceDir: REFERENCE_DIR, workDir: path.join(dir, 'work'), demoWhenNew: false },
    log: options.log ?? (() => undefined),
  });
  await bp.start();
  return bp;
}

export const outOfProcess: Transport = {
  name: 'out of process (host)',
  async open(dir) {
    const bp = await openThroughHost(dir);
    return { dispatch: bp.dispatch, events: bp, registerFile: async (file) => (await bp.fileStore.register(file)).fileId, close: () => bp.stop() };
  },
};

export const TRANSPORTS: Transport[] = [inProcess, outOfProcess];

/** Waits for a job's end through the events (and the job's state, in case it ended before we listened). */
export function jobEnd(backend: ReachedBackend, jobId: string, progress: JobState[] = []): Promise<JobState> {
  return new Promise((resolve, reject) => {
    const stop = backend.events.on((event) => {
      if (event.type !== 'job' || event.job.id !== jobId) return;
      progress.push(event.job);
      if (event.job.status !== 'running') {
        stop();
        resolve(event.job);
      }
    });
    backend.dispatch('jobs.get', { jobId }).then((r) => {
      if (!r.ok) return reject(new Error(JSON.stringify(r.error)));
      if (r.value.status !== 'running') {
        stop();
        resolve(r.value);
      }
    }, reject);
  });
}
