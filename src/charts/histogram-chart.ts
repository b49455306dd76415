// Histogram chart: nice equal-width bins as bars, axes with units, and labelled percentile marker lines.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { binValues, targetBinCount, type Bins } from './bins';
import {
  applyCommonLabels,
  estimateTextWidth,
  formatNumber,
  niceRange,
  readFontPx,
  sizeSvg,
  svgEl,
  tickCount,
} from './layout';
import type { ChartInstance, ChartSize, HistogramData } from './types';

export interface HistogramChartOptions {
  /** X axis title with its unit, e.g. "Latency (s)". */
  xLabel: string;
  /** Y axis title, e.g. "Requests". */
  yLabel: string;
  /** Bar colour: any CSS colour, e.g. `'var(--c2)'`. */
  color: string;
  ariaLabel: string;
  /** Marker lines, in legend order; positions come with the data (`HistogramData.markers[key]`). */
  markers?: { key: string; label: string }[];
  /** Format of marker values and x ticks; default compact numbers. */
  formatX?: (v: number) => string;
  /** Start the x range at 0 (natural for latencies). */
  xMin0?: boolean;
}

/** Label overrides for a language switch; `markers` by key. */
export interface HistogramChartLabels {
  xLabel?: string;
  yLabel?: string;
  ariaLabel?: string;
  markers?: Record<string, string>;
}

interface Marker {
  key: string;
  label: string;
  g: SVGGElement;
  line: SVGLineElement;
  text: SVGTextElement;
}

