// The Electron entry (bundled to dist/electron/main.cjs). The only runtime import of 'electron' on the main side.
import * as electron from 'electron';
import { runApp } from './main';

runApp(electron, { mainDir: __dirname }).catch((err: unknown) => {
  process.stderr.write(`[main] ${(err as Error)?.stack ?? String(err)}\n`);
  electron.app.exit(3);
});
