// Pub/sub model: prefix filters, fan-out, HWM drops, slow joiners, durable mode, conservation, determinism, live changes, CLI.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel } from './create.ts';
import type { PubSubModel } from './pubsub-model.ts';
import { PUBSUB_COLUMNS, PubSubTrace } from './pubsub-model.ts';
import {
  messageEventNo,
  messagePublisher,
  messageText,
  subColumn,
  type PubSubSummary,
} from './pubsub-types.ts';
import { EventTrace, readTrace } from './trace.ts';
import { parseScenario, serializeScenario } from '../scenarios/codec.ts';
import { pubsubSchema } from '../scenarios/pubsub.ts';
import { runCli } from '../cli/run.ts';

function model(query: string, opts: { warmupSec?: number } = {}): PubSubModel {
  const { scenario, problems } = parseScenario(query);
  expect(problems).toEqual([]);
  return createModel(scenario, opts) as PubSubModel;
}

function run(query: string, untilSec: number): PubSubSummary {
  const m = model(query);
  m.runUntil(untilSec);
  return m.summary();
}

/** CONTRACT §2: every matched message of every subscriber ends in exactly one place. */
function expectConserved(s: PubSubSummary): void {
  for (const sub of s.subscribers) {
    expect(sub.matched).toBe(sub.missed + sub.dropped.hwm + sub.waiting + sub.inService + sub.consumed);
    expect(sub.received).toBe(sub.waiting + sub.inService + sub.consumed);
    expect(sub.inService === 0 || sub.inService === 1).toBe(true);
  }
  expect(s.published.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(s.publishedTotal);
}

const CONST2x2 = 's=pubsub&publishers=2&publish=1&arrival=const&subscribers=2';

describe('prefix filters', () => {
  it('match case-sensitive byte prefixes of the topic; empty matches all; a filter may match nothing', () => {
    // Three publishers, 10 messages each by t = 10 (const, one a second from t = 1).
    const s = run(
      's=pubsub&publishers=3&publish=1&arrival=const&topics=weather.bj,weather.bjx,Weather.sh' +
        '&subscribers=5&filters=weather.bj,weather.,nothing,Weather.,',
      10,
    );
    expect(s.published).toEqual([10, 10, 10]);
    expect(s.subscribers.map((x) => x.filter)).toEqual(['weather.bj', 'weather.', 'nothing', 'Weather.', '']);
    // 'weather.bj' also matches 'weather.bjx'; 'weather.' does not match 'Weather.sh'.
    expect(s.subscribers.map((x) => x.matched)).toEqual([20, 20, 0, 10, 30]);
    expect(s.subscribers[2].consumed).toBe(0);
    expect(s.fanout).toBeCloseTo(80 / 30, 12);
    expectConserved(s);
  });

  it('a filter longer than the topic matches nothing', () => {
    const s = run('s=pubsub&publishers=1&topics=news&arrival=const&subscribers=2&filters=news.x,new', 5);
    expect(s.subscribers.map((x) => x.matched)).toEqual([0, 5]);
  });
});

describe('fan-out', () => {
  it('every matching subscriber gets its own copy', () => {
    const s = run('s=pubsub&publishers=2&publish=3&arrival=exp&subscribers=4&filters=,,,publisher2', 50);
    const total = s.published[0] + s.published[1];
    expect(s.publishedTotal).toBe(total);
    for (let i = 0; i < 3; i++) expect(s.subscribers[i].matched).toBe(total);
    expect(s.subscribers[3].matched).toBe(s.published[1]);
    expect(s.fanout).toBeCloseTo((3 * total + s.published[1]) / total, 12);
    expectConserved(s);
  });
});

describe('high-water mark', () => {
  it('drops only for the slow subscriber; publishers and the fast subscriber are unaffected', () => {
    const slow = model('s=pubsub&publishers=2&publish=2&arrival=exp&subscribers=2&consume=20,1&hwm=20');
    slow.runUntil(60);
    const s = slow.summary();
    const fast = run('s=pubsub&publishers=2&publish=2&arrival=exp&subscribers=2&consume=20,20&hwm=20', 60);
    expect(s.published).toEqual(fast.published); // publishers never block: same arrivals
    expect(s.subscribers[0]).toEqual(fast.subscribers[0]); // independent streams: subscriber 1 is untouched
    expect(s.subscribers[0].dropped.hwm).toBe(0);
    expect(s.subscribers[1].dropped.hwm).toBeGreaterThan(100);
    expect(s.subscribers[1].waiting).toBeLessThanOrEqual(20);
    expect(Math.max(...slow.timeSeries().column(subColumn(2, 'Waiting')))).toBe(20);
    const dropped = slow.timeSeries().column(subColumn(2, 'Dropped'));
    expect(dropped[dropped.length - 1]).toBe(s.subscribers[1].dropped.hwm);
    expectConserved(s);
  });

  it('hwm=0 keeps nothing waiting: only the message in service', () => {
    const s = run(
      's=pubsub&publishers=1&publish=5&arrival=const&subscribers=1&consume=1&service=const&hwm=0',
      10,
    );
    // 50 published at 0.2, 0.4, …; one in service at a time, 1 s each: started at 0.2, 1.2, …, 9.2.
    expect(s.subscribers[0]).toMatchObject({ matched: 50, waiting: 0, inService: 1, consumed: 9 });
    expect(s.subscribers[0].dropped.hwm).toBe(40);
  });
});

describe('slow joiner', () => {
  it('misses exactly what was published before it connected (zmq)', () => {
    // Two publishers at t = 1, 2, …; joining at 10 misses t = 1 … 9 (a message at t = 10 arrives after the join).
    const s = run(`${CONST2x2}&join=0,10`, 30);
    expect(s.subscribers[0].missed).toBe(0);
    expect(s.subscribers[1].missed).toBe(18);
    expect(s.subscribers[1].matched).toBe(60);
    expect(run(`${CONST2x2}&join=0,10.5`, 30).subscribers[1].missed).toBe(20);
    expectConserved(s);
  });

  it('is drawn disconnected until it joins', () => {
    const m = model(`${CONST2x2}&join=0,10`);
    m.runUntil(9.9);
    expect(m.view().subscribers.map((x) => x.connected)).toEqual([true, false]);
    m.runUntil(10);
    expect(m.view().subscribers.map((x) => x.connected)).toEqual([true, true]);
  });
});

describe('durable mode', () => {
  it('keeps the late joiner’s backlog; nothing missed, nothing dropped at the HWM', () => {
    const m = model(`${CONST2x2}&join=0,10&mode=durable&consume=4&hwm=1`);
    m.runUntil(9.99);
    expect(m.summary().subscribers[1]).toMatchObject({
      connected: false,
      matched: 18,
      waiting: 18,
      inService: 0,
    });
    m.runUntil(10);
    // At 10 it connects and starts on the oldest message; then the two messages of t = 10 join the queue.
    expect(m.summary().subscribers[1]).toMatchObject({
      matched: 20,
      missed: 0,
      waiting: 19,
      inService: 1,
      consumed: 0,
    });
    expect(m.view().subscribers[1].inServiceId).toBe(99 * 32 + 0); // publisher1's event 99
    m.runUntil(60);
    const s = m.summary();
    for (const sub of s.subscribers)
      expect(sub).toMatchObject({ missed: 0, dropped: { hwm: 0 }, matched: 120 });
    expect(s.subscribers[1].consumed).toBeGreaterThan(110);
    expectConserved(s);
  });
});

describe('conservation (property-based)', () => {
  const word = fc.constantFrom('', 'a', 'ab', 'b', 'abc', 'B');
  const scenarioArb = fc.record({
    publishers: fc.integer({ min: 1, max: 4 }),
    publish: fc.array(fc.constantFrom(0.5, 1, 3, 10), { minLength: 1, maxLength: 4 }),
    arrival: fc.constantFrom('const', 'exp', 'uniform'),
    topics: fc.array(fc.constantFrom('a', 'ab', 'abc', 'b', 'x'), { minLength: 1, maxLength: 4 }),
    subscribers: fc.integer({ min: 1, max: 5 }),
    filters: fc.array(word, { minLength: 1, maxLength: 5 }),
    consume: fc.array(fc.constantFrom(0.5, 2, 8, 50), { minLength: 1, maxLength: 5 }),
    service: fc.constantFrom('const', 'exp', 'uniform'),
    hwm: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 5 }),
    join: fc.array(fc.constantFrom(0, 0, 3.5, 12), { minLength: 1, maxLength: 5 }),
    mode: fc.constantFrom('zmq', 'durable'),
    seed: fc.integer({ min: 0, max: 1000 }),
    changes: fc.array(
      fc.oneof(
        fc.integer({ min: 1, max: 5 }).map((v) => `subscribers=${v}`),
        fc.integer({ min: 1, max: 4 }).map((v) => `publishers=${v}`),
        fc.integer({ min: 0, max: 4 }).map((v) => `hwm=${v}`),
        fc.constantFrom(
          'mode=zmq',
          'mode=durable',
          'consume=0.3,20',
          'publish=5',
          'join=0,25',
          'filters=a,,b',
        ),
      ),
      { maxLength: 3 },
    ),
  });

  it('matched = missed + dropped.hwm + waiting + inService + consumed, at several times', () => {
    fc.assert(
      fc.property(scenarioArb, (a) => {
        const lists = ['publish', 'topics', 'filters', 'consume', 'hwm', 'join'] as const;
        let q = `s=pubsub&seed=${a.seed}&publishers=${a.publishers}&subscribers=${a.subscribers}`;
        q += `&arrival=${a.arrival}&service=${a.service}&mode=${a.mode}`;
        for (const k of lists) q += `&${k}=${a[k].join(',')}`;
        a.changes.forEach((c, i) => (q += `&at=${8 + 7 * i}:${c}`));
        const m = model(q);
        for (const t of [2, 7.25, 15, 30]) {
          m.runUntil(t);
          expectConserved(m.summary());
        }
      }),
      { numRuns: 150, seed: 20240531 },
    );
  });
});

