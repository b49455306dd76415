// Time series sampled at fixed simulated intervals into a bounded buffer: when full, halve the resolution.

/**
 * Columns are named once; each sample is one value per column at time `t`. The buffer holds at most
 * `capacity` samples: when it fills, every second sample is dropped and the interval doubles, so the whole
 * run stays visible at a coarser resolution and memory stays flat however long a run goes.
 */
export class SampledSeries {
  readonly columns: readonly string[];
  private data: Float64Array[];
  private times: Float64Array;
  private n = 0;
  intervalSec: number;
  nextSampleSec: number;

  constructor(
    columns: readonly string[],
    intervalSec: number,
    readonly capacity = 1024,
  ) {
    this.columns = columns;
    this.intervalSec = intervalSec;
    this.nextSampleSec = intervalSec;
    this.times = new Float64Array(capacity);
    this.data = columns.map(() => new Float64Array(capacity));
  }

  get length(): number {
    return this.n;
  }

  /** Appends a sample taken at `timeSec` (values in column order). */
  push(timeSec: number, values: ArrayLike<number>): void {
    if (this.n === this.capacity) this.halve();
    this.times[this.n] = timeSec;
    for (let c = 0; c < this.data.length; c++) this.data[c][this.n] = values[c];
    this.n++;
    this.nextSampleSec = timeSec + this.intervalSec;
  }

  private halve(): void {
    const keep = this.n >> 1;
    for (let i = 0; i < keep; i++) {
      const src = 2 * i + 1;
      this.times[i] = this.times[src];
      for (const col of this.data) col[i] = col[src];
    }
    this.n = keep;
    this.intervalSec *= 2;
    // Stay on the new grid: the next sample is one (doubled) interval after the last one kept.
    this.nextSampleSec = this.times[keep - 1] + this.intervalSec;
  }

  /** Copies of the samples: `{ t, columns: { name: values } }` (plain arrays of length `length`). */
  toColumns(): { t: Float64Array; columns: Record<string, Float64Array> } {
    const columns: Record<string, Float64Array> = {};
    this.columns.forEach((name, c) => (columns[name] = this.data[c].slice(0, this.n)));
    return { t: this.times.slice(0, this.n), columns };
  }

  /** A view of one column's samples (valid until the next push). */
  column(name: string): Float64Array {
    const c = this.columns.indexOf(name);
    return this.data[c].subarray(0, this.n);
  }
}
