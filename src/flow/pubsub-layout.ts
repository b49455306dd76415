// Layout and drawing helpers of the pub/sub flow view: rows, column geometry, queue scale, boxes and fitted texts.
import type { PubSubSubscriberSummary, PubSubView } from '../engine/pubsub-types.ts';
import { formatNumber } from '../i18n/index.ts';
import { label, roundRect } from './draw-utils.ts';
import type { FlowFrame } from './flow-types.ts';

/** Most publishers or subscribers drawn as rows; more are summarised as "+n more". */
export const MAX_ROWS = 10;
/** A queue scale up to this many messages is drawn as cells, a longer one as a gauge. */
export const MAX_CELLS = 32;
export const FONT =
  'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

export type Sub = PubSubView['subscribers'][number];
export type Ctx = CanvasRenderingContext2D;
/** Fill, outline colour, outline width, dashed. */
export type BoxStyle = [string, string, number, boolean?];
/** Text, colour, font weight. */
export type Txt = [string, string, number];

export const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
export type Layout = ReturnType<typeof layout>;

/** Centres of up to MAX_ROWS equal rows between top and bottom. */
function rows(n: number, top: number, bottom: number): number[] {
  const k = Math.min(Math.max(n, 1), MAX_ROWS);
  return Array.from({ length: k }, (_, i) => top + ((i + 0.5) * (bottom - top)) / k);
}

/** Column positions and sizes for the view's publisher and subscriber counts at this size. */
export function layout(w: number, h: number, fontPx: number, view: PubSubView) {
  const small = fontPx * 0.85;
  const top = h * 0.13;
  const bottom = h * 0.9;
  const pad = Math.max(6, w * 0.012);
  // A phone gets narrower boxes and a fixed strip for the exit rate and busy/idle.
  const narrow = w < 600;
  const pubW = narrow ? w * 0.22 : clamp(w * 0.14, 60, 190);
  const brW = narrow ? w * 0.14 : clamp(w * 0.1, 60, 130);
  const brX = Math.max(w * 0.32, pad + pubW + 22 + brW / 2);
  const subW = narrow ? 36 : clamp(w * 0.07, 40, 96);
  const qx0 = brX + brW / 2 + Math.max(18, w * 0.06);
  const subGap = Math.max(12, w * 0.03);
  // The exit strip is wide enough for a rate such as "12.3/秒" at the small size.
  const qx1 = narrow ? w - pad - Math.max(44, small * 4.9) - subW - subGap : w * 0.74;
  const np = Math.min(Math.max(view.publishers.length, 1), MAX_ROWS);
  const ns = Math.min(Math.max(view.subscribers.length, 1), MAX_ROWS);
  const rowH = (bottom - top) / ns;
  let barH = clamp(rowH * 0.3, 8, 28);
  // Text lines per row: filter and queue above the bar, then HWM, then news; fewer when rows are tight.
  const lines = [4.6, 3.4, 2.1].findIndex((k) => rowH >= barH + small * k);
  const textLines = lines === -1 ? 0 : 3 - lines;
  const compact = textLines === 0;
  if (compact) barH = clamp(rowH * 0.5, 5, 20);
  const span = bottom - top;
  return {
    top,
    bottom,
    small,
    pubX: pad + pubW / 2,
    pubW,
    pubH: Math.min(48, (span / np) * 0.7),
    pubY: rows(np, top, bottom),
    brX,
    brW,
    brTop: top + span * 0.12,
    brBot: bottom - span * 0.12,
    qx0,
    qx1,
    barH,
    /** Vertical offset of the bar's centre from its row's centre (the filter line sits above it). */
    barDy: textLines === 0 ? 0 : small * (textLines === 1 ? 0.6 : textLines === 2 ? 0.1 : -0.5),
    textLines,
    subX: qx1 + subGap + subW / 2,
    /** Right end of the texts above and below a queue bar (past the bar on a phone). */
    textR: narrow ? qx1 + subGap + subW : qx1,
    subW,
    subH: narrow ? barH + 8 : Math.min(48, rowH * (compact ? 0.8 : 0.55)),
    narrow,
    subY: rows(ns, top, bottom),
    rowH,
    exitX: w - pad,
  };
}

/** The queue's drawn scale: its HWM when that is near, else a power of two that grows with it. */
export function scaleOf(sub: Sub): number {
  const grow = Math.max(16, Math.pow(2, Math.ceil(Math.log2(sub.waiting + 1))));
  if (sub.hwm === Infinity) return grow;
  return sub.hwm <= MAX_CELLS ? Math.max(1, sub.hwm) : Math.min(sub.hwm, grow);
}

/** x where the queue's tail is when `n` messages wait (the head is at qx1). */
export function tailX(L: Layout, sub: Sub, n: number): number {
  return L.qx1 - (L.qx1 - L.qx0) * Math.min(1, n / scaleOf(sub));
}

