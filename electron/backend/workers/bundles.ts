/** Worker threads the Electron build bundles beside main.cjs, as `<name>-worker.cjs` (see workerEntry). */
export const WORKER_BUNDLES: ReadonlyArray<{ name: string; source: string }> = [
  { name: 'fdi-import', source: 'electron/backend/fdi-import/worker.ts' },
  { name: 'register-import', source: 'electron/backend/projects/import/worker.ts' },
  { name: 'fdi-parse', source: 'electron/backend/fdi-import/parse-worker.ts' },
  { name: 'xls-read', source: 'electron/backend/workbook/xls-worker.ts' },
  { name: 'chain-read', source: 'electron/backend/chains/read-worker.ts' },
];
