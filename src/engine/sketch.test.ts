// The quantile sketch's stated relative error (0.5%) holds against exact quantiles.
import { describe, expect, it } from 'vitest';
import { QuantileSketch, SKETCH_RELATIVE_ERROR } from './sketch.ts';
import { RandomStream } from './rng.ts';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

describe('QuantileSketch', () => {
  it.each([
    ['exponential', (u: number) => -Math.log(1 - u) * 3],
    ['heavy-tailed', (u: number) => 0.001 / Math.pow(1 - u, 2)],
    ['with zeros', (u: number) => (u < 0.3 ? 0 : u * 100)],
  ])('reports %s quantiles within the stated relative error', (_name, draw) => {
    const rng = new RandomStream(7, 'sketch');
    const sk = new QuantileSketch();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = draw(rng.next());
      values.push(v);
      sk.add(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(sk.quantile(q) - exact)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * exact + 1e-12);
    }
    expect(sk.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    expect(SKETCH_RELATIVE_ERROR).toBeLessThanOrEqual(0.01);
  });

  it('is zero when empty and resets', () => {
    const sk = new QuantileSketch();
    expect(sk.summary()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0 });
    sk.add(5);
    sk.reset();
    expect(sk.count).toBe(0);
    expect(sk.quantile(0.5)).toBe(0);
  });
});