/** A rounded box, filled and outlined (dashed when `dash`). */
export function box(ctx: Ctx, cx: number, cy: number, w: number, h: number, style: BoxStyle): void {
  const [fill, stroke, lineW, dash] = style;
  roundRect(ctx, cx - w / 2, cy - h / 2, w, h, 8);
  ctx.fillStyle = fill;
  ctx.fill();
  [ctx.lineWidth, ctx.strokeStyle] = [lineW, stroke];
  ctx.setLineDash(dash ? [5, 4] : []);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Text shortened with an ellipsis to fit `maxW` pixels at the font set on ctx. */
export function fit(ctx: Ctx, text: string, px: number, maxW: number, weight = 400): string {
  ctx.font = `${weight} ${px}px ${FONT}`;
  if (ctx.measureText(text).width <= maxW) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > maxW) s = s.slice(0, -1);
  return `${s}…`;
}

/**
 * Text fitted to `maxW`: first shrunk (down to `minPx`), then shortened in the middle so that both
 * ends stay (weather.bj and weather.sh stay told apart: "wea…r.bj", not "weathe…"). Returns the size used.
 */
export function fitMiddle(
  ctx: Ctx,
  text: string,
  px: number,
  maxW: number,
  weight = 400,
  minPx = px,
): [string, number] {
  ctx.font = `${weight} ${px}px ${FONT}`;
  const tw = ctx.measureText(text).width;
  if (tw <= maxW) return [text, px];
  const size = Math.max(minPx, (px * maxW) / tw);
  ctx.font = `${weight} ${size}px ${FONT}`;
  if (ctx.measureText(text).width <= maxW) return [text, size];
  const chars = [...text];
  for (let keep = chars.length - 1; keep > 1; keep--) {
    const head = Math.ceil(keep / 2);
    const s = `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
    if (ctx.measureText(s).width <= maxW) return [s, size];
  }
  return [`${chars[0]}…`, size];
}

/** A label on a rounded backing of colour `back` (legible over passing dots). */
export function backedLabel(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  px: number,
  colors: [string, string],
  align: CanvasTextAlign = 'left',
): void {
  ctx.font = `400 ${px}px ${FONT}`;
  const bw = ctx.measureText(text).width + 4;
  const x0 = align === 'center' ? x - bw / 2 : align === 'right' ? x - bw + 2 : x - 2;
  roundRect(ctx, x0, y - px * 0.6, bw, px * 1.2, 3);
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = colors[1];
  ctx.fill();
  ctx.globalAlpha = 1;
  label(ctx, text, x, y, px, colors[0], align);
}

/** A subscriber row's words: its filter (short form on a phone), queue length, HWM or "durable", and news. */
export function rowTexts(f: FlowFrame, sub: Sub, sum: PubSubSubscriberSummary | undefined, short: boolean) {
  const { t, lang } = f;
  const all = sub.filter === '';
  let filter = short ? `“${sub.filter}”` : t('flowFilter', { f: sub.filter });
  if (all) filter = t(short ? 'flowAllShort' : 'flowFilterAll');
  const news: string[] = [];
  if (!sub.connected) news.push(t('flowNotJoined', { t: formatNumber(lang, sub.joinSec, 1) }));
  if (sum && sum.missed > 0) news.push(t('flowMissedN', { n: formatNumber(lang, sum.missed, 0) }));
  if (sum && sum.dropped.hwm > 0) news.push(t('flowDroppedN', { n: formatNumber(lang, sum.dropped.hwm, 0) }));
  return {
    filter,
    queued: t('flowQueued', { n: formatNumber(lang, sub.waiting, 0) }),
    limit: sub.hwm === Infinity ? t('flowDurable') : t('flowHwm', { n: formatNumber(lang, sub.hwm, 0) }),
    note: news.join(' · '),
  };
}

/** Two texts on one line between x0 and x1: one left-aligned, one right-aligned, shortened to fit. */
export function textPair(
  ctx: Ctx,
  px: number,
  x0: number,
  x1: number,
  y: number,
  left: Txt,
  right: Txt,
): void {
  const room = x1 - x0;
  const gap = 8;
  const width = (t: Txt, size: number) => {
    ctx.font = `${t[2]} ${size}px ${FONT}`;
    return t[0] ? ctx.measureText(t[0]).width : 0;
  };
  // Both shrunk together first (to 80 %); then the right text keeps up to 55 % of the room, shortened at
  // its end, and the left one (a filter: its end tells topics apart) is shortened in the middle.
  const g = right[0] ? gap : 0;
  const need = width(left, px) + width(right, px);
  const size = need + g > room ? Math.max(px * 0.8, (px * (room - g - 1)) / need) : px;
  let rW = 0;
  if (right[0]) {
    const r = fit(ctx, right[0], size, Math.max(room * 0.55, room - width(left, size) - gap), right[2]);
    label(ctx, r, x1, y, size, right[1], 'right', right[2]);
    rW = ctx.measureText(r).width + gap;
  }
  const [l, lpx] = fitMiddle(ctx, left[0], size, room - rW, left[2]);
  label(ctx, l, x0, y, lpx, left[1], 'left', left[2]);
}
