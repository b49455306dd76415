// Maps a parameter's range onto a 0…1000 slider, logarithmically for rates and sizes.
import type { NumberSpec } from '../scenarios/schema.ts';

export const SLIDER_STEPS = 1000;

/** Slider position (0…SLIDER_STEPS) of a value. Log scales use log(value + 1) when the range starts at 0. */
export function toSlider(spec: NumberSpec, value: number): number {
  const v = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.scale === 'linear') return Math.round(((v - spec.min) / (spec.max - spec.min)) * SLIDER_STEPS);
  const shift = spec.min <= 0 ? 1 - spec.min : 0;
  const lo = Math.log(spec.min + shift);
  const hi = Math.log(spec.max + shift);
  return Math.round(((Math.log(v + shift) - lo) / (hi - lo)) * SLIDER_STEPS);
}

/** The value at a slider position, rounded to about three significant digits (integers for integer specs). */
export function fromSlider(spec: NumberSpec, pos: number): number {
  const f = pos / SLIDER_STEPS;
  let v: number;
  if (spec.scale === 'linear') v = spec.min + f * (spec.max - spec.min);
  else {
    const shift = spec.min <= 0 ? 1 - spec.min : 0;
    const lo = Math.log(spec.min + shift);
    const hi = Math.log(spec.max + shift);
    v = Math.exp(lo + f * (hi - lo)) - shift;
  }
  if (spec.integer) return Math.min(spec.max, Math.max(spec.min, Math.round(v)));
  const mag = Math.pow(10, Math.floor(Math.log10(Math.abs(v) || 1)) - 2);
  const rounded = Math.round(v / mag) * mag;
  const clean = Number(rounded.toPrecision(3));
  const lower = spec.minExclusive ? spec.min + Number.EPSILON : spec.min;
  return Math.min(spec.max, Math.max(lower, clean));
}
