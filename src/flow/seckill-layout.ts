// Layout and drawing helpers of the flash-sale flow view: column boxes, server grid, windowed rates, fitted labels, bars.
import { formatNumber } from '../i18n/index.ts';
import type { Lang } from '../scenarios/schema.ts';
import { label, roundRect } from './draw-utils.ts';
import type { FlowTheme } from './flow-types.ts';

/** Servers drawn as boxes; more are summarised as one gauge. */
export const MAX_BOXES = 10;
/**
 * Dots spawned per trace kind per second of wall time: above this, every k-th record gets a dot.
 * Kept low (DESIGN: fewer, larger, legible objects beat thousands of specks); falling kinds get fewer
 * still. A kind saves up to SPAWN_BURST dots while quiet, so a rare event always shows.
 */
export const SPAWN_PER_SEC = 30;
export const SPAWN_FALLING_PER_SEC = 10;
export const SPAWN_BURST = 3;
export const MOVE_MS = 520;
export const FALL_MS = 950;
/** Simulated seconds the edge rates are measured over (a one-second spike needs a short window). */
export const RATE_WINDOW_SEC = 0.1;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  narrow: boolean;
  titleY: number;
  title2Y: number;
  midY: number;
  crowd: Box;
  gate: Box;
  queue: Box;
  servers: Box;
  stock: Box;
  steps: Box[];
  floorY: number;
  countsY: number;
  exitX: number;
}

export function layout(w: number, h: number): Layout {
  if (w >= 640) {
    const top = h * 0.15;
    const bottom = h * 0.8;
    const midY = (top + bottom) / 2;
    const qh = Math.min(h * 0.16, 56);
    const stepH = (bottom - top) / 3;
    return {
      narrow: false,
      titleY: h * 0.06,
      title2Y: h * 0.06,
      midY,
      crowd: { x: w * 0.01, y: top, w: w * 0.13, h: bottom - top },
      gate: { x: w * 0.165, y: top, w: w * 0.03, h: bottom - top },
      queue: { x: w * 0.22, y: midY - qh / 2, w: w * 0.22, h: qh },
      servers: { x: w * 0.475, y: top, w: w * 0.16, h: bottom - top },
      stock: { x: w * 0.665, y: top, w: w * 0.095, h: bottom - top },
      steps: [0, 1, 2].map((i) => ({
        x: w * 0.8,
        y: top + i * stepH + stepH * 0.42,
        w: w * 0.185,
        h: stepH * 0.26,
      })),
      floorY: h * 0.86,
      countsY: h * 0.9,
      exitX: w * 0.995,
    };
  }
  const top = h * 0.1;
  const bottom = h * 0.44;
  const midY = (top + bottom) / 2;
  const qh = Math.min(h * 0.12, 40);
  const top2 = h * 0.63;
  const bottom2 = h * 0.93;
  const stepH = (bottom2 - top2) / 3;
  return {
    narrow: true,
    titleY: h * 0.045,
    title2Y: h * 0.585,
    midY,
    crowd: { x: w * 0.01, y: top, w: w * 0.2, h: bottom - top },
    gate: { x: w * 0.235, y: top, w: w * 0.035, h: bottom - top },
    queue: { x: w * 0.295, y: midY - qh / 2, w: w * 0.3, h: qh },
    servers: { x: w * 0.63, y: top, w: w * 0.36, h: bottom - top },
    stock: { x: w * 0.01, y: top2, w: w * 0.28, h: bottom2 - top2 },
    steps: [0, 1, 2].map((i) => ({
      x: w * 0.36,
      y: top2 + i * stepH + stepH * 0.42,
      w: w * 0.62,
      h: stepH * 0.34,
    })),
    floorY: h * 0.5,
    countsY: h * 0.515,
    exitX: w * 0.995,
  };
}

/** The frame's base font size, as the flow view host computes it (ingest has only the frame's size). */
export const fontPxOf = (w: number, h: number) => Math.max(12, Math.min(22, Math.min(w / 48, h / 18)));