export function createHistogramChart(
  svg: SVGSVGElement,
  options: HistogramChartOptions,
): ChartInstance<HistogramData, HistogramChartLabels> {
  const formatX = options.formatX ?? formatNumber;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.ariaLabel);
  svg.classList.add('qs-chart-svg');

  const root = svgEl(svg, 'g', 'qs-histogram-chart');
  const yTitle = svgEl(root, 'text', 'qs-axis-title');
  yTitle.textContent = options.yLabel;
  const xTitle = svgEl(root, 'text', 'qs-axis-title qs-x-title');
  xTitle.textContent = options.xLabel;
  xTitle.setAttribute('text-anchor', 'middle');
  const plot = svgEl(root, 'g', 'qs-plot');
  const yAxisG = svgEl(plot, 'g', 'qs-axis qs-axis-y');
  const barsG = svgEl(plot, 'g', 'qs-bars');
  barsG.style.fill = options.color;
  const xAxisG = svgEl(plot, 'g', 'qs-axis qs-axis-x');
  const markersG = svgEl(plot, 'g', 'qs-markers');
  const markers: Marker[] = (options.markers ?? []).map((m) => {
    const g = svgEl(markersG, 'g', 'qs-marker');
    const line = svgEl(g, 'line', 'qs-marker-line');
    const text = svgEl(g, 'text', 'qs-marker-label');
    return { key: m.key, label: m.label, g, line, text };
  });
  const rects: SVGRectElement[] = [];

  const x = scaleLinear();
  const y = scaleLinear();
  const xAxis = axisBottom<number>(x);
  const yAxis = axisLeft<number>(y);
  let bins: Bins | null = null;
  let fontPx = 14;
  let layoutKey = '';
  let left = 40;
  // Reused per update for marker label placement.
  const order: number[] = [];
  const rowEnds: number[] = [];

  return {
    update(data: HistogramData, size: ChartSize, labels?: HistogramChartLabels) {
      const { width, height } = sizeSvg(svg, size);
      if (labels) {
        applyCommonLabels(svg, labels, xTitle, yTitle);
        for (const m of markers) m.label = labels.markers?.[m.key] ?? m.label;
      }
      const key = `${width}x${height}`;
      if (key !== layoutKey) {
        layoutKey = key;
        fontPx = readFontPx(svg);
        svg.style.fontSize = `${fontPx}px`;
      }
      if (width < 10 || height < 10) return;

      const top = fontPx * 1.9;
      const right = fontPx * 1.2;
      const bottom = fontPx * 3.4;
      const innerH = Math.max(1, height - top - bottom);
      const guessW = Math.max(1, width - left - right);
      bins = binValues(data.values, targetBinCount(guessW, fontPx), options.xMin0 ?? false, bins?.counts);
      const n = bins.counts.length;

      // Headroom above the tallest bar for up to two rows of marker labels.
      const rowH = fontPx * 1.25;
      const yTicks = tickCount(innerH, fontPx, 2.2);
      const headroom = markers.length > 0 ? Math.min(0.5, (2 * rowH) / innerH) : 0;
      const nr = niceRange(0, Math.max(1, bins.maxCount / (1 - headroom)), yTicks);
      y.domain([nr.lo, nr.hi]).range([innerH, 0]);
      const yFmt = y.tickFormat(nr.ticks.length - 1, bins.maxCount >= 1e4 ? '~s' : 'd');
      const yValues = nr.ticks.filter(Number.isInteger);
      let maxW = 0;
      for (const v of yValues) maxW = Math.max(maxW, estimateTextWidth(yFmt(v), fontPx));
      left = Math.ceil(maxW + fontPx * 0.9);
      const innerW = Math.max(1, width - left - right);
      x.domain([bins.lo, bins.hi]).range([0, innerW]);

      plot.setAttribute('transform', `translate(${left},${top})`);
      yTitle.setAttribute('x', '2');
      yTitle.setAttribute('y', String(fontPx));
      xTitle.setAttribute('x', String(left + innerW / 2));
      xTitle.setAttribute('y', String(height - fontPx * 0.35));
      yAxis
        .tickValues(yValues)
        .tickFormat(yFmt)
        .tickSizeInner(-innerW)
        .tickSizeOuter(0)
        .tickPadding(fontPx * 0.4);
      select(yAxisG).call(yAxis);
      xAxis
        .ticks(tickCount(innerW, fontPx, 5))
        .tickFormat(options.formatX ?? x.tickFormat(tickCount(innerW, fontPx, 5)))
        .tickSizeInner(fontPx * 0.35)
        .tickSizeOuter(0)
        .tickPadding(fontPx * 0.3);
      xAxisG.setAttribute('transform', `translate(0,${innerH})`);
      select(xAxisG).call(xAxis);

      // Bars: reuse rect nodes, add or remove only when the bin count changes.
      while (rects.length < n) rects.push(svgEl(barsG, 'rect', 'qs-bar'));
      while (rects.length > n) rects.pop()?.remove();
      const bw = innerW / Math.max(1, n);
      const gap = bw > 4 ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const r = rects[i];
        const yTop = y(bins.counts[i]);
        r.setAttribute('x', (i * bw + gap / 2).toFixed(1));
        r.setAttribute('width', Math.max(0.5, bw - gap).toFixed(1));
        r.setAttribute('y', yTop.toFixed(1));
        r.setAttribute('height', Math.max(0, innerH - yTop).toFixed(1));
      }

      // Markers: sorted by position; each label goes into the first row where it does not overlap.
      order.length = 0;
      const pos = data.markers ?? {};
      markers.forEach((m, i) => {
        const v = pos[m.key];
        const show = v !== undefined && Number.isFinite(v) && bins !== null && bins.total > 0;
        m.g.style.display = show ? '' : 'none';
        if (show) order.push(i);
      });
      order.sort((a, b) => pos[markers[a].key] - pos[markers[b].key]);
      rowEnds.length = 0;
      const pad = fontPx * 0.3;
      for (const i of order) {
        const m = markers[i];
        const v = pos[m.key];
        const mx = Math.max(0, Math.min(innerW, x(v)));
        const text = `${m.label} ${formatX(v)}`;
        if (m.text.textContent !== text) m.text.textContent = text;
        const w = estimateTextWidth(text, fontPx);
        // Label to the right of its line, or to the left when it would run past the plot.
        const flip = mx + pad + w > innerW + right;
        const x0 = flip ? mx - pad - w : mx + pad;
        let row = rowEnds.findIndex((end) => x0 >= end + pad);
        if (row < 0) {
          row = rowEnds.length;
          rowEnds.push(0);
        }
        rowEnds[row] = x0 + w;
        m.line.setAttribute('x1', mx.toFixed(1));
        m.line.setAttribute('x2', mx.toFixed(1));
        m.line.setAttribute('y1', String(row * rowH));
        m.line.setAttribute('y2', String(innerH));
        m.text.setAttribute('x', (flip ? mx - pad : mx + pad).toFixed(1));
        m.text.setAttribute('y', String(row * rowH + fontPx * 0.85));
        m.text.setAttribute('text-anchor', flip ? 'end' : 'start');
      }
    },
    destroy() {
      root.remove();
      svg.classList.remove('qs-chart-svg');
      svg.style.fontSize = '';
    },
  };
}
