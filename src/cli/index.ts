/** Entry of `npm run cli` and `npm run demo` (run with tsx): see ./cli.ts. */
import { runCli } from './cli';

process.exitCode = await runCli(process.argv.slice(2));
