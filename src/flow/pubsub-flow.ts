// Flow view of the pub/sub scenario: publishers → broker → one queue (with its HWM) per subscriber, dots that split into copies.
import { PubSubTrace, type PubSubSummary, type PubSubView } from '../engine/pubsub-types.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { arrow, label, RateMeter, roundRect } from './draw-utils.ts';
import { DotMotion, DotPool, DotStyle } from './dots.ts';
import type { FlowFrame, FlowRenderer } from './flow-types.ts';
import {
  backedLabel,
  box,
  clamp,
  fit,
  fitMiddle,
  FONT,
  layout,
  MAX_CELLS,
  MAX_ROWS,
  rowTexts,
  scaleOf,
  tailX,
  textPair,
  type Layout,
  type Sub,
} from './pubsub-layout.ts';

/** Animation times of a travelling dot, a falling (dropped) dot and a row's flash, in ms. */
const MOVE_MS = 420;
const FALL_MS = 900;
const FLASH_MS = 700;

export class PubsubFlow implements FlowRenderer {
  private view: PubSubView | null = null;
  private summary: PubSubSummary | null = null;
  private dots = new DotPool();
  private rates = new RateMeter();
  private sampled = false;
  private dropFlash: number[] = [];
  private missFlash: number[] = [];
  private joinFlash: number[] = [];
  /** Wall time at which the latest dot reaches each subscriber's box (a done dot leaves after it). */
  private arriveAt: number[] = [];

  ingest(
    snap: Snapshot,
    nowMs: number,
    frame: { width: number; height: number; reducedMotion: boolean },
  ): void {
    const view = snap.view as unknown as PubSubView;
    const sum = snap.summary as unknown as PubSubSummary;
    this.view = view;
    this.summary = sum;
    const counters: Record<string, number> = { published: sum.publishedTotal };
    view.publishers.forEach((p, i) => (counters[`p${i}`] = p.published));
    sum.subscribers.forEach((s, i) => (counters[`c${i}`] = s.consumed));
    this.rates.update(snap.timeSec, counters);

    const tr = snap.trace;
    this.sampled = tr.lost > 0 || this.dots.skipped > 0;
    this.dots.skipped = 0;
    const fontPx = Math.max(12, Math.min(22, Math.min(frame.width / 48, frame.height / 18)));
    const L = layout(frame.width, frame.height, fontPx, view);
    const shown = (s: number) => s < L.subY.length && s < view.subscribers.length;
    const brY = (y: number) => clamp(y, L.brTop + 6, L.brBot - 6);
    const brR = L.brX + L.brW / 2;
    const t1 = nowMs + MOVE_MS; // copies leave the broker once the published dot has reached it
    let immediate = -1; // subscriber that starts at once on the message just delivered to it
    for (let i = 0; i < tr.kind.length; i++) {
      const k = tr.kind[i];
      const s = tr.comp[i];
      if (k === PubSubTrace.dropHwm) this.dropFlash[s] = nowMs + MOVE_MS + FLASH_MS;
      if (k === PubSubTrace.missed) this.missFlash[s] = nowMs + MOVE_MS + FLASH_MS;
      if (k === PubSubTrace.connect) this.joinFlash[s] = nowMs + FLASH_MS * 2;
      if (frame.reducedMotion) continue;
      const y = L.subY[s] ?? 0;
      const by = y + L.barDy;
      const sub = view.subscribers[s];
      switch (k) {
        case PubSubTrace.publish:
          if (s < L.pubY.length) {
            const [x0, x1, y0] = [L.pubX + L.pubW / 2, L.brX - L.brW / 2, L.pubY[s]];
            this.dots.add(x0, y0, x1, brY(y0), nowMs, MOVE_MS, DotStyle.normal);
          }
          break;
        case PubSubTrace.deliver:
          if (!shown(s)) break;
          if (tr.extra[i] === 0) {
            this.dots.add(brR, brY(y), L.subX - L.subW / 2, by, t1, MOVE_MS * 1.4, DotStyle.normal);
            this.arriveAt[s] = t1 + MOVE_MS * 1.4;
            immediate = s;
          } else {
            const x = tailX(L, sub, tr.extra[i]);
            this.dots.add(brR, brY(y), x, by, t1, MOVE_MS, DotStyle.normal);
          }
          break;
        case PubSubTrace.start:
          if (shown(s) && immediate !== s) {
            const hx = L.qx1 - 4;
            this.dots.add(hx, by, L.subX - L.subW / 2, by, nowMs, MOVE_MS * 0.7, DotStyle.normal);
            this.arriveAt[s] = nowMs + MOVE_MS * 0.7;
          }
          immediate = -1;
          break;
        case PubSubTrace.done:
          if (shown(s) && L.textLines > 0) {
            const at = Math.max(nowMs, this.arriveAt[s] ?? 0);
            const x0 = L.subX + L.subW / 2;
            this.dots.add(x0, by, L.exitX, by, at, MOVE_MS * 1.2, DotStyle.good, DotMotion.fadeOut);
          }
          break;
        case PubSubTrace.dropHwm:
          if (shown(s)) {
            const x = tailX(L, sub, sub.waiting) - 6;
            this.dots.add(brR, brY(y), x, by, t1, MOVE_MS, DotStyle.normal);
            const fallTo = Math.min(frame.height - 4, by + Math.max(30, L.rowH * 0.6));
            this.dots.add(x, by, x - 8, fallTo, t1 + MOVE_MS, FALL_MS, DotStyle.bad, DotMotion.fall);
          }
          break;
        case PubSubTrace.missed:
          if (shown(s)) {
            const x1 = brR + (L.qx0 - brR) * 0.6;
            this.dots.add(brR, brY(y), x1, by, t1, MOVE_MS * 1.5, DotStyle.bad, DotMotion.fadeOut);
          }
          break;
      }
    }
  }

