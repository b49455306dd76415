// The charts' data model: time series columns, line specs, sizes and the `{ update, destroy }` instance contract.

/** Samples in column form: `t` in simulated seconds (ascending), every column the same length as `t`. */
export interface TimeSeriesData {
  t: Float64Array;
  /** Values may be non-finite (e.g. Infinity for an unbounded capacity): such samples are never drawn. */
  columns: Record<string, Float64Array>;
}

/** One drawn line of a line chart. */
export interface LineSpec {
  /** Column name in `TimeSeriesData.columns`. */
  key: string;
  label: string;
  /** Any CSS colour, e.g. `'var(--c1)'` or `'#2563eb'` (applied as an inline style, so `var()` works). */
  color: string;
  dash?: boolean;
  /** `'rate'`: draw Δvalue/Δt between consecutive samples of a cumulative column (per simulated second). */
  transform?: 'rate';
  /** Fill the area under the line. */
  area?: boolean;
  /** Draw as a step function (value holds until the next sample). */
  step?: boolean;
}

/** Pixel size of the box a chart fills. */
export interface ChartSize {
  width: number;
  height: number;
}

/** What every chart factory returns; `L` is the optional label-override object for language switches. */
export interface ChartInstance<D, L = never> {
  update(data: D, size: ChartSize, labels?: L): void;
  /** Removes every node the chart created inside the svg. */
  destroy(): void;
}

/** `createXChart(svg, options)`. */
export type ChartFactory<O, D, L = never> = (svg: SVGSVGElement, options: O) => ChartInstance<D, L>;

/** Input of the histogram chart. */
export interface HistogramData {
  /** Raw observations, e.g. latencies in seconds; non-finite values are ignored. */
  values: ArrayLike<number>;
  /** Vertical marker positions by marker key, e.g. `{ p50: 0.4, p95: 1.9, p99: 3.2 }`. */
  markers?: Record<string, number>;
}
