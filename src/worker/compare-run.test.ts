// The sync-vs-async comparison in Node: same crowd both ways, async answers faster, timelines merge correctly.
import { describe, expect, it } from 'vitest';
import { mergeTimelines, runCompare, runSide, speedup, type CompareSide } from './compare-run.ts';

const SALE = 's=seckill&users=5000&stock=50&seed=3';

describe('runCompare', () => {
  it('runs the same crowd both ways to the end', () => {
    const r = runCompare(SALE);
    expect(r.async.summary.mode).toBe('async');
    expect(r.sync.summary.mode).toBe('sync');
    expect(r.async.finished && r.sync.finished).toBe(true);
    expect(r.async.summary.requests).toBe(5000);
    expect(r.sync.summary.requests).toBe(5000);
    expect(r.async.summary.succeeded).toBe(50);
    expect(r.async.summary.oversold + r.sync.summary.oversold).toBe(0);
    expect(r.sync.summary.response.p95).toBeGreaterThan(r.async.summary.response.p95);
    expect(r.async.summary.inconsistency.max).toBeGreaterThanOrEqual(r.sync.summary.inconsistency.max);
    expect(speedup(r.async.summary, r.sync.summary)).toBeGreaterThan(1);
  });

  it('forces the mode whatever the query says, and refuses other scenarios', () => {
    expect(runSide('s=seckill&users=100&mode=sync', 'async').summary.mode).toBe('async');
    expect(() => runSide('s=pc', 'async')).toThrow(/seckill/);
  });
});

function side(t: number[], succeeded: number[], inconsistency: number[]): CompareSide {
  return {
    summary: runSide('s=seckill&users=1', 'async').summary,
    finished: true,
    t: Float64Array.from(t),
    succeeded: Float64Array.from(succeeded),
    inconsistency: Float64Array.from(inconsistency),
  };
}

describe('mergeTimelines', () => {
  it('puts both sides on the union of their times, holding the last value', () => {
    const m = mergeTimelines(
      side([0.01, 0.02], [1, 3], [1, 0]),
      side([0.015, 0.03, 0.04], [0, 1, 2], [0, 1, 0]),
    );
    expect(Array.from(m.t)).toEqual([0, 0.01, 0.015, 0.02, 0.03, 0.04]);
    expect(Array.from(m.columns.asyncSucceeded)).toEqual([0, 1, 1, 3, 3, 3]);
    expect(Array.from(m.columns.syncSucceeded)).toEqual([0, 0, 0, 0, 1, 2]);
    expect(Array.from(m.columns.asyncInconsistency)).toEqual([0, 1, 1, 0, 0, 0]);
    expect(Array.from(m.columns.syncInconsistency)).toEqual([0, 0, 0, 0, 1, 0]);
  });
});
