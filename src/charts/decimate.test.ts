// Unit tests for the pure chart data helpers: rate transform, min/max decimation, extents and binning.
import { describe, expect, it } from 'vitest';
import { binValues, targetBinCount } from './bins';
import { createPointBuffer, decimateMinMax, finiteExtent, rateInto } from './decimate';
import { flowRows, formatNumber, niceRange } from './layout';

const f64 = (xs: number[]) => Float64Array.from(xs);
const pts = (b: { x: Float64Array; y: Float64Array; length: number }) =>
  Array.from({ length: b.length }, (_, i) => [b.x[i], b.y[i]]);

describe('rateInto', () => {
  it('gives Δvalue/Δt per sample and NaN for the first', () => {
    const out = new Float64Array(4);
    expect(rateInto(f64([0, 1, 2, 4]), f64([0, 10, 30, 30]), out)).toBe(4);
    expect(Array.from(out)).toEqual([NaN, 10, 20, 0]);
  });
  it('uses the actual Δt when the sampling interval changes', () => {
    const out = new Float64Array(3);
    rateInto(f64([0, 0.5, 2.5]), f64([0, 5, 25]), out);
    expect(Array.from(out)).toEqual([NaN, 10, 10]);
  });
  it('is NaN for Δt ≤ 0 and for non-finite inputs', () => {
    const out = new Float64Array(5);
    rateInto(f64([0, 1, 1, 2, 3]), f64([0, 1, 2, Infinity, 5]), out);
    expect(Array.from(out)).toEqual([NaN, 1, NaN, NaN, NaN]);
  });
  it('handles empty and single-sample input', () => {
    const out = new Float64Array(1);
    expect(rateInto(f64([]), f64([]), out)).toBe(0);
    expect(rateInto(f64([3]), f64([7]), out)).toBe(1);
    expect(out[0]).toBeNaN();
  });
});

describe('decimateMinMax', () => {
  it('passes samples through when each has its own bucket', () => {
    const t = f64([0, 1, 2, 3]);
    const v = f64([5, 6, 7, 8]);
    const out = decimateMinMax(t, v, 0, 3, 100, createPointBuffer());
    expect(pts(out)).toEqual([
      [0, 5],
      [1, 6],
      [2, 7],
      [3, 8],
    ]);
  });
  it('keeps min and max of each bucket in time order, so a one-sample spike survives', () => {
    const n = 1000;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = i;
      v[i] = i === 437 ? 1000 : 1;
    }
    const out = decimateMinMax(t, v, 0, n - 1, 10, createPointBuffer());
    expect(out.length).toBeLessThanOrEqual(20);
    const ys = Array.from(out.y.subarray(0, out.length));
    expect(Math.max(...ys)).toBe(1000);
    const xs = Array.from(out.x.subarray(0, out.length));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });
  it('emits the max before the min when the max comes first', () => {
    const out = decimateMinMax(f64([0, 0.1, 0.2, 0.3]), f64([2, 9, 1, 3]), 0, 1, 1, createPointBuffer());
    expect(pts(out)).toEqual([
      [0.1, 9],
      [0.2, 1],
    ]);
  });
  it('writes at most two points per bucket for large inputs', () => {
    const n = 100_000;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = i / 100;
      v[i] = Math.sin(i);
    }
    const out = decimateMinMax(t, v, t[0], t[n - 1], 600, createPointBuffer());
    expect(out.length).toBeLessThanOrEqual(1200);
    expect(out.length).toBeGreaterThan(600);
  });
  it('turns runs of non-finite values into a single gap marker and never starts with one', () => {
    const t = f64([0, 1, 2, 3, 4, 5, 6]);
    const v = f64([Infinity, 1, NaN, Infinity, 2, 3, -Infinity]);
    const out = decimateMinMax(t, v, 0, 6, 100, createPointBuffer());
    const p = pts(out);
    expect(p.length).toBe(4);
    expect(p[0]).toEqual([1, 1]);
    expect(p[1][1]).toBeNaN();
    expect(p.slice(2)).toEqual([
      [4, 2],
      [5, 3],
    ]);
  });
  it('handles empty, single-sample and zero-span input without NaN coordinates', () => {
    const buf = createPointBuffer();
    expect(decimateMinMax(f64([]), f64([]), 0, 1, 10, buf).length).toBe(0);
    expect(pts(decimateMinMax(f64([2]), f64([7]), 2, 2, 10, buf))).toEqual([[2, 7]]);
    const out = decimateMinMax(f64([2, 2, 2]), f64([1, 5, 3]), 2, 2, 10, buf);
    expect(pts(out)).toEqual([
      [2, 1],
      [2, 5],
    ]);
  });
  it('reuses its buffers across calls', () => {
    const buf = createPointBuffer(64);
    const x = buf.x;
    decimateMinMax(f64([0, 1, 2]), f64([1, 2, 3]), 0, 2, 10, buf);
    expect(buf.x).toBe(x);
  });
});