  draw(f: FlowFrame): boolean {
    const { ctx, width: w, height: h, theme, t, lang, fontPx, nowMs } = f;
    const view = this.view;
    if (!view || w < 160 || h < 100) return false; // not laid out yet
    const L = layout(w, h, fontPx, view);
    const small = L.small;
    const rate = (k: string) => `${formatNumber(lang, this.rates.get(k), 1)}${t('perSec')}`;
    const brY = (y: number) => clamp(y, L.brTop + 6, L.brBot - 6);
    let animating = false;
    // Dots first: boxes and labels are drawn over them, so a passing dot never hides a word.
    const dotsMoving = this.dots.draw(ctx, nowMs, clamp(L.barH / 4, 3, 7), [
      theme.accent,
      theme.good,
      theme.bad,
    ]);

    // Column titles.
    const titleY = h * 0.055;
    label(ctx, t('flowPublishers'), L.pubX, titleY, fontPx, theme.muted, 'center', 600);
    label(ctx, t('flowBroker'), L.brX, titleY, fontPx, theme.muted, 'center', 600);
    label(ctx, t('flowSubscribers'), (L.qx0 + L.exitX) / 2, titleY, fontPx, theme.muted, 'center', 600);

    // Publishers, each labelled with its topic, and their edges into the broker with measured rates.
    const pubs = view.publishers;
    const fewPubs = L.pubY.length <= 4 && !L.narrow;
    pubs.slice(0, MAX_ROWS).forEach((p, i) => {
      const y = L.pubY[i];
      arrow(ctx, L.pubX + L.pubW / 2 + 3, y, L.brX - L.brW / 2 - 4, brY(y), theme.grid, 1.5);
      box(ctx, L.pubX, y, L.pubW, L.pubH, [theme.panel, theme.accent, 1.5]);
      ctx.font = `600 ${fontPx}px ${FONT}`;
      const big = L.pubH > fontPx * 1.4 && ctx.measureText(p.topic).width <= L.pubW - 8;
      // Shrunk, then shortened in the middle: topics often differ only at the end (weather.bj, weather.sh).
      const [topic, px] = fitMiddle(ctx, p.topic, big ? fontPx : small, L.pubW - 8, 600, small * 0.8);
      label(ctx, topic, L.pubX, y, px, theme.fg, 'center', 600);
      if (fewPubs && L.pubH + small * 2 < (L.bottom - L.top) / L.pubY.length)
        label(ctx, rate(`p${i}`), L.pubX + L.pubW / 2 + 4, y - small * 0.9, small, theme.fg, 'left');
    });
    if (pubs.length > MAX_ROWS)
      label(ctx, t('flowPubsubMore', { n: pubs.length - MAX_ROWS }), L.pubX, h * 0.95, small, theme.muted);
    if (!fewPubs) label(ctx, rate('published'), L.brX, L.brTop - small * 0.9, small, theme.fg, 'center', 600);

    // The broker.
    const brMid = (L.brTop + L.brBot) / 2;
    box(ctx, L.brX, brMid, L.brW, L.brBot - L.brTop, [theme.panel, theme.fg, 2.5]);
    ctx.font = `600 ${fontPx}px ${FONT}`;
    const brPx = ctx.measureText(t('flowBroker')).width <= L.brW - 8 ? fontPx : small;
    label(ctx, fit(ctx, t('flowBroker'), brPx, L.brW - 6, 600), L.brX, brMid, brPx, theme.fg, 'center', 600);
    if (this.summary && this.summary.publishedTotal > 0) {
      const text = t('flowFanout', { n: formatNumber(lang, this.summary.fanout, 1) });
      label(ctx, text, L.brX, L.brBot + small * 1.1, small, theme.muted);
    }

    // Subscribers: edge from the broker, filter, queue bar with its HWM, box, exit with the measured rate.
    view.subscribers.slice(0, MAX_ROWS).forEach((sub, i) => this.drawSubscriber(f, L, sub, i));
    const moreSubs = view.subscribers.length - MAX_ROWS;
    if (moreSubs > 0) label(ctx, t('flowPubsubMore', { n: moreSubs }), L.subX, h * 0.95, small, theme.muted);
    for (let i = 0; i < view.subscribers.length; i++)
      if (nowMs < Math.max(this.dropFlash[i] ?? 0, this.missFlash[i] ?? 0, this.joinFlash[i] ?? 0))
        animating = true;

    if (this.sampled) label(ctx, t('flowSampled'), w / 2, h * 0.965, small, theme.muted);
    return dotsMoving || animating;
  }

