// Time-series line chart: decimated lines, optional areas and a dashed reference line, legend row and axes.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import {
  createPointBuffer,
  decimateMinMax,
  ensureCapacity,
  finiteExtent,
  rateInto,
  type PointBuffer,
} from './decimate';
import { affineOf, areaPath, linePath } from './path';
import {
  applyCommonLabels,
  estimateTextWidth,
  flowRows,
  formatNumber,
  measureText,
  niceRange,
  readFontPx,
  sizeSvg,
  svgEl,
  tickCount,
  type NiceRange,
} from './layout';

/** A log axis range: whole powers of ten around [lo, hi] (already log10), at most about `ticks` labels. */
function decades(lo: number, hi: number, ticks: number): NiceRange {
  const a = Math.floor(lo);
  const b = Math.max(a + 1, Math.ceil(hi));
  const step = Math.max(1, Math.ceil((b - a) / Math.max(1, ticks)));
  const out: number[] = [];
  for (let v = a; v <= b; v += step) out.push(v);
  return { lo: a, hi: b, ticks: out };
}
import type { ChartInstance, ChartSize, LineSpec, TimeSeriesData } from './types';

export interface LineChartOptions {
  lines: LineSpec[];
  /** Y axis title with its unit, e.g. "Messages in queue". */
  yLabel: string;
  /** X axis title with its unit, e.g. "Simulated time (s)". */
  xLabel: string;
  /** A dashed reference line drawn from a column (e.g. capacity); non-finite values are skipped. */
  refLine?: { key: string; label: string };
  /** Always include 0 in the y range (ignored with yLog). */
  yMin0?: boolean;
  /**
   * Logarithmic y axis (powers of ten): for rates that span decades, such as a flash-sale spike of
   * 500,000 clicks a second beside servers that handle 4,000. Values ≤ 0 leave gaps.
   */
  yLog?: boolean;
  /** Y tick label format; the default is compact (SI suffixes from 10,000). */
  formatY?: (v: number) => string;
  ariaLabel: string;
}

/** Label overrides for a language switch without recreating the chart; `lines` and `refLine` are by key. */
export interface LineChartLabels {
  yLabel?: string;
  xLabel?: string;
  ariaLabel?: string;
  refLine?: string;
  lines?: Record<string, string>;
}

/** One drawn series: its spec, its reusable buffers and its path nodes. */
interface Series {
  key: string;
  transform?: 'rate';
  step: boolean;
  pts: PointBuffer;
  rate: Float64Array;
  log: Float64Array;
  path: SVGPathElement;
  areaPath: SVGPathElement | null;
  legendText: SVGTextElement;
  legendItem: SVGGElement;
  label: string;
}

