// Build check: prints the page's initial JavaScript and worker chunk sizes (gzipped) and fails above the 150 KiB budget.
import { exit, stdout, stderr } from 'node:process';
import { INITIAL_JS_BUDGET_KIB, measureDist } from './size.mjs';

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let sizes;
try {
  sizes = measureDist('dist');
} catch (e) {
  stderr.write(`check-size: ${e instanceof Error ? e.message : String(e)}\n`);
  exit(1);
}
const out = [];
for (const f of sizes.initial) out.push(`  initial  ${f.file}  ${kib(f.bytes)} raw, ${kib(f.gzipBytes)} gzipped`);
for (const f of sizes.workers) out.push(`  worker   ${f.file}  ${kib(f.bytes)} raw, ${kib(f.gzipBytes)} gzipped`);
for (const f of sizes.lazy) out.push(`  lazy     ${f.file}  ${kib(f.bytes)} raw, ${kib(f.gzipBytes)} gzipped`);
out.push(`initial JS (gzipped): ${sizes.initialGzipKiB.toFixed(1)} KiB (budget ${INITIAL_JS_BUDGET_KIB} KiB)`);
out.push(`worker chunk(s) (gzipped): ${sizes.workerGzipKiB.toFixed(1)} KiB`);
stdout.write(out.join('\n') + '\n');
if (sizes.initial.length === 0) {
  stderr.write('check-size: index.html loads no module script; is dist/ a Vite build?\n');
  exit(1);
}
if (sizes.initialGzipKiB > INITIAL_JS_BUDGET_KIB) {
  stderr.write(
    `check-size: initial JS ${sizes.initialGzipKiB.toFixed(1)} KiB gzipped exceeds the ${INITIAL_JS_BUDGET_KIB} KiB budget\n`,
  );
  exit(1);
}
