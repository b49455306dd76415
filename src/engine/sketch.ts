// Quantile sketch for non-negative durations: log-spaced buckets with a guaranteed relative error (DDSketch-style).

/** Relative accuracy: every reported quantile q̂ of a value x satisfies |q̂ - x| <= ALPHA * x. */
export const SKETCH_RELATIVE_ERROR = 0.005;
const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
/** Values below this (seconds) count as zero: far below anything a person could see. */
const MIN_VALUE = 1e-9;
/** Values up to ~1e12 s fit; larger ones land in the last bucket (and are still counted in the mean). */
const OFFSET = Math.ceil(Math.log(MIN_VALUE) / LOG_GAMMA);
const BUCKETS = Math.ceil(Math.log(1e12) / LOG_GAMMA) - OFFSET + 1;

export interface QuantileSummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
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
    let i = Math.ceil(Math.log(valueSec) / LOG_GAMMA) - OFFSET;
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

  /** The q-quantile (0 <= q <= 1) by the lower nearest-rank rule; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.floor(q * (this.count - 1));
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen > rank) return (2 * Math.pow(GAMMA, i + OFFSET)) / (GAMMA + 1);
    }
    return this.max;
  }

  summary(): QuantileSummary {
    return { mean: this.mean(), p50: this.quantile(0.5), p95: this.quantile(0.95), p99: this.quantile(0.99) };
  }
}

/**
 * The latest `capacity` values, for "recent" percentiles drawn over time. Exact (sorts a copy), bounded.
 */
export class RecentWindow {
  private values: Float64Array;
  private n = 0;
  private next = 0;
  private scratch: Float64Array;

  constructor(capacity = 512) {
    this.values = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
  }

  add(v: number): void {
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.values.length;
    if (this.n < this.values.length) this.n++;
  }

  /** Writes p50, p95 and p99 of the window into `out` at `offset` (zeros when empty). */
  percentilesInto(out: number[], offset: number): void {
    if (this.n === 0) {
      out[offset] = out[offset + 1] = out[offset + 2] = 0;
      return;
    }
    const s = this.scratch.subarray(0, this.n);
    s.set(this.values.subarray(0, this.n));
    s.sort();
    const at = (q: number) => s[Math.floor(q * (this.n - 1))];
    out[offset] = at(0.5);
    out[offset + 1] = at(0.95);
    out[offset + 2] = at(0.99);
  }
}
