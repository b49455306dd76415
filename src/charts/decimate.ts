// Pure, allocation-free helpers that turn raw samples into drawable points: rate transform and min/max decimation.

/** Reusable output buffers for `decimateMinMax` (grown on demand, never shrunk). */
export interface PointBuffer {
  x: Float64Array;
  y: Float64Array;
  /** Number of valid points in `x` / `y`. */
  length: number;
}

export function createPointBuffer(capacity = 0): PointBuffer {
  return { x: new Float64Array(capacity), y: new Float64Array(capacity), length: 0 };
}

/** Returns `buf` if it holds at least `n` values, otherwise a larger (zeroed) array. */
export function ensureCapacity(buf: Float64Array, n: number): Float64Array {
  return buf.length >= n ? buf : new Float64Array(Math.max(n, buf.length * 2, 16));
}

/**
 * Per-second rate of a cumulative column: `out[i] = (v[i] - v[i-1]) / (t[i] - t[i-1])`.
 * `out[0]` is NaN (no previous sample), and so is any rate whose inputs are non-finite or whose Δt ≤ 0.
 * Writes `n = min(t.length, v.length)` values into `out` (which must be at least that long).
 */
export function rateInto(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  out: Float64Array,
  spanSec = 0,
  minCount = 0,
  maxSpanSec = Infinity,
): number {
  const n = Math.min(t.length, v.length);
  if (n > 0) out[0] = NaN;
  // With spanSec > 0 the rate is taken over a trailing window at least that long and holding at least
  // minCount counts (but never longer than maxSpanSec): counts arrive in whole messages, so a rate per
  // sample interval is mostly 0 or 1/interval, and a steady flow of one message every 2 s would read as
  // a saw-tooth. Both conditions only get easier further back, so the window start only moves forward.
  let j = 0;
  for (let i = 1; i < n; i++) {
    if (spanSec <= 0) j = i - 1;
    else
      while (
        j < i - 1 &&
        ((t[i] - t[j + 1] >= spanSec && v[i] - v[j + 1] >= minCount) || t[i] - t[j + 1] >= maxSpanSec)
      )
        j++;
    const dt = t[i] - t[j];
    const dv = v[i] - v[j];
    out[i] = dt > 0 && Number.isFinite(dv) && Number.isFinite(dt) ? dv / dt : NaN;
  }
  return n;
}

/**
 * Min/max decimation into `buckets` equal time buckets over [tMin, tMax]: each bucket keeps its minimum and
 * its maximum sample, in time order (one point if they coincide), so spikes survive however many samples
 * share a pixel. A non-finite value ends the current bucket and leaves a gap marker (a point with y = NaN),
 * written once per run of non-finite samples and never at the start. Samples outside [tMin, tMax] are clamped
 * into the first or last bucket. At most `2 × buckets` points (plus gap markers) are written to `out`.
 */
export function decimateMinMax(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  tMin: number,
  tMax: number,
  buckets: number,
  out: PointBuffer,
): PointBuffer {
  const n = Math.min(t.length, v.length);
  const nb = Math.max(1, Math.floor(buckets));
  // Every written point (gap markers included) consumes a distinct input sample, so n bounds the output.
  const cap = n + 2;
  out.x = ensureCapacity(out.x, cap);
  out.y = ensureCapacity(out.y, cap);
  const ox = out.x;
  const oy = out.y;
  let len = 0;
  const span = tMax - tMin;
  const scale = span > 0 ? nb / span : 0;

  let cur = -1; // current bucket index, -1 when none is open
  let minI = 0;
  let maxI = 0;
  let gapPending = false;

  const flush = (): void => {
    if (cur < 0) return;
    const a = minI < maxI ? minI : maxI;
    const b = minI < maxI ? maxI : minI;
    ox[len] = t[a];
    oy[len++] = v[a];
    if (b !== a) {
      ox[len] = t[b];
      oy[len++] = v[b];
    }
    cur = -1;
  };

  for (let i = 0; i < n; i++) {
    const y = v[i];
    if (!Number.isFinite(y)) {
      flush();
      if (len > 0 && !Number.isNaN(oy[len - 1])) gapPending = true;
      continue;
    }
    if (gapPending) {
      ox[len] = t[i];
      oy[len++] = NaN;
      gapPending = false;
    }
    let b = Math.floor((t[i] - tMin) * scale);
    if (!(b >= 0)) b = 0;
    else if (b >= nb) b = nb - 1;
    if (b !== cur) {
      flush();
      cur = b;
      minI = i;
      maxI = i;
    } else if (y < v[minI]) minI = i;
    else if (y > v[maxI]) maxI = i;
  }
  flush();
  out.length = len;
  return out;
}

/** Smallest and largest finite y among the first `length` points (`[Infinity, -Infinity]` when none). */
export function finiteExtent(y: ArrayLike<number>, length: number, into: [number, number]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = y[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // NaN compares false and so is skipped; ±Infinity must be excluded explicitly.
  if (lo === -Infinity || hi === Infinity) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < length; i++) {
      const v = y[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  into[0] = lo;
  into[1] = hi;
  return into;
}
