// `npm run bench`: engine speed beside a minimal baseline loop in the same process, big runs, and the page's costs.
import { performance } from 'node:perf_hooks';
import { minimalMM1 } from './baseline.ts';
import { PcModel, pcParamsFrom } from '../src/engine/pc-model.ts';
import { parseScenario } from '../src/scenarios/codec.ts';
import { createModel } from '../src/engine/create.ts';

const CUSTOMERS = 2_000_000;

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function engineMM1(customers: number): { produced: number; meanSojourn: number } {
  const { scenario } = parseScenario('s=pc&produce=0.9&consume=1&seed=1');
  let until = customers / 0.9;
  // The same settings as the CLI for this run length (series sampled every until/1000 s).
  const m = new PcModel(pcParamsFrom(scenario.params), scenario.seed, { sampleIntervalSec: until / 1000 });
  // Run until the engine has created `customers` messages (all metrics on: sketches, areas, series).
  m.runUntil(until);
  while (m.produced < customers) m.runUntil((until += 1000));
  return { produced: m.produced, meanSojourn: m.summary().stats.sojourn.mean };
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(48)} ${value}`);
}

function engineSection(): void {
  console.log('\n## Engine: M/M/1, λ = 0.9, μ = 1, 2 million customers (best of 3, same process)');
  // Warm both up so the JIT compares steady-state code.
  minimalMM1(200_000, 0.9, 1, 2);
  engineMM1(200_000);
  let best = { base: Infinity, engine: Infinity };
  for (let i = 0; i < 3; i++) {
    best.base = Math.min(best.base, time(() => minimalMM1(CUSTOMERS, 0.9, 1, 1)).ms);
    best.engine = Math.min(best.engine, time(() => engineMM1(CUSTOMERS)).ms);
  }
  const baseRate = CUSTOMERS / (best.base / 1000);
  const engineRate = CUSTOMERS / (best.engine / 1000);
  line('minimal binary-heap loop', `${(baseRate / 1e6).toFixed(2)} M customers/s (${best.base.toFixed(0)} ms)`);
  line('QueueScope engine, all metrics on', `${(engineRate / 1e6).toFixed(2)} M customers/s (${best.engine.toFixed(0)} ms)`);
  line('ratio engine / minimal (target ≥ 0.5)', `${(engineRate / baseRate).toFixed(2)}`);
  best = { base: 0, engine: 0 };
}

function overloadSection(): void {
  console.log('\n## Overload: 1,000,000 messages into a bounded queue (produce 2/s, consume 1/s, capacity 100)');
  const { scenario } = parseScenario('s=pc&produce=2&consume=1&capacity=100&seed=1');
  const m = createModel(scenario) as PcModel;
  const r = time(() => m.runUntil(500_000));
  const s = m.summary();
  line('messages produced', String(s.produced));
  line('dropped (overflow)', String(s.dropped.overflow));
  line('wall time', `${r.ms.toFixed(0)} ms (${((s.produced / r.ms) * 1000 / 1e6).toFixed(2)} M messages/s)`);
}

async function seckillSection(): Promise<void> {
  console.log('\n## Seckill: a 1,000,000-user sale simulated to the end (target < 1 s)');
  try {
    const seckillModule = './seckill.ts';
    const mod = (await import(seckillModule)) as { benchSeckill?: () => { users: number; events: number; wallMs: number } };
    if (!mod.benchSeckill) throw new Error('benchSeckill missing');
    const r = mod.benchSeckill();
    line('users / events', `${r.users} / ${r.events}`);
    line('wall time', `${r.wallMs.toFixed(0)} ms`);
  } catch (e) {
    line('not available', e instanceof Error ? e.message : String(e));
  }
}

async function browserSection(): Promise<void> {
  console.log('\n## Page (headless Chromium)');
  try {
    const browserModule = './browser.ts'; // written with the page's benchmark
    const mod = (await import(browserModule)) as { benchBrowser: () => Promise<void> };
    await mod.benchBrowser();
  } catch (e) {
    line('not available', e instanceof Error ? e.message : String(e));
  }
}

engineSection();
overloadSection();
await seckillSection();
if (!process.argv.includes('--engine-only')) await browserSection();