/**
 * Height kept free at the bottom of the servers column for the texts under the boxes: busy count and
 * caption (async), or busy count, the three in-request step chips and their caption (sync).
 */
export function serverReserve(L: Layout, sync: boolean, fontPx: number): number {
  const small = fontPx * 0.82;
  return Math.min(L.servers.h * 0.6, sync ? Math.max(L.servers.h * 0.34, small * 5) : small * 3.1);
}

/** Server box positions (at most MAX_BOXES), in a near-square grid filling the region above `reserve`. */
export function serverCells(b: Box, n: number, reserve: number): Box[] {
  const k = Math.min(n, MAX_BOXES);
  const h = b.h - reserve;
  let cols = Math.max(1, Math.min(k, Math.round(Math.sqrt((k * b.w) / Math.max(1, h)))));
  const rows = Math.ceil(k / Math.max(1, cols));
  cols = Math.ceil(k / rows); // balanced: four boxes make 2 × 2, not 3 + 1
  const cw = b.w / cols;
  const ch = h / rows;
  const out: Box[] = [];
  for (let i = 0; i < k; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    out.push({ x: b.x + c * cw + cw * 0.08, y: b.y + r * ch + ch * 0.1, w: cw * 0.84, h: ch * 0.8 });
  }
  return out;
}

/** Rates of cumulative counters over the last RATE_WINDOW_SEC of simulated time. */
export class WindowRate {
  private hist: { t: number; v: number[] }[] = [];
  update(t: number, v: number[]): void {
    const last = this.hist[this.hist.length - 1];
    if (last && t < last.t) this.hist = [];
    if (last && t === last.t) return;
    this.hist.push({ t, v });
    while (this.hist.length > 2 && t - this.hist[1].t >= RATE_WINDOW_SEC) this.hist.shift();
  }
  get(i: number): number {
    const n = this.hist.length;
    if (n < 2) return 0;
    const a = this.hist[0];
    const b = this.hist[n - 1];
    return (b.v[i] - a.v[i]) / (b.t - a.t);
  }
}

/** A label shrunk to fit `maxW`, on a rounded backing of colour `back` when given (legible over dots). */
export function fitLabel(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  px: number,
  maxW: number,
  color: string,
  align: CanvasTextAlign = 'center',
  weight = 400,
  back?: string,
): void {
  ctx.font = `${weight} ${px}px system-ui, sans-serif`;
  const tw = ctx.measureText(text).width;
  const size = tw > maxW ? Math.max(8, (px * maxW) / tw) : px;
  if (back) {
    const bw = (tw * size) / px + 6;
    const x0 = align === 'center' ? x - bw / 2 : align === 'right' || align === 'end' ? x - bw + 3 : x - 3;
    roundRect(ctx, x0, y - size * 0.65, bw, size * 1.3, 4);
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = back;
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  label(ctx, text, x, y, size, color, align, weight);
}

export function bar(
  ctx: CanvasRenderingContext2D,
  b: Box,
  share: number,
  fill: string,
  theme: FlowTheme,
  edge: string,
): void {
  roundRect(ctx, b.x, b.y, b.w, b.h, 6);
  ctx.fillStyle = theme.panel;
  ctx.fill();
  const f = Math.max(0, Math.min(1, share));
  if (f > 0) {
    roundRect(ctx, b.x + 2, b.y + 2, Math.max(3, (b.w - 4) * f), b.h - 4, 4);
    ctx.fillStyle = fill;
    ctx.fill();
  }
  roundRect(ctx, b.x, b.y, b.w, b.h, 6);
  ctx.strokeStyle = edge;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

export const num = (lang: Lang, v: number) => formatNumber(lang, v, 0);
/** A compact rate such as 12.3k/s. */
export function compactRate(lang: Lang, v: number): string {
  if (v >= 10000) return `${formatNumber(lang, v / 1000, v >= 100000 ? 0 : 1)}k`;
  return formatNumber(lang, v, v >= 100 ? 0 : 1);
}
