// Seeded streams: reproducible, independent by name and seed, uniform enough for the variability families.
import { describe, expect, it } from 'vitest';
import { RandomStream } from './rng.ts';
import { sampleDurationSec } from './variability.ts';

describe('RandomStream', () => {
  it('repeats for the same seed and name, differs otherwise', () => {
    const draw = (seed: number, name: string) => {
      const r = new RandomStream(seed, name);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 'producer1')).toEqual(draw(1, 'producer1'));
    expect(draw(1, 'producer1')).not.toEqual(draw(1, 'producer2'));
    expect(draw(1, 'producer1')).not.toEqual(draw(2, 'producer1'));
  });

  it('has the right means for const, exp and uniform', () => {
    const r = new RandomStream(3, 'mean');
    for (const kind of ['const', 'exp', 'uniform'] as const) {
      let sum = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) sum += sampleDurationSec(kind, 4, r);
      expect(sum / n).toBeCloseTo(0.25, 2);
    }
  });

  it('randint covers both ends', () => {
    const r = new RandomStream(1, 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(0, 10));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
