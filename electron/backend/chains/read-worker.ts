/**
 * Reads a chain workbook off the backend's thread (chains/import.ts starts it through runInWorker): a hostile or huge
 * file then runs out of this thread's heap (FILE_TOO_LARGE), never the process serving the app.
 */
import { serveWorkerTask } from '../workers/serve';
import { readChainSheets } from './workbook-read';

serveWorkerTask((input: { path: string; fileName: string }) => readChainSheets(input.path, input.fileName));
