// Measures the built page's JavaScript from dist/: what index.html loads at once (entry + modulepreloads) and the worker chunks, gzipped.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Initial JavaScript budget, in KiB gzipped (DESIGN §3). */
export const INITIAL_JS_BUDGET_KIB = 150;

/** Gzipped size in bytes (level 9, as a static host would serve it). */
function gzipBytes(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Paths (relative to dist/) of the module scripts and modulepreloads in index.html. */
function initialScripts(html) {
  const found = new Set();
  const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const isModuleScript = /^<script/i.test(tag) && /type=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /rel=["']?modulepreload/i.test(tag);
    if (!isModuleScript && !isPreload) continue;
    const ref = /(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!ref || /^[a-z]+:\/\//i.test(ref)) continue;
    found.add(posix.normalize(ref.replace(/^\.?\//, '')));
  }
  return [...found];
}

/**
 * Sizes of the built page in dist/: `initial` (entry and modulepreloads), `workers` (chunks started as workers)
 * and `lazy` (every other JS chunk), each file with raw and gzipped bytes.
 */
export function measureDist(distDir = 'dist') {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} not found: run \`vite build\` first`);
  const initialRefs = initialScripts(readFileSync(indexPath, 'utf8'));
  const entry = (ref) => {
    const path = join(distDir, ref);
    return { file: ref, bytes: readFileSync(path).length, gzipBytes: gzipBytes(path) };
  };
  const initial = initialRefs.map(entry);
  const assets = existsSync(join(distDir, 'assets')) ? readdirSync(join(distDir, 'assets')) : [];
  const others = assets
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`)
    .filter((f) => !initialRefs.includes(f))
    .map(entry);
  // A worker chunk is one that some chunk starts with `new Worker(new URL(…))`, or one named after a worker.
  const started = new Set();
  for (const f of [...initial, ...others]) {
    const text = readFileSync(join(distDir, f.file), 'utf8');
    for (const m of text.matchAll(/Worker\((?:\s*new URL\()+\s*[`"']([^`"']+)[`"']/g)) started.add(posix.basename(m[1]));
  }
  const isWorker = (f) => started.has(posix.basename(f.file)) || /worker/i.test(f.file);
  const workers = others.filter(isWorker);
  const lazy = others.filter((f) => !isWorker(f));
  const sum = (list) => list.reduce((a, f) => a + f.gzipBytes, 0);
  return {
    initial,
    workers,
    lazy,
    initialGzipKiB: sum(initial) / 1024,
    workerGzipKiB: sum(workers) / 1024,
    lazyGzipKiB: sum(lazy) / 1024,
  };
}
