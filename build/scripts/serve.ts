import { serveMain } from '../../electron/http/serve';
import { ensureRenderer } from './fresh-build';

/**
 * `npm run serve`: browser mode, with the renderer built first when it is missing or older than its sources (a fresh
 * clone needs no `npm run build:renderer`). A `--static` folder of one's own is served as it is.
 */
const argv = process.argv.slice(2);
if (!argv.some((a) => a === '--static' || a.startsWith('--static='))) {
  try {
    await ensureRenderer();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
}
await serveMain(argv);
