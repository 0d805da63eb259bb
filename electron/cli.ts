import { runCli } from './cli/run';

// The backend from the command line: `npm run cli -- help`.
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;
