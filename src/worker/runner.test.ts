// The worker's Runner driven in Node: loading, moment links, stepping, pacing, changes and errors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeTimeSec, Runner } from './runner.ts';
import type { Reply, Snapshot } from './protocol.ts';
import { runCli } from '../cli/run.ts';

function harness(maxStoredMessages?: number) {
  const replies: Reply[] = [];
  let clock = 0;
  const runner = new Runner({ post: (r) => replies.push(r), nowMs: () => clock, maxStoredMessages });
  const last = (): Snapshot => {
    const snaps = replies.filter((r): r is Extract<Reply, { type: 'snapshot' }> => r.type === 'snapshot');
    return snaps[snaps.length - 1].snapshot;
  };
  return { runner, replies, last, advance: (ms: number) => (clock += ms) };
}

describe('Runner', () => {
  it('opens a moment link paused with exactly the CLI’s counters at that time', () => {
    const q = 's=pc&produce=2&consume=1&capacity=10&seed=9';
    const h = harness();
    h.runner.handle({ type: 'load', query: q, untilSec: 30 });
    const snap = h.last();
    expect(snap.running).toBe(false);
    expect(snap.timeSec).toBe(30);
    const cli = JSON.parse(runCli([q, '--until', '30']).stdout);
    expect(snap.summary.produced).toBe(cli.produced);
    expect(snap.summary.consumed).toBe(cli.consumed);
    expect(snap.summary.dropped).toEqual(cli.dropped);
  });

  it('advances simulated time by speed × wall time while playing', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=pc', untilSec: 0 });
    h.runner.handle({ type: 'speed', speed: 10 });
    h.runner.handle({ type: 'play' });
    for (let i = 0; i < 10; i++) {
      h.advance(16);
      h.runner.tick();
    }
    expect(h.last().timeSec).toBeCloseTo(1.6, 6);
    expect(h.last().running).toBe(true);
    h.runner.handle({ type: 'pause' });
    h.advance(1000);
    h.runner.tick();
    expect(h.last().timeSec).toBeCloseTo(1.6, 6);
  });

  it('steps to the next visible event', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=pc&arrival=const&produce=1', untilSec: 0 });
    h.runner.handle({ type: 'step' });
    const s = h.last();
    expect(s.timeSec).toBe(1);
    expect(s.trace.kind.length).toBeGreaterThan(0);
  });

  it('records a live change at a millisecond-rounded time that replays identically', () => {
    const h = harness();
    const q = 's=pc&produce=1&consume=1.25&seed=4';
    h.runner.handle({ type: 'load', query: q, untilSec: 12.3456 });
    h.runner.handle({ type: 'change', name: 'produce', value: 5 });
    const changed = h.replies.find((r) => r.type === 'changed');
    expect(changed).toMatchObject({ type: 'changed', atSec: 12.346, name: 'produce', value: 5 });
    h.runner.handle({ type: 'seek', timeSec: 40 });
    const live = h.last().summary;
    const replay = JSON.parse(runCli([`${q}&at=12.346:produce=5`, '--until', '40']).stdout);
    expect(live.produced).toBe(replay.produced);
    expect(live.consumed).toBe(replay.consumed);
    expect(live.stats).toEqual(replay.stats);
  });

  it('seeks backwards by rebuilding', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=pc&seed=2', untilSec: 50 });
    const at50 = h.last().summary.produced;
    h.runner.handle({ type: 'seek', timeSec: 80 });
    h.runner.handle({ type: 'seek', timeSec: 50 });
    expect(h.last().summary.produced).toBe(at50);
  });

  it('runs a flash sale to the end at max speed and stops by itself', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=seckill&users=20000', untilSec: 0 });
    h.runner.handle({ type: 'speed', speed: 'max' });
    h.runner.handle({ type: 'play' });
    for (let i = 0; i < 5000 && h.runner.isRunning; i++) {
      h.advance(1);
      h.runner.tick();
    }
    expect(h.runner.isRunning).toBe(false);
    expect(h.last().finished).toBe(true);
    expect(h.last().summary.succeeded).toBe(100);
  });

  it('turns an engine error into an error reply and pauses', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=pc', untilSec: 0 });
    h.runner.handle({ type: 'seek', timeSec: Number.NaN });
    h.runner.handle({ type: 'change', name: 'produce', value: 'not a number' });
    h.runner.handle({ type: 'bogus' } as never);
    const errors = h.replies.filter((r) => r.type === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(h.runner.isRunning).toBe(false);
  });

  it('sends at most a bounded trace per frame and counts the rest as lost', () => {
    const h = harness();
    h.runner.handle({ type: 'load', query: 's=pc', untilSec: 0 });
    h.runner.handle({ type: 'speed', speed: 'max' });
    h.runner.handle({ type: 'play' });
    h.advance(16);
    h.runner.tick();
    const s = h.last();
    expect(s.trace.kind.length).toBeLessThanOrEqual(600);
  });

  it('stops a run whose queue grows past the memory limit, with a message', () => {
    const h = harness(50_000);
    h.runner.handle({ type: 'load', query: 's=pc&produce=100000&consume=0.001', untilSec: 0 });
    h.runner.handle({ type: 'speed', speed: 'max' });
    h.runner.handle({ type: 'play' });
    for (let i = 0; i < 200 && h.runner.isRunning; i++) {
      h.advance(16);
      h.runner.tick();
    }
    expect(h.runner.isRunning).toBe(false);
    const err = h.replies.find((r) => r.type === 'error');
    expect(err && err.type === 'error' && err.message).toContain('messages are waiting');
  });

  it('keeps live changes when a seek goes back in time', () => {
    const h = harness();
    const q = 's=pc&produce=1&consume=1.25&seed=4';
    h.runner.handle({ type: 'load', query: q, untilSec: 10 });
    h.runner.handle({ type: 'change', name: 'produce', value: 6 });
    h.runner.handle({ type: 'seek', timeSec: 60 });
    h.runner.handle({ type: 'seek', timeSec: 30 });
    const replay = JSON.parse(runCli([`${q}&at=10:produce=6`, '--until', '30']).stdout);
    expect(h.last().summary.produced).toBe(replay.produced);
    expect(h.last().summary.consumed).toBe(replay.consumed);
  });

  it('never records a live change earlier than the moment it was made', () => {
    expect(changeTimeSec(0.30000000000000004)).toBeGreaterThanOrEqual(0.30000000000000004);
    expect(changeTimeSec(12.346)).toBe(12.346);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (now) => {
        const at = changeTimeSec(now);
        expect(at).toBeGreaterThanOrEqual(now);
        expect(at - now).toBeLessThan(0.0011);
      }),
    );
  });

  it('stops a moment link whose queues would exhaust memory, with a message and a snapshot', () => {
    const h = harness(10_000);
    h.runner.handle({ type: 'load', query: 's=pc&produce=100000&consume=0.001', untilSec: 1000 });
    const err = h.replies.find((r) => r.type === 'error');
    expect(err && err.type === 'error' && err.message).toContain('messages are waiting');
    expect(h.last().timeSec).toBeLessThan(1000);
  });
});
