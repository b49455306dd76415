// Pure histogram binning: nice, equal-width thresholds from d3-array and an O(n) count with no per-bin arrays.
import { tickIncrement } from 'd3-array';

/** Equal-width bins `[lo + i·step, lo + (i+1)·step)`; the last bin also holds `hi`. */
export interface Bins {
  lo: number;
  hi: number;
  step: number;
  counts: Uint32Array;
  /** Number of finite values counted. */
  total: number;
  /** Largest count (0 when empty). */
  maxCount: number;
}

/**
 * Counts the finite `values` into about `target` nice bins (step 1, 2 or 5 × 10^k, edges multiples of the step).
 * Empty input gives zero bins over [0, 1]; identical values get a small span around them. With `includeZero`
 * the range is widened to start (or end) at 0. `reuse` is recycled when it has the right length.
 */
export function binValues(
  values: ArrayLike<number>,
  target: number,
  includeZero = false,
  reuse?: Uint32Array,
): Bins {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    total++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (total === 0) return { lo: 0, hi: 1, step: 1, counts: new Uint32Array(0), total: 0, maxCount: 0 };
  if (includeZero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  if (max === min) {
    const w = min === 0 ? 0.5 : Math.abs(min) * 0.05;
    const lo = min - w;
    min = min >= 0 && lo < 0 ? 0 : lo;
    max += w;
  }
  // tickIncrement gives the step when it is ≥ 1, else minus its inverse (-20 for 0.05): exact edges either way.
  const inc = tickIncrement(min, max, Math.max(1, Math.round(target)));
  if (!(inc !== 0 && Number.isFinite(inc))) {
    // Degenerate range (huge or non-representable values): one bin holding everything.
    return { lo: min, hi: max, step: max - min, counts: Uint32Array.of(total), total, maxCount: total };
  }
  // Values in units of the step: v·k, with bin edges at integers.
  const k = inc < 0 ? -inc : 1 / inc;
  const i0 = Math.floor(min * k);
  let i1 = Math.ceil(max * k);
  if (i1 <= i0) i1 = i0 + 1;
  const lo = inc < 0 ? i0 / k : i0 * inc;
  const hi = inc < 0 ? i1 / k : i1 * inc;
  const step = (hi - lo) / (i1 - i0);
  const nBins = i1 - i0;
  const counts = reuse && reuse.length === nBins ? reuse.fill(0) : new Uint32Array(nBins);
  let maxCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let b = Math.floor(v * k) - i0;
    if (b < 0) b = 0;
    else if (b >= nBins) b = nBins - 1;
    const c = ++counts[b];
    if (c > maxCount) maxCount = c;
  }
  return { lo, hi, step, counts, total, maxCount };
}

/** Bin target for a plot `innerWidth` px wide at `fontPx`: about one bin per 1.2 em, kept within 20–40. */
export function targetBinCount(innerWidth: number, fontPx: number): number {
  return Math.max(20, Math.min(40, Math.round(innerWidth / (fontPx * 1.2))));
}
