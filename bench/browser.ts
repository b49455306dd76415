// The page's costs in headless Chromium for `npm run bench`: initial JS size, long tasks and per-frame main-thread work while running.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts';
import { INITIAL_JS_BUDGET_KIB, measureDist } from '../scripts/size.mjs';

const RUN_MS = 10_000;
const LONG_TASK_BUDGET_MS = 50;
const FRAME_WORK_BUDGET_MS = 8;

const RUNS = [
  {
    label: 'overloaded, speed=max',
    query: 's=pc&producers=4&produce=2000&consume=100&consumers=8&capacity=1000&speed=max&lang=en',
  },
  { label: 'normal, speed=1', query: 's=pc&preset=balanced&speed=1&lang=en' },
];

function line(label: string, value: string): void {
  console.log(`${label.padEnd(48)} ${value}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  // --bypass-lock: another engineer's preview of the same project may already be running on 4173.
  const args = ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', '--bypass-lock'];
  const child = spawn('npx', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group, so stopping it stops npx's children too
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview(child);
  throw new Error(`vite preview did not start: ${stderr.trim().split('\n')[0] ?? ''}`);
}

function stopPreview(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function dist(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} / p95 ${pct(s, 95).toFixed(1)} / max ${(s[s.length - 1] ?? NaN).toFixed(1)} ms`;
}

/** Installed before the page's own scripts: observers, a frame clock, and a timer around the worker's messages. */
function instrument(): void {
  interface Rec {
    on: boolean;
    longTasks: number[];
    loaf: { duration: number; blocking: number }[];
    frames: number[];
    messages: number[];
  }
  const rec: Rec = { on: false, longTasks: [], loaf: [], frames: [], messages: [] };
  (window as unknown as { __bench: Rec }).__bench = rec;
  new PerformanceObserver((list) => {
    if (rec.on) for (const e of list.getEntries()) rec.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      if (!rec.on) return;
      for (const e of list.getEntries())
        rec.loaf.push({ duration: e.duration, blocking: (e as unknown as { blockingDuration: number }).blockingDuration });
    }).observe({ type: 'long-animation-frame', buffered: false });
  }
  let last = 0;
  const frame = (ts: number) => {
    if (rec.on && last > 0) rec.frames.push(ts - last);
    last = ts;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // The store's snapshot handling, plus the React render it triggers (flushed in a microtask queued before ours).
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  if (desc?.set && desc.get) {
    const { set, get } = desc;
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(handler: ((e: MessageEvent) => void) | null) {
        if (!handler) return set.call(this, handler);
        set.call(this, function (this: Worker, e: MessageEvent) {
          const t0 = performance.now();
          handler.call(this, e);
          queueMicrotask(() => {
            if (rec.on) rec.messages.push(performance.now() - t0);
          });
        });
      },
    });
  }
}

interface Trace {
  traceEvents: { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }[];
}

/** Main-thread busy time per frame from a Chrome trace: top-level tasks (RunTask) summed between frame starts. */
function frameWork(trace: Trace): number[] {
  const main = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = trace.traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined);
  // Frame starts: the rAF callbacks (the bench's own rAF loop guarantees one per frame; close ones are one frame).
  const frames: number[] = [];
  for (const ts of onMain
    .filter((e) => e.name === 'FireAnimationFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b))
    if (frames.length === 0 || ts - frames[frames.length - 1] > 4000) frames.push(ts);
  if (frames.length < 2) return [];
  const work = new Array<number>(frames.length - 1).fill(0);
  let f = 0;
  let end = -Infinity; // a RunTask inside another one is counted once, with its parent
  for (const t of tasks.sort((a, b) => a.ts - b.ts)) {
    if (t.ts < end) continue;
    end = t.ts + (t.dur ?? 0);
    while (f < frames.length - 1 && t.ts >= frames[f + 1]) f++;
    if (t.ts >= frames[0] && f < work.length) work[f] += (t.dur ?? 0) / 1000;
  }
  return work;
}

async function measure(browser: Browser, base: string, run: (typeof RUNS)[number]): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // tsx (esbuild) wraps named functions in `__name(…)`; give the page a no-op one so `instrument` runs there.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await page.addInitScript(instrument);
  await page.goto(`${base}?${run.query}`);
  await page.getByTestId('stat-produced').waitFor();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.getByTestId('play').click();
  await page.evaluate(() => {
    (window as unknown as { __bench: { on: boolean } }).__bench.on = true;
  });
  await page.waitForTimeout(RUN_MS);
  const r = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { on: boolean } }).__bench;
    b.on = false;
    return b as unknown as {
      longTasks: number[];
      loaf: { duration: number; blocking: number }[];
      frames: number[];
      messages: number[];
    };
  });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace;
  const simSec = Number(await page.getByTestId('sim-time').getAttribute('data-value'));
  const events = Number(await page.getByTestId('stat-produced').getAttribute('data-value'));
  await page.close();

  console.log(`\n### ${run.label}: ?${run.query}`);
  line('simulated in 10 s', `${simSec.toFixed(1)} s of simulated time, ${events} messages produced`);
  const longest = Math.max(0, ...r.longTasks);
  line(
    `long tasks (budget: none over ${LONG_TASK_BUDGET_MS} ms)`,
    `${r.longTasks.length}, longest ${longest.toFixed(0)} ms${longest > LONG_TASK_BUDGET_MS ? '  OVER BUDGET' : ''}`,
  );
  line(
      'long animation frames (> 50 ms)',
      `${r.loaf.length}${r.loaf.length ? `, longest ${Math.max(...r.loaf.map((l) => l.duration)).toFixed(0)} ms, blocking ${Math.max(...r.loaf.map((l) => l.blocking)).toFixed(0)} ms` : ''}`,
    );
  line('frame interval (rAF)', `${dist(r.frames)} (${r.frames.length} frames, ${(r.frames.length / (RUN_MS / 1000)).toFixed(0)} fps)`);
  const work = frameWork(trace);
  const p95 = pct([...work].sort((a, b) => a - b), 95);
  line(
    `main-thread work per frame (budget ≪ ${FRAME_WORK_BUDGET_MS} ms)`,
    work.length ? `${dist(work)}${p95 > FRAME_WORK_BUDGET_MS ? '  OVER BUDGET' : ''}` : 'no trace',
  );
  line('snapshot handling (store + React render)', `${dist(r.messages)} (${r.messages.length} snapshots)`);
  if (errors.length) line('page errors', errors.slice(0, 3).join(' | '));
}

export async function benchBrowser(): Promise<void> {
  if (!existsSync('dist/index.html')) {
    const built = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const sizes = measureDist('dist');
  line(
    `initial JS, gzipped (budget ${INITIAL_JS_BUDGET_KIB} KiB)`,
    `${sizes.initialGzipKiB.toFixed(1)} KiB in ${sizes.initial.length} file(s)`,
  );
  line('engine worker chunk(s), gzipped', `${sizes.workerGzipKiB.toFixed(1)} KiB`);
  const port = await freePort();
  const server = await startPreview(port);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    for (const run of RUNS) await measure(browser, `http://127.0.0.1:${port}/`, run);
  } finally {
    await browser?.close();
    stopPreview(server);
  }
}
