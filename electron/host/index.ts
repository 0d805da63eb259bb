// The backend host's entry (bundled to dist/electron/host.cjs; run from source with tsx in tests and the bench).
// Started by the main process with utilityProcess.fork, or by a test with child_process.fork: see ports.ts.
import { runHost } from './host';
import { currentHostPort } from './ports';

runHost(currentHostPort());
