// Producer/consumer model: conservation, determinism, independent streams, overflow policies, TTL and live changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel } from './create.ts';
import type { PcModel } from './pc-model.ts';
import { PcTrace } from './pc-model.ts';
import { EventTrace, readTrace } from './trace.ts';
import { parseScenario } from '../scenarios/codec.ts';

function model(query: string, opts: { warmupSec?: number } = {}): PcModel {
  const { scenario, problems } = parseScenario(query);
  expect(problems).toEqual([]);
  return createModel(scenario, opts) as PcModel;
}

/** CONTRACT §2: every message ends in exactly one place. */
export function expectConserved(m: PcModel): void {
  const s = m.summary();
  expect(s.produced).toBe(
    s.consumed + s.dropped.overflow + s.dropped.expired + s.waiting + s.inService + s.blocked,
  );
}

describe('producer/consumer conservation', () => {
  it('holds for random scenarios, every overflow policy and live changes', () => {
    const rate = fc.double({ min: 0.01, max: 50, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({
          producers: fc.integer({ min: 1, max: 5 }),
          produce: rate,
          consumers: fc.integer({ min: 1, max: 5 }),
          consume: rate,
          capacity: fc.oneof(fc.constant('inf'), fc.integer({ min: 0, max: 20 }).map(String)),
          overflow: fc.constantFrom('drop-new', 'drop-old', 'block'),
          ttl: fc.oneof(fc.constant('inf'), fc.double({ min: 0.05, max: 10, noNaN: true }).map(String)),
          arrival: fc.constantFrom('const', 'exp', 'uniform'),
          service: fc.constantFrom('const', 'exp', 'uniform'),
          seed: fc.integer({ min: 0, max: 1000 }),
          changes: fc.array(
            fc.tuple(
              fc.double({ min: 0, max: 20, noNaN: true }),
              fc.constantFrom(
                'producers=1',
                'producers=4',
                'consumers=1',
                'consumers=3',
                'produce=20',
                'consume=0.5',
                'capacity=0',
                'capacity=5',
                'capacity=inf',
                'overflow=block',
                'overflow=drop-old',
                'overflow=drop-new',
                'ttl=0.2',
                'ttl=inf',
              ),
            ),
            { maxLength: 4 },
          ),
        }),
        (p) => {
          const at = p.changes.map(([t, c]) => `&at=${t}:${c}`).join('');
          const q = `s=pc&producers=${p.producers}&produce=${p.produce}&consumers=${p.consumers}&consume=${p.consume}&capacity=${p.capacity}&overflow=${p.overflow}&ttl=${p.ttl}&arrival=${p.arrival}&service=${p.service}&seed=${p.seed}${at}`;
          const m = model(q);
          for (const t of [0.5, 3, 7.25, 15, 30]) {
            m.runUntil(t);
            expectConserved(m);
            const s = m.summary();
            if (s.waiting > 0 && !s.dropped) throw new Error('unreachable');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('determinism and streams', () => {
  it('gives identical summaries for the same URL and different ones for another seed', () => {
    const run = (q: string) => {
      const m = model(q);
      m.runUntil(500);
      return JSON.stringify(m.summary());
    };
    expect(run('s=pc&produce=0.9&consume=1&seed=5')).toBe(run('s=pc&produce=0.9&consume=1&seed=5'));
    expect(run('s=pc&produce=0.9&consume=1&seed=5')).not.toBe(run('s=pc&produce=0.9&consume=1&seed=6'));
  });

  it('gives the same result whether run in one call or in many slices', () => {
    const a = model(
      's=pc&produce=3&consume=1&capacity=10&overflow=drop-old&ttl=2&consumers=2&at=7.5:consume=3',
    );
    a.runUntil(60);
    const b = model(
      's=pc&produce=3&consume=1&capacity=10&overflow=drop-old&ttl=2&consumers=2&at=7.5:consume=3',
    );
    for (let t = 0; t < 60; t += 0.37) b.runUntil(t, 3);
    while (!b.runUntil(60, 5));
    expect(b.summary()).toEqual(a.summary());
    expect(b.timeSeries().toColumns()).toEqual(a.timeSeries().toColumns());
  });

  it('keeps every arrival time when only the consumers change', () => {
    const arrivals = (q: string) => {
      const m = model(q);
      m.trace = new EventTrace(100_000);
      m.runUntil(200);
      return readTrace(m.trace, 0, 100_000)
        .filter((r) => r.kind === PcTrace.produce)
        .map((r) => r.timeSec);
    };
    const one = arrivals('s=pc&producers=3&produce=2&consumers=1&consume=1&capacity=5');
    const five = arrivals('s=pc&producers=3&produce=2&consumers=5&consume=0.3&capacity=5&service=uniform');
    expect(one.length).toBeGreaterThan(1000);
    expect(five).toEqual(one);
  });
});

describe('overflow policies', () => {
  it('drop-new keeps the oldest messages and never exceeds capacity', () => {
    const m = model('s=pc&produce=10&consume=1&capacity=3&overflow=drop-new');
    m.trace = new EventTrace(10_000);
    m.runUntil(20);
    const s = m.summary();
    expect(s.waiting).toBeLessThanOrEqual(3);
    expect(s.dropped.overflow).toBeGreaterThan(100);
    expect(s.stats.queueLength.max).toBe(3);
    expectConserved(m);
  });

  it('drop-old discards the longest-waiting message', () => {
    const m = model('s=pc&produce=10&arrival=const&consume=0.01&service=const&capacity=2&overflow=drop-old');
    m.trace = new EventTrace(1000);
    m.runUntil(0.45); // arrivals at 0.1 (served), 0.2, 0.3, 0.4
    const drops = readTrace(m.trace, 0, 1000).filter((r) => r.kind === PcTrace.dropOverflow);
    expect(drops.map((d) => d.msg)).toEqual([2]);
    expect([m.queue.idAt(0), m.queue.idAt(1)]).toEqual([3, 4]);
  });

  it('block holds the producer: nothing is dropped and production slows to the consumer’s pace', () => {
    const m = model('s=pc&producers=2&produce=5&consume=1&capacity=4&overflow=block');
    m.runUntil(2000);
    const s = m.summary();
    expect(s.dropped.overflow).toBe(0);
    expect(s.waiting).toBeLessThanOrEqual(4);
    expect(s.produced / 2000).toBeCloseTo(1, 1);
    expectConserved(m);
  });

  it('capacity 0 with block is a hand-off: the producer waits for an idle consumer', () => {
    const m = model('s=pc&produce=100&arrival=const&consume=1&service=const&capacity=0&overflow=block');
    m.runUntil(10.005);
    const s = m.summary();
    expect(s.waiting).toBe(0);
    expect(s.consumed).toBe(9); // first arrival at 0.01, then one completion per second from 1.01
    expect(s.blocked).toBe(1);
    expectConserved(m);
  });
});

describe('TTL', () => {
  it('expires messages that wait longer than ttl, and none that wait less', () => {
    const m = model('s=pc&produce=2&consume=1&ttl=3');
    m.runUntil(3000);
    const s = m.summary();
    expect(s.dropped.expired).toBeGreaterThan(500);
    expect(s.stats.wait.p99).toBeLessThanOrEqual(3 * 1.005);
    expectConserved(m);
  });
});

describe('changes while running', () => {
  it('applies at= changes at their simulated moment', () => {
    const m = model('s=pc&produce=1&arrival=const&consume=100&at=10:produce=10');
    m.runUntil(10);
    expect(m.summary().produced).toBe(10);
    m.runUntil(20);
    // After t = 10 the pending gap shrinks tenfold, then 10 per second.
    expect(m.summary().produced).toBeGreaterThanOrEqual(108);
    expect(m.summary().produced).toBeLessThanOrEqual(110);
  });

  it('lets busy consumers finish when the count drops, and adds consumers at once', () => {
    const m = model('s=pc&produce=50&consumers=5&consume=1&at=5:consumers=1&at=10:consumers=8');
    m.runUntil(5);
    expect(m.summary().inService).toBe(5);
    m.runUntil(9);
    expect(m.summary().inService).toBeLessThanOrEqual(5);
    m.runUntil(10);
    expect(m.summary().inService).toBe(8);
    expectConserved(m);
  });
});

describe('TTL boundary', () => {
  it('lets a consumer take a message that has waited exactly ttl (it expires only after waiting longer)', () => {
    // Arrivals every 1 s, service exactly 2 s, ttl exactly 1 s: message 2 arrives at 2, waits until 3 = 2 + ttl
    // when consumer 1 finishes message 1 (1 → 3): it is taken, not expired.
    const m = model('s=pc&produce=1&arrival=const&consume=0.5&service=const&ttl=1');
    m.runUntil(3);
    expect(m.summary().dropped.expired).toBe(0);
    expect(m.summary().consumed).toBe(1);
    expectConserved(m);
  });
});
