// A worker for workers.test.ts: answers at once, then writes a file after its reply (afterReply).
import fs from 'node:fs';
import { serveWorkerTask } from '../../../electron/backend/workers/serve';

serveWorkerTask(async (input: { file: string; fail?: boolean }, control) => {
  control.afterReply(() => {
    const until = Date.now() + 300; // housekeeping that takes a while
    while (Date.now() < until);
    fs.writeFileSync(input.file, 'after');
  });
  if (input.fail) throw new Error('refused');
  return 'answer';
});
