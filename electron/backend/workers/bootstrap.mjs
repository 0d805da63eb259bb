// Starts a TypeScript worker when running from source (tests, CLI, browser mode): registers tsx in this thread,
// then loads the entry. A packaged build bundles each worker entry to .js and starts it directly (see spawn.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
