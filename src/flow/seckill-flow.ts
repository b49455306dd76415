// Flow view of the flash sale: crowd → gateway → peak-shaving queue → servers → stock → async queues, with sampled dots.
import { SeckillTrace, type SeckillSummary, type SeckillView } from '../engine/seckill-types.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { arrow, label, roundRect } from './draw-utils.ts';
import {
  bar,
  compactRate,
  fitLabel,
  FALL_MS,
  layout,
  MAX_BOXES,
  MOVE_MS,
  num,
  serverCells,
  SPAWN_PER_KIND,
  WindowRate,
  type Box,
} from './seckill-layout.ts';
import { DotMotion, DotPool, DotStyle, MAX_DOTS, type DotStyleId } from './dots.ts';
import type { FlowFrame, FlowRenderer } from './flow-types.ts';
/** Kinds drawn as a falling dot: fewer per frame, or a flood of them reads as a solid smear. */
const FALL_KINDS = new Set<number>([
  SeckillTrace.rejectFull,
  SeckillTrace.rejectSoldOut,
  SeckillTrace.timeout,
  SeckillTrace.rejectRisk,
]);

export class SeckillFlow implements FlowRenderer {
  private view: SeckillView | null = null;
  private sum: SeckillSummary | null = null;
  private dots = new DotPool();
  /** Sold-out fast-fails: a neutral colour, in a pool of their own (the two share MAX_DOTS). */
  private grey = new DotPool();
  private rates = new WindowRate();
  private sampledUntil = 0;
  private flashUntil = 0;

