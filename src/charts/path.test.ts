// Unit tests for the SVG path builders: coordinate text, gaps, step-after lines and closed areas.
import { describe, expect, it } from 'vitest';
import { affineOf, areaPath, coord, linePath } from './path';

const f64 = (xs: number[]) => Float64Array.from(xs);
const id = { k: 1, b: 0 };

describe('coord', () => {
  it('rounds to half pixels without float noise', () => {
    expect(coord(1.26)).toBe('1.5');
    expect(coord(1.2)).toBe('1');
    expect(coord(0.1 + 0.2)).toBe('0.5');
    expect(coord(-2.75)).toBe('-2.5');
    expect(coord(-0.2)).toBe('0');
    expect(coord(1234567.74)).toBe('1234567.5');
  });
});

describe('affineOf', () => {
  it('matches a linear scale and survives a zero-width domain', () => {
    const a = affineOf([10, 20], [0, 100]);
    expect(a.k * 15 + a.b).toBe(50);
    const z = affineOf([5, 5], [300, 0]);
    expect(z.k * 5 + z.b).toBe(300);
  });
});

describe('linePath', () => {
  it('draws straight segments and breaks at NaN', () => {
    expect(linePath(f64([0, 1, 2, 3, 4]), f64([0, 1, NaN, 3, 4]), 5, id, id, false)).toBe('M0,0L1,1M3,3L4,4');
  });
  it('draws step-after with H/V commands', () => {
    expect(linePath(f64([0, 2, 4, 6]), f64([1, 1, 3, 3]), 4, id, id, true)).toBe('M0,1H2H4V3H6');
  });
  it('is empty for no drawable points and never contains NaN', () => {
    expect(linePath(f64([0, 1]), f64([NaN, Infinity]), 2, id, id, false)).toBe('');
    expect(linePath(f64([]), f64([]), 0, id, id, false)).toBe('');
    expect(linePath(f64([0]), f64([5]), 1, { k: 0, b: 0 }, id, false)).toBe('M0,5');
  });
  it('honours the point count, not the buffer length', () => {
    expect(linePath(f64([0, 1, 2]), f64([0, 1, 2]), 2, id, id, false)).toBe('M0,0L1,1');
  });
});

describe('areaPath', () => {
  it('closes each run down to the baseline', () => {
    expect(areaPath(f64([0, 1, 2, 3]), f64([5, 6, NaN, 7]), 4, id, id, false, 10)).toBe(
      'M0,10V5L1,6V10ZM3,10V7V10Z',
    );
  });
  it('follows steps', () => {
    expect(areaPath(f64([0, 2]), f64([1, 3]), 2, id, id, true, 0)).toBe('M0,0V1H2V3V0Z');
  });
});