export function createLineChart(
  svg: SVGSVGElement,
  options: LineChartOptions,
): ChartInstance<TimeSeriesData, LineChartLabels> {
  const { lines, refLine, yMin0 = false, yLog = false, formatY } = options;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.ariaLabel);
  svg.classList.add('qs-chart-svg');

  const root = svgEl(svg, 'g', 'qs-line-chart');
  const legend = svgEl(root, 'g', 'qs-legend');
  const yTitle = svgEl(legend, 'text', 'qs-axis-title');
  yTitle.textContent = options.yLabel;
  const plot = svgEl(root, 'g', 'qs-plot');
  const yAxisG = svgEl(plot, 'g', 'qs-axis qs-axis-y');
  const xAxisG = svgEl(plot, 'g', 'qs-axis qs-axis-x');
  const xTitle = svgEl(root, 'text', 'qs-axis-title qs-x-title');
  xTitle.textContent = options.xLabel;
  xTitle.setAttribute('text-anchor', 'middle');
  const areas = svgEl(plot, 'g', 'qs-areas');
  const refPath = refLine ? svgEl(plot, 'path', 'qs-ref-line') : null;
  const linesG = svgEl(plot, 'g', 'qs-lines');

  const legendItem = (label: string, color: string, dash: boolean, cls: string) => {
    const g = svgEl(legend, 'g', `qs-legend-item ${cls}`);
    const sw = svgEl(g, 'line', 'qs-swatch');
    sw.style.stroke = color;
    if (dash) sw.classList.add('qs-dash');
    const text = svgEl(g, 'text', 'qs-legend-label');
    text.textContent = label;
    return { g, sw, text };
  };

  const series: Series[] = lines.map((spec) => {
    const areaPath = spec.area ? svgEl(areas, 'path', 'qs-area') : null;
    if (areaPath) areaPath.style.fill = spec.color;
    const path = svgEl(linesG, 'path', 'qs-line');
    path.style.stroke = spec.color;
    if (spec.dash) path.classList.add('qs-dash');
    const item = legendItem(spec.label, spec.color, spec.dash ?? false, 'qs-legend-line');
    return {
      key: spec.key,
      transform: spec.transform,
      step: spec.step ?? false,
      pts: createPointBuffer(),
      rate: new Float64Array(0),
      log: new Float64Array(0),
      path,
      areaPath,
      legendText: item.text,
      legendItem: item.g,
      label: spec.label,
    };
  });
  const refItem = refLine ? legendItem(refLine.label, '', true, 'qs-legend-ref') : null;
  const refPts = createPointBuffer();

  const x = scaleLinear();
  const y = scaleLinear();
  const xAxis = axisBottom<number>(x);
  const yAxis = axisLeft<number>(y);
  // Pixel mappings of x and y for the path builders (d3 scales stay the source of truth for axes).
  const ax = { k: 1, b: 0 };
  const ay = { k: 1, b: 0 };
  let basePx = 0;

  const extent: [number, number] = [0, 0];
  let layoutKey = '';
  let fontPx = 14;
  let legendRows = 1;
  let left = 40;

  /** Re-measures and re-flows the legend; only when the size, font or labels change. */
  const layoutLegend = (width: number) => {
    const gap = fontPx * 1.2;
    const swatchW = fontPx * 1.6;
    const items: { g: SVGGElement; text: SVGTextElement }[] = series.map((s) => ({
      g: s.legendItem,
      text: s.legendText,
    }));
    if (refItem) items.push({ g: refItem.g, text: refItem.text });
    const widths = [measureText(yTitle, fontPx) + fontPx * 0.6];
    for (const it of items) widths.push(swatchW + fontPx * 0.4 + measureText(it.text, fontPx));
    const flow = flowRows(widths, Math.max(1, width - 4), gap);
    legendRows = Math.max(1, flow.rows);
    const rowH = fontPx * 1.35;
    yTitle.setAttribute('x', String(flow.pos[0].x + 2));
    yTitle.setAttribute('y', String(fontPx));
    items.forEach((it, i) => {
      const p = flow.pos[i + 1];
      it.g.setAttribute('transform', `translate(${p.x + 2},${p.row * rowH + fontPx})`);
      const sw = it.g.firstElementChild as SVGLineElement;
      sw.setAttribute('x1', '0');
      sw.setAttribute('x2', String(swatchW));
      sw.setAttribute('y1', String(-fontPx * 0.32));
      sw.setAttribute('y2', String(-fontPx * 0.32));
      it.text.setAttribute('x', String(swatchW + fontPx * 0.4));
    });
  };

  /** Prepares one column for drawing: optional rate transform, then min/max decimation into `pts`. */
  const prepare = (
    t: Float64Array,
    col: Float64Array | undefined,
    s: { transform?: 'rate'; rate: Float64Array; log: Float64Array; pts: PointBuffer },
    t0: number,
    t1: number,
    buckets: number,
  ) => {
    if (!col) {
      s.pts.length = 0;
      return;
    }
    let v: Float64Array = col;
    if (s.transform === 'rate') {
      s.rate = ensureCapacity(s.rate, col.length);
      rateInto(t, col, s.rate, (t1 - t0) / 25, 10, (t1 - t0) / 4); // ≥ 1/25 of the view and ≥ 10 counts
      v = s.rate.subarray(0, Math.min(t.length, col.length));
    }
    if (yLog) {
      // Plot log10 of the values on the linear scale; ticks are labelled with the powers of ten.
      s.log = ensureCapacity(s.log, v.length);
      for (let i = 0; i < v.length; i++) s.log[i] = v[i] > 0 ? Math.log10(v[i]) : NaN;
      v = s.log.subarray(0, v.length);
    }
    decimateMinMax(t, v, t0, t1, buckets, s.pts);
  };

  const draw = (path: SVGPathElement, pts: PointBuffer, step: boolean, fill: SVGPathElement | null) => {
    path.setAttribute('d', linePath(pts.x, pts.y, pts.length, ax, ay, step));
    if (fill) fill.setAttribute('d', areaPath(pts.x, pts.y, pts.length, ax, ay, step, basePx));
  };

  const refState = { rate: new Float64Array(0), log: new Float64Array(0), pts: refPts };

  return {
    update(data: TimeSeriesData, size: ChartSize, labels?: LineChartLabels) {
      const { width, height } = sizeSvg(svg, size);
      if (labels) {
        applyCommonLabels(svg, labels, xTitle, yTitle);
        if (labels.refLine !== undefined && refItem) refItem.text.textContent = labels.refLine;
        for (const s of series) {
          const l = labels.lines?.[s.key];
          if (l !== undefined) s.legendText.textContent = l;
        }
      }
      const key = `${width}x${height}|${labels ? JSON.stringify(labels) : ''}`;
      if (key !== layoutKey) {
        layoutKey = key;
        fontPx = readFontPx(svg);
        svg.style.fontSize = `${fontPx}px`;
        layoutLegend(width);
      }
      if (width < 10 || height < 10) return;

      const t = data.t;
      const n = t.length;
      let t0 = 0;
      let t1 = 1;
      if (n >= 1 && Number.isFinite(t[0])) {
        t0 = t[0];
        t1 = n >= 2 && t[n - 1] > t0 ? t[n - 1] : t0 + 1;
      }
      const right = fontPx * 1.2;
      const top = legendRows * fontPx * 1.35 + fontPx * 0.6;
      const bottom = fontPx * 3.4;
      // Bucket count uses the previous frame's left margin (it depends on the y ticks, which depend on the data).
      const buckets = Math.max(1, Math.floor((width - left - right) / 2));
      let lo = Infinity;
      let hi = -Infinity;
      for (const s of series) {
        prepare(t, data.columns[s.key], s, t0, t1, buckets);
        finiteExtent(s.pts.y, s.pts.length, extent);
        lo = Math.min(lo, extent[0]);
        hi = Math.max(hi, extent[1]);
      }
      if (refLine) {
        prepare(t, data.columns[refLine.key], refState, t0, t1, buckets);
        finiteExtent(refPts.y, refPts.length, extent);
        lo = Math.min(lo, extent[0]);
        hi = Math.max(hi, extent[1]);
      }
      if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
      }
      if (yMin0 && !yLog) {
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
      }
      if (lo === hi) hi = lo + (Math.abs(lo) || 1);
      // Rounding noise (e.g. -1e-15 for an empty queue) must not push the nice domain down a whole tick.
      const eps = (hi - lo) * 1e-9;
      if (lo < 0 && lo > -eps) lo = 0;
      if (hi > 0 && hi < eps) hi = 0;

      const innerH = Math.max(1, height - top - bottom);
      const yTicks = tickCount(innerH, fontPx, 2.2);
      const nr = yLog ? decades(lo, hi, yTicks) : niceRange(lo, hi, yTicks);
      y.domain([nr.lo, nr.hi]).range([innerH, 0]);
      const bigY = Math.max(Math.abs(nr.lo), Math.abs(nr.hi)) >= 1e4;
      const siFmt = y.tickFormat(nr.ticks.length - 1, bigY ? '~s' : undefined);
      const fmt =
        formatY ??
        (yLog ? (v: number) => formatNumber(Math.pow(10, v)) : (v: number) => (v === 0 ? '0' : siFmt(v))); // SI formats write 0 as "0k"

      let maxW = 0;
      for (const v of nr.ticks) maxW = Math.max(maxW, estimateTextWidth(fmt(v), fontPx));
      left = Math.ceil(maxW + fontPx * 0.9);
      const innerW = Math.max(1, width - left - right);
      x.domain([t0, t1]).range([0, innerW]);

      plot.setAttribute('transform', `translate(${left},${top})`);
      yAxis
        .tickValues(nr.ticks)
        .tickFormat(fmt)
        .tickSizeInner(-innerW)
        .tickSizeOuter(0)
        .tickPadding(fontPx * 0.4);
      select(yAxisG).call(yAxis);
      xAxis
        .ticks(tickCount(innerW, fontPx, 6))
        .tickSizeInner(fontPx * 0.35)
        .tickSizeOuter(0)
        .tickPadding(fontPx * 0.3);
      xAxisG.setAttribute('transform', `translate(0,${innerH})`);
      select(xAxisG).call(xAxis);
      xTitle.setAttribute('x', String(left + innerW / 2));
      xTitle.setAttribute('y', String(height - fontPx * 0.35));

      const [d0, d1] = y.domain();
      basePx = y(Math.max(d0, Math.min(0, d1)));
      affineOf(x.domain(), x.range(), ax);
      affineOf(y.domain(), y.range(), ay);
      for (const s of series) draw(s.path, s.pts, s.step, s.areaPath);
      if (refPath) draw(refPath, refPts, true, null);
    },
    destroy() {
      root.remove();
      svg.classList.remove('qs-chart-svg');
      svg.style.fontSize = '';
    },
  };
}
