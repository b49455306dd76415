// Seckill model: no overselling, conservation, fail-fast, timeouts, full queue, sync vs async, draining, determinism, presets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel } from './create.ts';
import { SeckillModel, SeckillTrace, SECKILL_COLUMNS, type SeckillSummary } from './seckill-model.ts';
import { CrowdArrivals } from './seckill-crowd.ts';
import { RandomStream } from './rng.ts';
import { EventTrace, readTrace } from './trace.ts';
import { parseScenario } from '../scenarios/codec.ts';
import { seckillPresets } from '../scenarios/seckill-presets.ts';

function model(query: string): SeckillModel {
  const { scenario, problems } = parseScenario(query);
  expect(problems).toEqual([]);
  const m = createModel(scenario);
  expect(m).toBeInstanceOf(SeckillModel);
  return m as SeckillModel;
}

/** CONTRACT §2: every request ends in exactly one place. */
function expectConserved(s: SeckillSummary): void {
  expect(s.requests).toBe(
    s.succeeded +
      s.rejected.full +
      s.rejected.risk +
      s.rejected.soldOut +
      s.timedOut +
      s.waiting +
      s.inService,
  );
}

function expectNoOverselling(s: SeckillSummary, stock: number): void {
  expect(s.oversold).toBe(0);
  expect(s.stockLeft).toBeGreaterThanOrEqual(0);
  expect(s.order.backlog + s.order.done).toBe(stock - s.stockLeft);
  expect(s.succeeded).toBeLessThanOrEqual(stock);
}

/** Click times of a run, read from the trace. */
function arrivalTimes(query: string, untilSec: number): number[] {
  const m = model(query);
  m.trace = new EventTrace(1 << 16);
  m.runUntil(untilSec);
  expect(m.trace.written).toBeLessThan(1 << 16);
  return readTrace(m.trace, 0, 1 << 16)
    .filter((r) => r.kind === SeckillTrace.arrive)
    .map((r) => r.timeSec);
}

describe('seckill: the article’s default sale', () => {
  it('sells exactly its stock, answers everyone and drains every async queue', () => {
    const m = model('s=seckill');
    expect(m.runToEnd()).toBe(true);
    const s = m.summary();
    expect(s.requests).toBe(100000);
    expect(s.succeeded).toBe(100);
    expect(s.stockLeft).toBe(0);
    expect(s.oversold).toBe(0);
    expect(s.waiting + s.inService).toBe(0);
    expectConserved(s);
    for (const step of [s.order, s.sms, s.stats]) {
      expect(step.done).toBe(100);
      expect(step.backlog).toBe(0);
      expect(step.maxBacklog).toBeGreaterThan(0);
      expect(step.lagMean).toBeGreaterThan(0);
    }
    expect(s.soldOutAtSec).not.toBeNull();
    expect(s.drainedAtSec).not.toBeNull();
    expect(s.drainedAtSec as number).toBeGreaterThan(s.soldOutAtSec as number);
    expect(s.inconsistency.max).toBe(s.order.maxBacklog);
  });

  it('keeps conservation at several moments, including mid-spike', () => {
    const m = model('s=seckill&stock=3000&timeout=0.2');
    for (const t of [0.001, 0.01, 0.05, 0.1, 0.3, 0.7, 1, 2, 5]) {
      m.runUntil(t);
      expect(m.conservationHolds()).toBe(true);
      const s = m.summary();
      expectConserved(s);
      expectNoOverselling(s, 3000);
    }
  });
});

