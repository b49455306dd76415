// Quantile sketch for non-negative durations: log-linear buckets (HDR-histogram style) with a stated relative error.

/**
 * Each power-of-two range [2^e, 2^(e+1)) is split into 128 equal buckets, found from the float's exponent
 * and top 7 mantissa bits (no logarithm). Reporting a bucket's midpoint is off by at most half a bucket:
 * 2^e/256 of a value ≥ 2^e, so every reported quantile q̂ of a value x satisfies |q̂ − x| ≤ x/256.
 */
export const SKETCH_RELATIVE_ERROR = 1 / 256;
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
/** Values below 2^-30 s (about 1 ns) count as zero; values above 2^40 s land in the last bucket. */
const MIN_EXP = 1023 - 30;
const MAX_EXP = 1023 + 40;
const BUCKETS = (MAX_EXP - MIN_EXP + 1) * SUB;
const MIN_VALUE = Math.pow(2, MIN_EXP - 1023);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high 32-bit word of a float64 (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export interface QuantileSummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

function bucketMid(i: number): number {
  const e = Math.floor(i / SUB) + MIN_EXP - 1023;
  const sub = i % SUB;
  return Math.pow(2, e) * (1 + (sub + 0.5) / SUB);
}

export class QuantileSketch {
  private counts = new Float64Array(BUCKETS);
  private zeros = 0;
  count = 0;
  sum = 0;
  max = 0;

  add(valueSec: number): void {
    this.count++;
    this.sum += valueSec;
    if (valueSec > this.max) this.max = valueSec;
    if (valueSec < MIN_VALUE) {
      this.zeros++;
      return;
    }
    f64[0] = valueSec;
    const hi = u32[HI];
    let i = (((hi >>> 20) & 0x7ff) - MIN_EXP) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
    if (i >= BUCKETS) i = BUCKETS - 1;
    this.counts[i]++;
  }

  reset(): void {
    this.counts.fill(0);
    this.zeros = 0;
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The q-quantile (0 ≤ q ≤ 1) by the lower nearest-rank rule; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.floor(q * (this.count - 1));
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen > rank) return Math.min(bucketMid(i), this.max);
    }
    return this.max;
  }

  summary(): QuantileSummary {
    return { mean: this.mean(), p50: this.quantile(0.5), p95: this.quantile(0.95), p99: this.quantile(0.99) };
  }
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would have if sorted (Hoare's quickselect). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The latest `capacity` values, for "recent" percentiles drawn over time. Exact, bounded, no allocation. */
export class RecentWindow {
  private buffer: Float64Array;
  private n = 0;
  private next = 0;
  private scratch: Float64Array;

  constructor(capacity = 256) {
    this.buffer = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
  }

  add(v: number): void {
    this.buffer[this.next++] = v;
    if (this.next === this.buffer.length) this.next = 0;
    if (this.n < this.buffer.length) this.n++;
  }

  /** A copy of the values in the window (oldest first is not guaranteed). */
  values(): Float64Array {
    return this.buffer.slice(0, this.n);
  }

  /** Writes p50, p95 and p99 of the window into `out` at `offset` (zeros when empty). */
  percentilesInto(out: number[], offset: number): void {
    const n = this.n;
    if (n === 0) {
      out[offset] = out[offset + 1] = out[offset + 2] = 0;
      return;
    }
    const s = this.scratch;
    s.set(this.buffer);
    const k50 = Math.floor(0.5 * (n - 1));
    const k95 = Math.floor(0.95 * (n - 1));
    const k99 = Math.floor(0.99 * (n - 1));
    select(s, 0, n - 1, k50);
    select(s, k50, n - 1, k95);
    select(s, k95, n - 1, k99);
    out[offset] = s[k50];
    out[offset + 1] = s[k95];
    out[offset + 2] = s[k99];
  }
}