describe('determinism', () => {
  it('the same scenario gives the same summary; another seed another one', () => {
    const q = 's=pubsub&publishers=3&publish=2&arrival=exp&subscribers=3&consume=3,2,1&hwm=5&join=0,0,4';
    const a = JSON.stringify(run(q, 200));
    expect(JSON.stringify(run(q, 200))).toBe(a);
    expect(JSON.stringify(run(`${q}&seed=2`, 200))).not.toBe(a);
  });

  it('running in slices gives the same result as one run', () => {
    const q = 's=pubsub&preset=slow-subscriber';
    const m = model(q);
    for (let t = 0.37; t < 50; t += 0.37) m.runUntil(t);
    m.runUntil(50);
    expect(m.summary()).toEqual(run(q, 50));
  });
});

describe('changes while running (at=)', () => {
  it('a subscriber that slows down at t = 60 starts dropping only then', () => {
    const q = `${CONST2x2}&consume=20&hwm=10&at=60:consume=20,0.5`;
    const m = model(q);
    m.runUntil(60);
    expect(m.summary().subscribers.map((x) => x.dropped.hwm)).toEqual([0, 0]);
    m.runUntil(120);
    const s = m.summary();
    expect(s.subscribers[0].dropped.hwm).toBe(0);
    // From 60 on it gets 2/s and handles about 0.5/s: its 10 places fill within ~7 s, then ~1.5/s is dropped.
    expect(s.subscribers[1].dropped.hwm).toBeGreaterThan(50);
    expect(s.published).toEqual([120, 120]);
    expectConserved(s);
  });

  it('a subscriber added while running counts only what is published after it exists', () => {
    const s = run(`${CONST2x2}&at=20.5:subscribers=3`, 30);
    expect(s.subscribers.length).toBe(3);
    expect(s.subscribers[2].matched).toBe(20); // t = 21 … 30, two publishers
  });

  it('a filter changed while running applies to later messages', () => {
    const s = run(`${CONST2x2}&at=10.5:filters=publisher1,`, 20);
    expect(s.subscribers[0].matched).toBe(20 + 10);
    expect(s.subscribers[0].filter).toBe('publisher1');
  });
});