describe('seckill: no overselling (property-based)', () => {
  it('holds for every mode, profile and load, with live changes', () => {
    fc.assert(
      fc.property(
        fc.record({
          users: fc.integer({ min: 1, max: 400 }),
          window: fc.constantFrom(0.01, 0.1, 1, 5),
          profile: fc.constantFrom('spike', 'uniform', 'poisson'),
          stock: fc.integer({ min: 0, max: 300 }),
          servers: fc.integer({ min: 1, max: 6 }),
          serve: fc.constantFrom(5, 50, 500, 5000),
          buffer: fc.constantFrom('0', '1', '20', 'inf'),
          timeout: fc.constantFrom('0.001', '0.05', '1', 'inf'),
          risk: fc.constantFrom(0, 0.05, 0.5, 1),
          mode: fc.constantFrom('async', 'sync'),
          workers: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 0, max: 10000 }),
          change: fc.constantFrom(
            '',
            '&at=0.05:servers=1',
            '&at=0.02:serve=2000&at=0.5:buffer=0',
            '&at=0.1:workers=5',
          ),
        }),
        (p) => {
          const { change, ...rest } = p;
          const q = `s=seckill&${Object.entries(rest)
            .map(([k, v]) => `${k}=${v}`)
            .join('&')}${change}`;
          const m = model(q);
          for (const t of [0.005, 0.05, 0.5]) {
            m.runUntil(t);
            const s = m.summary();
            expectConserved(s);
            expectNoOverselling(s, p.stock);
          }
          expect(m.runToEnd()).toBe(true);
          const s = m.summary();
          expectConserved(s);
          expectNoOverselling(s, p.stock);
          expect(s.requests).toBe(p.users);
          expect(s.waiting + s.inService).toBe(0);
          expect(s.order.done).toBe(s.succeeded);
          expect(s.sms.done).toBe(s.succeeded);
          expect(s.stats.done).toBe(s.succeeded);
          expect(s.succeeded).toBe(p.stock - s.stockLeft);
          if (s.stockLeft > 0) expect(s.rejected.soldOut).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('seckill: gateway behaviour', () => {
  it('fails fast once sold out: later requests never reach a server', () => {
    const m = model('s=seckill&users=20000&stock=10');
    m.runToEnd();
    const s = m.summary();
    expect(s.succeeded).toBe(10);
    expect(s.rejected.soldOut).toBeGreaterThan(19000);
    // Only the requests already on a server when the last item went learn "sold out" from a server (at most
    // servers − 1 of them); everyone else fails fast at the gateway or in the queue.
    expect(s.served - s.succeeded - s.rejected.risk).toBeLessThanOrEqual(3);
    expect(s.waiting).toBe(0);
  });

  it('with nothing in stock rejects everyone at once, without a server', () => {
    const m = model('s=seckill&users=5000&stock=0');
    m.runToEnd();
    const s = m.summary();
    expect(s.rejected.soldOut).toBe(5000);
    expect(s.served).toBe(0);
    expect(s.soldOutAtSec).toBe(0);
    expect(s.events).toBe(5000);
  });

  it('without a queue rejects as full only what finds every server busy', () => {
    const m = model('s=seckill&users=20000&stock=100000&buffer=0');
    m.runToEnd();
    const s = m.summary();
    expect(s.maxWaiting).toBe(0);
    expect(s.timedOut).toBe(0);
    expect(s.rejected.soldOut).toBe(0);
    expect(s.rejected.full).toBeGreaterThan(10000);
    expect(s.served).toBe(20000 - s.rejected.full);
  });

  it('a tiny timeout makes queued requests time out', () => {
    const m = model('s=seckill&users=20000&stock=100000&timeout=0.001');
    m.runToEnd();
    const s = m.summary();
    expect(s.timedOut).toBeGreaterThan(5000);
    expectConserved(s);
  });

  it('an unbounded queue with no timeout serves everyone', () => {
    const m = model('s=seckill&users=3000&stock=100000&buffer=inf&timeout=inf&risk=0');
    m.runToEnd();
    const s = m.summary();
    expect(s.succeeded).toBe(3000);
    expect(s.rejected.full + s.timedOut).toBe(0);
  });
});

describe('seckill: sync versus async', () => {
  const base = 's=seckill&stock=200&seed=7';

  it('sees exactly the same crowd in both modes', () => {
    const a = arrivalTimes(`${base}&users=3000`, 10);
    const b = arrivalTimes(`${base}&users=3000&mode=sync`, 10);
    expect(a.length).toBe(3000);
    expect(b).toEqual(a);
  });

  it('answers strictly slower in sync mode, with a shorter inconsistency window', () => {
    const a = model(`${base}&users=20000`);
    const b = model(`${base}&users=20000&mode=sync`);
    a.runToEnd();
    b.runToEnd();
    const sa = a.summary();
    const sb = b.summary();
    expect(sb.response.mean).toBeGreaterThan(sa.response.mean);
    expect(sb.response.p50).toBeGreaterThan(sa.response.p50);
    expect(sb.responseSucceeded.mean).toBeGreaterThan(sa.responseSucceeded.mean);
    expect(sb.order.lagMean).toBeLessThan(sa.order.lagMean);
    expect(sa.succeeded).toBe(200);
    expect(sb.succeeded).toBe(200);
    expect(sb.order.done).toBe(200);
  });
});

describe('seckill: crowd profiles', () => {
  it('generates exactly `users` sorted times; uniform and spike stay inside the window', () => {
    for (const profile of ['spike', 'uniform', 'poisson'] as const) {
      const c = new CrowdArrivals(5000, 2, profile, new RandomStream(3, 'crowd'));
      let last = 0;
      let n = 0;
      let firstFifth = 0;
      for (let t = c.next(); t !== Infinity; t = c.next()) {
        expect(t).toBeGreaterThanOrEqual(last);
        if (profile !== 'poisson') expect(t).toBeLessThanOrEqual(2);
        if (t < 0.4) firstFifth++;
        last = t;
        n++;
      }
      expect(n).toBe(5000);
      // spike: 63% expected in the first fifth; uniform: 20%
      if (profile === 'spike') expect(firstFifth / n).toBeGreaterThan(0.55);
      if (profile === 'uniform') expect(firstFifth / n).toBeLessThan(0.3);
    }
  });
});

describe('seckill: series, view, determinism and presets', () => {
  it('samples every column and describes the flow view', () => {
    const m = model('s=seckill&users=5000&stock=50');
    m.runUntil(0.5);
    const { t, columns } = m.timeSeries().toColumns();
    expect(t.length).toBeGreaterThanOrEqual(49); // every 10 ms (rounding may move the 50th past 0.5 s)
    expect(Object.keys(columns)).toEqual([...SECKILL_COLUMNS]);
    expect(columns.stockLeft[columns.stockLeft.length - 1]).toBe(m.stockLeft);
    const v = m.view();
    expect(v.stock.initial).toBe(50);
    expect(v.steps.map((s) => s.name)).toEqual(['order', 'sms', 'stats']);
    expect(v.servers).toEqual({ count: 4, busy: m.busy });
  });

  it('gives identical JSON for the same URL', () => {
    const q = 's=seckill&users=30000&stock=500&seed=42&timeout=0.3&at=0.2:servers=8';
    const run = () => {
      const m = model(q);
      m.runUntil(5);
      return JSON.stringify(m.summary());
    };
    expect(run()).toBe(run());
  });

  it('parses and runs every preset', () => {
    expect(seckillPresets.map((p) => p.id)).toEqual([
      'article-sale',
      'sync',
      'no-queue',
      'short-timeout',
      'tenfold-crowd',
      'slow-sms',
    ]);
    for (const p of seckillPresets) {
      expect(p.title.zh && p.title.en && p.explain.zh && p.explain.en).toBeTruthy();
      const m = model(`s=seckill&preset=${p.id}`);
      m.runUntil(30);
      const s = m.summary();
      expectConserved(s);
      expect(s.oversold).toBe(0);
      expect(s.succeeded).toBeGreaterThan(0);
    }
  });
});