  private drawSubscriber(f: FlowFrame, L: Layout, sub: Sub, i: number): void {
    const [brR, brY] = [L.brX + L.brW / 2, (v: number) => clamp(v, L.brTop + 6, L.brBot - 6)];
    const { ctx, theme, t, lang, fontPx, nowMs } = f;
    const small = L.small;
    const y = L.subY[i];
    const by = y + L.barDy;
    const durable = sub.hwm === Infinity;
    // A subscriber that has not joined is drawn faded and dashed; in durable mode its queue is still kept.
    const off = !sub.connected;
    const full = !durable && sub.waiting >= sub.hwm;
    const dropping = nowMs < (this.dropFlash[i] ?? 0);

    ctx.setLineDash(off ? [6, 5] : []);
    const missing = nowMs < (this.missFlash[i] ?? 0);
    arrow(ctx, brR + 4, brY(y), L.qx0 - 6, by, missing ? theme.bad : theme.grid, missing ? 2.5 : 1.5);
    ctx.setLineDash([]);

    // Queue bar (head on the right, next to the subscriber) against its scale; the HWM line on the left.
    ctx.globalAlpha = off && !durable ? 0.45 : 1;
    const S = scaleOf(sub);
    const bw = L.qx1 - L.qx0;
    const top = by - L.barH / 2;
    roundRect(ctx, L.qx0 - 3, top - 3, bw + 6, L.barH + 6, 6);
    ctx.strokeStyle = full || dropping ? theme.bad : theme.muted;
    ctx.lineWidth = full || dropping ? 2.5 : 1.2;
    ctx.setLineDash(off ? [6, 5] : []);
    ctx.stroke();
    ctx.setLineDash([]);
    const cellW = bw / S;
    const fillColor = full ? theme.bad : theme.accent;
    if (S <= MAX_CELLS && cellW >= 5) {
      for (let c = 0; c < S; c++) {
        const x = L.qx1 - (c + 1) * cellW;
        roundRect(ctx, x + 1.5, top + 1.5, cellW - 3, L.barH - 3, 3);
        [ctx.fillStyle, ctx.strokeStyle, ctx.lineWidth] = [fillColor, theme.grid, 1];
        if (c < sub.waiting) ctx.fill();
        else ctx.stroke();
      }
    } else {
      const fw = bw * Math.min(1, sub.waiting / S);
      ctx.fillStyle = fillColor;
      if (fw > 0) ctx.fillRect(L.qx1 - fw, top + 1, fw, L.barH - 2);
    }
    if (!durable && sub.hwm <= S) {
      const hx = L.qx1 - bw * (sub.hwm / S) - 3;
      ctx.strokeStyle = theme.bad;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(hx, top - 7);
      ctx.lineTo(hx, top + L.barH + 7);
      ctx.stroke();
    }

    // The subscriber's box: filled while busy, dashed while not connected.
    const joined = nowMs < (this.joinFlash[i] ?? 0);
    const fill = sub.busy ? theme.accent : theme.panel;
    box(ctx, L.subX, by, L.subW, L.subH, [fill, joined ? theme.good : theme.accent, joined ? 3.5 : 1.5, off]);
    const long = t('subscriber', { i: i + 1 });
    ctx.font = `600 ${fontPx}px ${FONT}`;
    const name = ctx.measureText(long).width <= L.subW - 8 ? long : `S${i + 1}`;
    const namePx = L.subH > fontPx * 1.3 ? fontPx : small;
    label(ctx, name, L.subX, by, namePx, sub.busy ? theme.bg : theme.fg, 'center', 600);
    ctx.globalAlpha = 1;

    // Exit edge with the measured processing rate (and busy/idle below it when there is room).
    const ex0 = L.subX + L.subW / 2 + 6;
    const room = L.exitX - ex0;
    const rt = `${formatNumber(lang, this.rates.get(`c${i}`), 1)}${t('perSec')}`;
    const state = sub.busy ? t('flowBusy') : t('flowIdle');
    const two = L.textLines > 0;
    // Rates are shrunk to fit the strip (never cut); both texts sit on a backing over the exit dots.
    ctx.font = `400 ${small}px ${FONT}`;
    const rtPx = Math.max(small * 0.7, Math.min(small, (small * (room - 2)) / ctx.measureText(rt).width));
    if (!off || sub.busy)
      backedLabel(ctx, fit(ctx, rt, rtPx, room), ex0, two ? by - small * 0.75 : by, rtPx, [
        theme.good,
        theme.bg,
      ]);
    if (two && (!off || sub.busy))
      backedLabel(ctx, fit(ctx, state, small, room), ex0, by + small * 0.8, small, [theme.muted, theme.bg]);

    // Texts: filter and queue length above the bar; HWM (or "durable") below it; then news (joins, misses, drops).
    const x = rowTexts(f, sub, this.summary?.subscribers[i], L.narrow || L.textLines <= 1);
    const noteColor = off ? theme.warn : theme.bad;
    const [aboveY, belowY] = [top - small * 0.85, top + L.barH + small * 0.95];
    if (L.textLines <= 1) {
      if (L.textLines === 1) {
        const q = `${x.queued} · ${x.limit}`;
        textPair(ctx, small, L.qx0, L.textR, aboveY, [x.filter, theme.muted, 400], [q, theme.fg, 400]);
      } else {
        const [fx, fpx] = fitMiddle(ctx, x.filter, small * 0.9, L.qx0 - brR - 10, 400, small * 0.75);
        label(ctx, fx, L.qx0 - 6, y - L.barH / 2 - small * 0.55, fpx, theme.muted, 'right');
      }
      if (x.note) {
        // Inside the bar, on a backing so that it stays legible over filled cells.
        const nt = fit(ctx, x.note, small * 0.9, bw * 0.9);
        ctx.fillStyle = theme.panel;
        ctx.globalAlpha = 0.85;
        ctx.fillRect(L.qx0 + 2, by - small * 0.55, ctx.measureText(nt).width + 6, small * 1.1);
        ctx.globalAlpha = 1;
        label(ctx, nt, L.qx0 + 5, by, small * 0.9, noteColor, 'left');
      }
      return;
    }
    const qCol = full ? theme.bad : theme.fg;
    textPair(
      ctx,
      small,
      L.qx0,
      L.textR,
      aboveY,
      [x.filter, theme.muted, 400],
      [x.queued, qCol, full ? 600 : 400],
    );
    const limitCol = durable || sub.hwm > S ? theme.muted : theme.bad;
    const noteHere = L.textLines === 2 ? x.note : '';
    textPair(ctx, small, L.qx0, L.textR, belowY, [x.limit, limitCol, 600], [noteHere, noteColor, 400]);
    if (L.textLines === 3 && x.note)
      label(
        ctx,
        fit(ctx, x.note, small, L.textR - L.qx0),
        L.qx0,
        belowY + small * 1.25,
        small,
        noteColor,
        'left',
      );
  }
}
