// Entry point of `npm run sim`: runs a scenario URL headless and prints its summary (CONTRACT §2).
import { runCli } from './run.ts';

try {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
} catch (e) {
  process.stderr.write(`sim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
