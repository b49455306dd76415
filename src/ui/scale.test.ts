// Slider mapping: ends map to the range's ends, positions round-trip, values stay in range.
import { describe, expect, it } from 'vitest';
import { fromSlider, SLIDER_STEPS, toSlider } from './scale.ts';
import { SCHEMAS } from '../scenarios/registry.ts';
import type { NumberSpec } from '../scenarios/schema.ts';

const numberSpecs = Object.values(SCHEMAS).flatMap((s) =>
  s.params.filter((p): p is NumberSpec => p.kind === 'number' && p.max < Infinity),
);

describe('slider scale', () => {
  it.each(numberSpecs.map((s) => [s.name, s] as const))('%s maps its ends and stays in range', (_n, spec) => {
    expect(fromSlider(spec, 0)).toBeGreaterThanOrEqual(spec.min);
    expect(fromSlider(spec, SLIDER_STEPS)).toBeLessThanOrEqual(spec.max);
    expect(toSlider(spec, spec.max)).toBe(SLIDER_STEPS);
    for (let pos = 0; pos <= SLIDER_STEPS; pos += 50) {
      const v = fromSlider(spec, pos);
      expect(v).toBeGreaterThanOrEqual(spec.min);
      expect(v).toBeLessThanOrEqual(spec.max);
      if (spec.integer) expect(Number.isInteger(v)).toBe(true);
      expect(Math.abs(toSlider(spec, v) - pos)).toBeLessThanOrEqual(spec.integer ? 60 : 3);
    }
  });
});