describe('finiteExtent', () => {
  it('ignores NaN and ±Infinity', () => {
    expect(finiteExtent(f64([NaN, 3, Infinity, -2, -Infinity]), 5, [0, 0])).toEqual([-2, 3]);
    expect(finiteExtent(f64([NaN, Infinity]), 2, [0, 0])).toEqual([Infinity, -Infinity]);
    expect(finiteExtent(f64([4, 9, 1]), 2, [0, 0])).toEqual([4, 9]);
  });
});

describe('binValues', () => {
  it('makes nice equal-width bins that count every finite value once', () => {
    const values: number[] = [];
    for (let i = 0; i < 1000; i++) values.push(0.013 + (i % 97) * 0.031);
    values.push(NaN, Infinity);
    const b = binValues(values, 30);
    expect(b.total).toBe(1000);
    expect(b.counts.reduce((a, c) => a + c, 0)).toBe(1000);
    expect(b.counts.length).toBeGreaterThanOrEqual(15);
    expect(b.counts.length).toBeLessThanOrEqual(45);
    expect(b.lo).toBeLessThanOrEqual(0.013);
    expect(b.hi).toBeGreaterThanOrEqual(0.013 + 96 * 0.031);
    const m = Math.log10(b.step) - Math.floor(Math.log10(b.step));
    expect([0, Math.log10(2), Math.log10(5)].some((x) => Math.abs(m - x) < 1e-9)).toBe(true);
  });
  it('puts the maximum in the last bin and honours includeZero', () => {
    const b = binValues([2, 3, 4], 20, true);
    expect(b.lo).toBe(0);
    expect(b.counts[b.counts.length - 1]).toBe(1);
    expect(b.maxCount).toBe(1);
  });
  it('handles empty and constant input', () => {
    expect(binValues([], 30).counts.length).toBe(0);
    const c = binValues([0.5, 0.5, 0.5], 30);
    expect(c.total).toBe(3);
    expect(c.maxCount).toBe(3);
    expect(c.lo).toBeLessThanOrEqual(0.5);
    expect(c.hi).toBeGreaterThan(0.5);
  });
  it('keeps the target within 20–40 bins', () => {
    expect(targetBinCount(300, 12)).toBe(21);
    expect(targetBinCount(100, 12)).toBe(20);
    expect(targetBinCount(2000, 18)).toBe(40);
  });
});

describe('layout helpers', () => {
  it('flows legend items into rows', () => {
    expect(flowRows([50, 50, 50], 120, 10)).toEqual({
      pos: [
        { x: 0, row: 0 },
        { x: 60, row: 0 },
        { x: 0, row: 1 },
      ],
      rows: 2,
    });
  });
  it('picks the tightest nice range, unlike iterated d3 nice()', () => {
    expect(niceRange(0, 150, 5)).toEqual({ lo: 0, hi: 150, ticks: [0, 50, 100, 150] });
    expect(niceRange(0.1, 0.3, 4).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    const r = niceRange(-0.001, 0.0234, 5);
    expect(r.ticks[0]).toBe(r.lo);
    expect(r.ticks[r.ticks.length - 1]).toBe(r.hi);
    expect(niceRange(3, 3, 5).hi).toBeGreaterThan(3);
  });
  it('formats numbers compactly', () => {
    expect(formatNumber(12345)).toBe('12.3k');
    expect(formatNumber(0.0123456)).toBe('0.0123');
    expect(formatNumber(250)).toBe('250');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});

describe('rateInto with a window', () => {
  it('averages over at least spanSec', () => {
    const out = new Float64Array(6);
    // One message every 2 samples of 0.1 s: per-sample rates alternate 0 and 10, a 0.4-s window gives 5.
    rateInto(new Float64Array([0, 0.1, 0.2, 0.3, 0.4, 0.5]), new Float64Array([0, 1, 1, 2, 2, 3]), out, 0.4);
    expect(out[4]).toBeCloseTo(5, 9);
    expect(out[5]).toBeCloseTo(5, 9);
  });
});

describe('rateInto with a minimum count', () => {
  it('reads a steady flow of one message every 2 s as a steady 0.5/s', () => {
    const n = 600;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = i * 0.1;
      v[i] = Math.floor(t[i] / 2 + 1e-9);
    }
    const out = new Float64Array(n);
    rateInto(t, v, out, 0.8, 10, 40);
    // With ≥ 10 counts per window the saw-tooth is at most about 1 part in 10 (10 counts in 18.1…20 s).
    for (let i = 250; i < n; i++) expect(Math.abs(out[i] - 0.5)).toBeLessThanOrEqual(0.5 / 9);
  });
});
