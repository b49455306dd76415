// Flow view of the flash sale: crowd → gateway → peak-shaving queue → servers → stock → async queues, with sampled dots.
import { SeckillTrace, type SeckillSummary, type SeckillView } from '../engine/seckill-types.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { arrow } from './draw-utils.ts';
import {
  compactRate,
  fitLabel,
  FALL_MS,
  layout,
  MOVE_MS,
  serverCells,
  SPAWN_PER_KIND,
  WindowRate,
} from './seckill-layout.ts';
import {
  drawAsyncQueues,
  drawCrowd,
  drawGateway,
  drawOutcomes,
  drawQueue,
  drawServers,
  drawStock,
  pen,
} from './seckill-sections.ts';
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
    const P = pen(f, L);
    const small = P.small;

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

    drawCrowd(P, view, sum);
    drawGateway(P, f.nowMs < this.flashUntil);
    drawQueue(P, view);
    drawServers(P, view);
    drawStock(P, view);
    drawAsyncQueues(P, view);
    drawOutcomes(P, sum);

    const sampled = f.nowMs < this.sampledUntil;
    if (sampled)
      fitLabel(ctx, t('flowSampled'), w * 0.99, h * 0.975, small * 0.9, w * 0.6, theme.muted, 'right');
    const r = Math.max(2.5, Math.min(5, fontPx / 3.5));
    const a = this.dots.draw(ctx, f.nowMs, r, [theme.accent, theme.good, theme.bad]);
    const b = this.grey.draw(ctx, f.nowMs, r, [theme.muted, theme.muted, theme.muted]);
    return a || b || f.nowMs < this.flashUntil || sampled;
  }
}