describe('trace and view', () => {
  it('writes the article’s events: publisher1 pushes event 99, one copy per subscriber', () => {
    const m = model(CONST2x2);
    m.trace = new EventTrace(256);
    m.runUntil(1);
    const recs = readTrace(m.trace, 0, 256);
    const pub = recs.filter((r) => r.kind === PubSubTrace.publish);
    expect(pub.map((r) => messageText(m.p.topics[r.comp], messageEventNo(r.msg)))).toEqual([
      'publisher1 pushes event 99',
      'publisher2 pushes event 1',
    ]);
    expect(pub.map((r) => r.extra)).toEqual([2, 2]);
    expect(
      recs.filter((r) => r.kind === PubSubTrace.deliver).map((r) => [messagePublisher(r.msg), r.comp]),
    ).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it('view() shows each subscriber’s queue against its HWM', () => {
    const m = model('s=pubsub&preset=slow-subscriber');
    m.trace = new EventTrace(4096);
    m.runUntil(30);
    const v = m.view();
    expect(v.publishers.map((p) => p.topic)).toEqual(['publisher1', 'publisher2']);
    expect(v.subscribers[1]).toMatchObject({ connected: true, waiting: 20, hwm: 20, busy: true });
    expect(v.subscribers[1].queuedIds.length).toBe(20);
    expect(
      v.subscribers[1].queuedPublishers.map((p, i) => messagePublisher(v.subscribers[1].queuedIds[i]) === p),
    ).not.toContain(false);
    expect(readTrace(m.trace, 0, 4096).some((r) => r.kind === PubSubTrace.dropHwm && r.comp === 1)).toBe(
      true,
    );
    expect(PUBSUB_COLUMNS.length).toBe(3 + 3 * 20);
  });
});

describe('CLI and presets', () => {
  it('done-when: each subscriber consumes every message of both publishers', () => {
    const r = runCli([CONST2x2, '--until', '100']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as PubSubSummary;
    expect(s.published).toEqual([100, 100]);
    expect(s.fanout).toBe(2);
    // Publications at t = 1 … 100; the two of t = 100 are still in flight (one in service, one waiting).
    for (const sub of s.subscribers) {
      expect(sub).toMatchObject({
        matched: 200,
        missed: 0,
        received: 200,
        consumed: 198,
        dropped: { hwm: 0 },
      });
      expect(sub).toMatchObject({ waiting: 1, inService: 1 });
    }
  });

  it('every preset parses cleanly, round-trips and runs, conserving messages', () => {
    expect(pubsubSchema.presets.map((p) => p.id)).toEqual([
      'zmq-article',
      'topic-filter',
      'slow-subscriber',
      'slow-joiner',
      'durable',
    ]);
    for (const p of pubsubSchema.presets) {
      const { scenario, problems } = parseScenario(`s=pubsub&preset=${p.id}`);
      expect(problems).toEqual([]);
      expect(parseScenario(serializeScenario(scenario)).scenario).toEqual(scenario);
      expect(p.explain.zh.length).toBeGreaterThan(20);
      const s = run(`s=pubsub&preset=${p.id}`, 60);
      expect(s.publishedTotal).toBeGreaterThan(0);
      expectConserved(s);
    }
  });

  it('the presets show their effect', () => {
    const slow = run('s=pubsub&preset=slow-subscriber', 30).subscribers;
    expect(slow[0].dropped.hwm).toBe(0);
    expect(slow[1].dropped.hwm).toBeGreaterThan(0);
    const joiner = run('s=pubsub&preset=slow-joiner', 30).subscribers;
    expect(joiner.map((x) => x.missed)).toEqual([0, 18]);
    const durable = run('s=pubsub&preset=durable', 30).subscribers;
    expect(durable.map((x) => x.missed)).toEqual([0, 0]);
    expect(durable[1].matched).toBe(60);
    const filter = run('s=pubsub&preset=topic-filter', 30);
    const [bj, sh, nba] = filter.published;
    expect(filter.subscribers.map((x) => x.matched)).toEqual([bj + sh, nba, bj + sh + nba, sh]);
  });
});