  ingest(
    snap: Snapshot,
    nowMs: number,
    frame: { width: number; height: number; reducedMotion: boolean },
  ): void {
    const view = snap.view as unknown as SeckillView;
    const sum = snap.summary as unknown as SeckillSummary;
    this.view = view;
    this.sum = sum;
    this.rates.update(snap.timeSec, [sum.requests, sum.served, sum.succeeded]);
    const tr = snap.trace;
    if (tr.lost > 0 || this.dots.skipped + this.grey.skipped > 0) this.sampledUntil = nowMs + 1500;
    this.dots.skipped = 0;
    this.grey.skipped = 0;
    const n = tr.kind.length;
    if (frame.reducedMotion) {
      for (let i = 0; i < n; i++)
        if (tr.kind[i] === SeckillTrace.timeout || tr.kind[i] === SeckillTrace.rejectFull)
          this.flashUntil = nowMs + 600;
      return;
    }
    const L = layout(frame.width, frame.height);
    const cells = serverCells(L.servers, view.servers.count, view.mode === 'sync' ? L.servers.h * 0.34 : 0);
    const cell = (s: number) => cells[s % Math.max(1, cells.length)] ?? L.servers;
    // Every k-th record of each kind gets a dot, so a flood of one kind cannot crowd out the rest.
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) counts.set(tr.kind[i], (counts.get(tr.kind[i]) ?? 0) + 1);
    const seen = new Map<number, number>();
    const arrivedNow = new Set<number>();
    let soldOutAt = -1;
    const add = (
      x0: number,
      y0: number,
      x1: number,
      y1: number,
      style: DotStyleId,
      motion: number,
      grey = false,
    ) => {
      if (this.dots.size + this.grey.size >= MAX_DOTS) {
        this.sampledUntil = nowMs + 1500;
        return;
      }
      const dur = motion === DotMotion.fall ? FALL_MS : MOVE_MS;
      (grey ? this.grey : this.dots).add(x0, y0, x1, y1, nowMs, dur, style, motion);
    };
    const fall = (x: number, y: number, style: DotStyleId, grey = false, dx = 8) =>
      add(x, y, x + dx, L.floorY, style, DotMotion.fall, grey);
    const crowdX = L.crowd.x + L.crowd.w;
    const qHeadX = L.queue.x + L.queue.w;
    for (let i = 0; i < n; i++) {
      const k = tr.kind[i];
      const id = tr.msg[i];
      const c = tr.comp[i];
      if (k === SeckillTrace.arrive) arrivedNow.add(id);
      if (k === SeckillTrace.soldOut) soldOutAt = tr.timeSec[i];
      const total = counts.get(k) ?? 0;
      const cap = FALL_KINDS.has(k) ? SPAWN_PER_KIND / 4 : SPAWN_PER_KIND;
      const stride = Math.max(1, Math.ceil(total / cap));
      const idx = seen.get(k) ?? 0;
      seen.set(k, idx + 1);
      if (idx % stride !== 0) continue;
      if (stride > 1) this.sampledUntil = nowMs + 1500;
      const jitter = ((id * 7919) % 17) - 8;
      switch (k) {
        case SeckillTrace.enqueue:
          add(crowdX, L.midY + jitter, L.queue.x + 4, L.midY + jitter * 0.3, DotStyle.normal, DotMotion.move);
          break;
        case SeckillTrace.start: {
          const b = cell(c);
          const x0 = arrivedNow.has(id) ? crowdX : qHeadX;
          add(x0, L.midY, b.x + b.w / 2, b.y + b.h / 2, DotStyle.normal, DotMotion.move);
          break;
        }
        case SeckillTrace.rejectFull:
          fall(L.gate.x + L.gate.w / 2, L.midY + jitter, DotStyle.bad, false, 12 + Math.abs(jitter) * 3);
          this.flashUntil = nowMs + 300;
          break;
        case SeckillTrace.timeout:
          fall(qHeadX - 6, L.queue.y + L.queue.h, DotStyle.bad);
          this.flashUntil = nowMs + 300;
          break;
        case SeckillTrace.rejectSoldOut:
          if (c >= 0) fall(cell(c).x + cell(c).w / 2, cell(c).y + cell(c).h, DotStyle.normal, true);
          else if (tr.timeSec[i] === soldOutAt)
            fall(L.queue.x + L.queue.w * ((id % 10) / 10), L.queue.y + L.queue.h, DotStyle.normal, true);
          else
            fall(L.gate.x + L.gate.w / 2, L.midY + jitter, DotStyle.normal, true, -12 - Math.abs(jitter) * 3);
          break;
        case SeckillTrace.rejectRisk:
          fall(cell(c).x + cell(c).w / 2, cell(c).y + cell(c).h, DotStyle.bad);
          break;
        case SeckillTrace.success: {
          const b = cell(c);
          if (view.mode === 'async')
            for (const s of L.steps)
              add(b.x + b.w, b.y + b.h / 2, s.x + 4, s.y + s.h / 2, DotStyle.good, DotMotion.move);
          else
            add(
              b.x + b.w,
              b.y + b.h / 2,
              L.stock.x + L.stock.w / 2,
              L.stock.y + L.stock.h / 2,
              DotStyle.good,
              DotMotion.fadeOut,
            );
          break;
        }
        case SeckillTrace.stepDone:
          if (view.mode === 'async') {
            const s = L.steps[c] ?? L.steps[0];
            add(s.x + s.w, s.y + s.h / 2, L.exitX, s.y + s.h / 2, DotStyle.good, DotMotion.fadeOut);
          }
          break;
      }
    }
  }

  draw(f: FlowFrame): boolean {
    const { ctx, width: w, height: h, theme, t, lang, fontPx } = f;
    const view = this.view;
    const sum = this.sum;
    if (!view || !sum) return false;
    const L = layout(w, h);
    const small = fontPx * 0.82;
    const big = fontPx * (L.narrow ? 1.35 : 1.6);
    const sync = view.mode === 'sync';
    const colTitle = (text: string, b: Box, y = L.titleY) =>
      fitLabel(ctx, text, b.x + b.w / 2, y, fontPx, b.w + (L.narrow ? 10 : 24), theme.muted, 'center', 600);

    // Edges and their measured rates.
    const edgeY = L.midY;
    arrow(ctx, L.crowd.x + L.crowd.w + 2, edgeY, L.gate.x - 2, edgeY, theme.grid, 2);
    arrow(ctx, L.gate.x + L.gate.w + 2, edgeY, L.queue.x - 4, edgeY, theme.grid, 2);
    arrow(ctx, L.queue.x + L.queue.w + 4, edgeY, L.servers.x - 4, edgeY, theme.grid, 2);
    const rateText = (i: number) => `${compactRate(lang, Math.max(0, this.rates.get(i)))}${t('perSec')}`;
    if (L.servers.x - L.queue.x - L.queue.w >= 36)
      fitLabel(
        ctx,
        rateText(1),
        (L.queue.x + L.queue.w + L.servers.x) / 2,
        edgeY - small * 1.1,
        small,
        L.servers.x - L.queue.x - L.queue.w,
        theme.fg,
      );

    // The crowd: arrivals per second and how many are still to come.
    colTitle(t('flowCrowd'), L.crowd);
    const users = sum.requests + view.crowdLeft;
    const cx = L.crowd.x + L.crowd.w / 2;
    fitLabel(
      ctx,
      `${compactRate(lang, view.arrivalsPerSec)}${t('perSec')}`,
      cx,
      L.crowd.y + L.crowd.h * 0.22,
      big,
      L.crowd.w,
      theme.accent,
      'center',
      700,
    );
    fitLabel(
      ctx,
      t('flowArriving'),
      cx,
      L.crowd.y + L.crowd.h * 0.22 + big * 0.95,
      small,
      L.crowd.w,
      theme.muted,
    );
    const dotsR = Math.max(2.5, Math.min(L.crowd.w / 20, L.crowd.h / 24));
    const left = users > 0 ? view.crowdLeft / users : 0;
    for (let i = 0; i < 20; i++) {
      const gx = L.crowd.x + L.crowd.w * (0.14 + (i % 5) * 0.18);
      const gy = L.crowd.y + L.crowd.h * (0.56 + Math.floor(i / 5) * 0.08);
      ctx.beginPath();
      ctx.arc(gx, gy, dotsR, 0, Math.PI * 2);
      ctx.fillStyle = i < Math.ceil(left * 20) ? theme.accent : theme.grid;
      ctx.fill();
    }
    fitLabel(
      ctx,
      t('flowToCome', { n: num(lang, view.crowdLeft) }),
      cx,
      L.crowd.y + L.crowd.h * 0.94,
      small,
      L.crowd.w + 8,
      theme.fg,
    );

    // The gateway.
    roundRect(ctx, L.gate.x, L.gate.y, L.gate.w, L.gate.h, 5);
    ctx.fillStyle = theme.panel;
    ctx.fill();
    ctx.strokeStyle = f.nowMs < this.flashUntil ? theme.bad : theme.accent;
    ctx.lineWidth = 2;
    ctx.stroke();
    colTitle(t('flowGateway'), { ...L.gate, x: L.gate.x - 20, w: L.gate.w + 40 }, L.titleY);

    // The peak-shaving queue: a bar filling up to `buffer`, red when full.
    const q = view.queue;
    const full = q.capacity !== Infinity && q.waiting >= q.capacity;
    colTitle(L.narrow ? t('flowQueue') : t('flowShaveQueue'), L.queue);
    const scale = q.capacity === Infinity ? Math.pow(2, Math.ceil(Math.log2(q.waiting + 1))) : q.capacity;
    if (q.capacity === 0) {
      ctx.setLineDash([5, 4]);
      roundRect(ctx, L.queue.x, L.queue.y, L.queue.w, L.queue.h, 6);
      ctx.strokeStyle = theme.muted;
      ctx.stroke();
      ctx.setLineDash([]);
    } else
      bar(
        ctx,
        L.queue,
        scale > 0 ? q.waiting / scale : 0,
        full ? theme.bad : theme.accent,
        theme,
        full ? theme.bad : theme.muted,
      );
    const qText =
      q.capacity === 0
        ? t('flowNoQueue')
        : t('flowWaitingOf', {
            n: num(lang, q.waiting),
            cap: q.capacity === Infinity ? '∞' : num(lang, q.capacity),
          });
    fitLabel(
      ctx,
      qText,
      L.queue.x + L.queue.w / 2,
      L.queue.y + L.queue.h + fontPx * 0.9,
      fontPx,
      L.queue.w + 20,
      full ? theme.bad : theme.fg,
      'center',
      full ? 700 : 400,
    );
    if (q.timeoutSec !== Infinity)
      fitLabel(
        ctx,
        t('flowTimeoutSec', { t: formatNumber(lang, q.timeoutSec) }),
        L.queue.x + L.queue.w / 2,
        L.queue.y - small * 0.9,
        small,
        L.queue.w,
        theme.warn,
      );

    // Servers: busy out of total, as boxes (up to ten) or one gauge; in sync mode the three steps sit inside.
    colTitle(t('flowServers'), L.servers);
    const reserve = sync ? L.servers.h * 0.34 : 0;
    const sv = view.servers;
    if (sv.count <= MAX_BOXES) {
      serverCells(L.servers, sv.count, reserve).forEach((b, i) => {
        roundRect(ctx, b.x, b.y, b.w, b.h, 6);
        ctx.fillStyle = i < sv.busy ? theme.accent : theme.panel;
        ctx.fill();
        ctx.strokeStyle = theme.accent;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      });
    } else {
      const g = {
        x: L.servers.x,
        y: L.servers.y + (L.servers.h - reserve) * 0.3,
        w: L.servers.w,
        h: (L.servers.h - reserve) * 0.3,
      };
      bar(ctx, g, sv.busy / sv.count, theme.accent, theme, theme.accent);
    }
    const sBottom = L.servers.y + L.servers.h - reserve;
    fitLabel(
      ctx,
      t('flowBusyOf', { busy: num(lang, sv.busy), n: num(lang, sv.count) }),
      L.servers.x + L.servers.w / 2,
      sBottom + small * 0.8,
      small,
      L.servers.w + 10,
      theme.fg,
      'center',
      600,
    );
    if (sync) {
      const names = [t('order'), t('sms'), t('stats')];
      const cw = L.servers.w / 3;
      const chipY = sBottom + small * 1.8;
      names.forEach((name, i) => {
        roundRect(ctx, L.servers.x + i * cw + 2, chipY, cw - 4, small * 1.6, 5);
        ctx.fillStyle = theme.warn;
        ctx.fill();
        fitLabel(
          ctx,
          name,
          L.servers.x + i * cw + cw / 2,
          chipY + small * 0.8,
          small * 0.9,
          cw - 8,
          theme.bg,
          'center',
          600,
        );
      });
      fitLabel(
        ctx,
        t('flowInRequest'),
        L.servers.x + L.servers.w / 2,
        chipY + small * 2.6,
        small,
        L.servers.w + 10,
        theme.warn,
        'center',
        600,
      );
    } else
      fitLabel(
        ctx,
        t('flowRiskLock'),
        L.servers.x + L.servers.w / 2,
        sBottom + small * 2.3,
        small * 0.9,
        L.servers.w + 10,
        theme.muted,
      );

    // Stock counting down.
    const st = view.stock;
    colTitle(t('flowStock'), L.stock, L.narrow ? L.title2Y : L.titleY);
    const sx = L.stock.x + L.stock.w / 2;
    fitLabel(
      ctx,
      num(lang, st.left),
      sx,
      L.stock.y + big * 0.7,
      big * 1.2,
      L.stock.w + 10,
      st.soldOut ? theme.bad : theme.fg,
      'center',
      700,
    );
    fitLabel(
      ctx,
      t('flowOfLeft', { n: num(lang, st.initial) }),
      sx,
      L.stock.y + big * 1.75,
      small,
      L.stock.w + 12,
      theme.muted,
    );
    const sbar = {
      x: L.stock.x + L.stock.w * 0.1,
      y: L.stock.y + big * 2.4,
      w: L.stock.w * 0.8,
      h: Math.max(8, L.stock.h - big * 2.4 - small * 2),
    };
    roundRect(ctx, sbar.x, sbar.y, sbar.w, sbar.h, 5);
    ctx.strokeStyle = theme.grid;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    const share = st.initial > 0 ? st.left / st.initial : 0;
    if (share > 0) {
      const hh = (sbar.h - 4) * share;
      roundRect(ctx, sbar.x + 2, sbar.y + sbar.h - 2 - hh, sbar.w - 4, Math.max(3, hh), 4);
      ctx.fillStyle = theme.good;
      ctx.fill();
    }
    if (st.soldOut)
      fitLabel(
        ctx,
        t('flowSoldOut'),
        sx,
        sbar.y + sbar.h / 2,
        fontPx,
        L.stock.w + 10,
        theme.bad,
        'center',
        700,
      );

    // The three async queues: backlog bars (share of purchases so far), workers busy; greyed in sync mode.
    const stepsBox = { x: L.steps[0].x, y: L.steps[0].y, w: L.steps[0].w, h: 0 };
    colTitle(t('flowAsyncQueues'), stepsBox, L.narrow ? L.title2Y : L.titleY);
    const bought = Math.max(1, st.initial - st.left);
    view.steps.forEach((s, i) => {
      const b = L.steps[i];
      ctx.globalAlpha = sync ? 0.45 : 1;
      const nameY = b.y - small * 0.85;
      label(ctx, t(s.name), b.x, nameY, small, theme.fg, 'left', 600);
      if (!sync)
        label(
          ctx,
          t('flowBacklog', { n: num(lang, s.backlog) }),
          b.x + b.w,
          nameY,
          small,
          s.backlog > 0 ? theme.warn : theme.muted,
          'right',
          600,
        );
      bar(ctx, b, sync ? 0 : s.backlog / bought, theme.warn, theme, theme.muted);
      const info = sync ? t('flowInRequest') : t('flowWorkersBusy', { busy: s.workersBusy, n: s.workers });
      fitLabel(ctx, info, b.x + b.w / 2, b.y + b.h + small * 0.75, small * 0.85, b.w, theme.muted);
      ctx.globalAlpha = 1;
    });
    if (!L.narrow) arrow(ctx, L.stock.x + L.stock.w + 2, edgeY, L.steps[0].x - 6, edgeY, theme.grid, 1.5);

    // Outcomes so far: rejections at the gateway, timeouts in the queue, risk control on the servers.
    const parts: [string, string][] = [
      [t('flowRejFull', { n: num(lang, sum.rejected.full) }), theme.bad],
      [t('flowTimedOutN', { n: num(lang, sum.timedOut) }), theme.bad],
      [t('flowRejSoldOut', { n: num(lang, sum.rejected.soldOut) }), theme.muted],
      [t('flowRejRisk', { n: num(lang, sum.rejected.risk) }), theme.muted],
    ];
    const gap = small;
    ctx.font = `600 ${small}px system-ui, sans-serif`;
    const widths = parts.map(([s]) => ctx.measureText(s).width);
    const room = (L.narrow ? w : L.servers.x + L.servers.w) - L.gate.x;
    const total = widths.reduce((a, b) => a + b, 0) + gap * (parts.length - 1);
    const px = total > room ? Math.max(8, (small * room) / total) : small;
    let x = L.narrow ? 4 : L.gate.x;
    parts.forEach(([s, color], i) => {
      label(ctx, s, x, L.countsY, px, color, 'left', 600);
      x += ((widths[i] + gap) * px) / small;
    });

    const sampled = f.nowMs < this.sampledUntil;
    if (sampled)
      fitLabel(ctx, t('flowSampled'), w * 0.99, h * 0.975, small * 0.9, w * 0.6, theme.muted, 'right');
    const r = Math.max(2.5, Math.min(5, fontPx / 3.5));
    const a = this.dots.draw(ctx, f.nowMs, r, [theme.accent, theme.good, theme.bad]);
    const b = this.grey.draw(ctx, f.nowMs, r, [theme.muted, theme.muted, theme.muted]);
    return a || b || f.nowMs < this.flashUntil || sampled;
  }
}
