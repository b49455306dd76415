// Layout helpers shared by the charts: font size from CSS, text width, legend flow, nice ranges, number format.
import { tickIncrement } from 'd3-array';

/** Smallest font size any chart text may use, in CSS px (projector and laptop legibility). */
export const MIN_FONT_PX = 12;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with a class, appended to `parent`. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  tag: K,
  className: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  el.setAttribute('class', className);
  parent.appendChild(el);
  return el;
}

/** Base font size for chart text: the CSS `font-size` of the svg's parent, at least `MIN_FONT_PX`. */
export function readFontPx(svg: SVGSVGElement): number {
  const host = svg.parentElement ?? svg;
  const px = parseFloat(getComputedStyle(host).fontSize);
  return Math.max(MIN_FONT_PX, Number.isFinite(px) ? px : 14);
}

/** Rough width of `text` at `fontPx` for layout that must not touch the DOM (digits are about 0.56 em). */
export function estimateTextWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6; // CJK glyphs are a full em wide
  return em * fontPx;
}

/** Rendered width of a text element, falling back to an estimate when it is not laid out (e.g. hidden). */
export function measureText(el: SVGTextElement, fontPx: number): number {
  let w = 0;
  try {
    w = el.getComputedTextLength();
  } catch {
    w = 0;
  }
  return w > 0 ? w : estimateTextWidth(el.textContent ?? '', fontPx);
}

/** Position of one item in a flowed legend. */
export interface FlowPos {
  x: number;
  row: number;
}

/** Left-to-right flow of items of the given widths into rows `maxWidth` wide, `gap` px apart. */
export function flowRows(
  widths: readonly number[],
  maxWidth: number,
  gap: number,
): { pos: FlowPos[]; rows: number } {
  const pos: FlowPos[] = [];
  let x = 0;
  let row = 0;
  for (const w of widths) {
    if (x > 0 && x + w > maxWidth) {
      row++;
      x = 0;
    }
    pos.push({ x, row });
    x += w + gap;
  }
  return { pos, rows: widths.length > 0 ? row + 1 : 0 };
}

/** Tick count that leaves about `spacingEm` ems between ticks along `lengthPx`, at least 2. */
export function tickCount(lengthPx: number, fontPx: number, spacingEm: number): number {
  return Math.max(2, Math.floor(lengthPx / (fontPx * spacingEm)));
}

/** Compact label for a value: SI suffixes from 10,000 up, at most three significant digits below. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  const a = Math.abs(v);
  if (a >= 1e9) return `${trim(v / 1e9)}G`;
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}k`;
  if (a >= 100) return String(Math.round(v));
  return trim(v);
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)));
}

/** A nice axis range: `[lo, hi]` padded outwards to multiples of `step`, with its tick values. */
export interface NiceRange {
  lo: number;
  hi: number;
  ticks: number[];
}

/**
 * Smallest nice range (step 1, 2 or 5 × 10^k) covering [lo, hi] with at most `maxTicks` ticks. Unlike d3's
 * iterated `scale.nice()`, which can grow [0, 150] to [0, 200], every tick count up to `maxTicks` is tried once
 * and the tightest range wins (more ticks on a tie).
 */
export function niceRange(lo: number, hi: number, maxTicks: number): NiceRange {
  if (!(hi > lo)) hi = lo + (Math.abs(lo) || 1);
  let best: NiceRange | null = null;
  const limit = Math.max(2, Math.floor(maxTicks));
  for (let c = 1; c <= limit; c++) {
    const inc = tickIncrement(lo, hi, c);
    if (!(inc !== 0 && Number.isFinite(inc))) continue;
    // Range and ticks in integer units of the step, so the ends are ticks and no float noise creeps in.
    const i0 = inc > 0 ? Math.floor(lo / inc) : Math.floor(lo * -inc);
    const i1 = inc > 0 ? Math.ceil(hi / inc) : Math.ceil(hi * -inc);
    if (i1 - i0 + 1 > limit + 1 || i1 <= i0) continue;
    const tv: number[] = [];
    for (let i = i0; i <= i1; i++) tv.push(inc > 0 ? i * inc : i / -inc);
    const a = tv[0];
    const b = tv[tv.length - 1];
    if (
      !best ||
      b - a < best.hi - best.lo ||
      (b - a === best.hi - best.lo && tv.length > best.ticks.length)
    ) {
      best = { lo: a, hi: b, ticks: tv };
    }
  }
  return best ?? { lo, hi, ticks: [lo, hi] };
}

/** Sizes the svg to whole pixels and returns that size. */
export function sizeSvg(
  svg: SVGSVGElement,
  size: { width: number; height: number },
): { width: number; height: number } {
  const width = Math.max(0, Math.floor(size.width));
  const height = Math.max(0, Math.floor(size.height));
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  return { width, height };
}

/** Applies the label overrides every chart shares (a language switch without recreating the chart). */
export function applyCommonLabels(
  svg: SVGSVGElement,
  labels: { ariaLabel?: string; xLabel?: string; yLabel?: string },
  xTitle: SVGTextElement,
  yTitle: SVGTextElement,
): void {
  if (labels.ariaLabel !== undefined) svg.setAttribute('aria-label', labels.ariaLabel);
  if (labels.xLabel !== undefined) xTitle.textContent = labels.xLabel;
  if (labels.yLabel !== undefined) yTitle.textContent = labels.yLabel;
}
