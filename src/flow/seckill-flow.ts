// Flow view of the flash sale: crowd → gateway → peak-shaving queue → servers → stock → async queues, with sampled dots.
import { SeckillTrace, type SeckillSummary, type SeckillView } from '../engine/seckill-types.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { arrow, label, roundRect } from './draw-utils.ts';
import {
  compactRate,
  fitLabel,
  FALL_MS,
  fontPxOf,
  layout,
  MOVE_MS,
  num,
  serverCells,
  serverReserve,
  SPAWN_BURST,
  SPAWN_FALLING_PER_SEC,
  SPAWN_PER_SEC,
  WindowRate,
} from './seckill-layout.ts';
import {
  drawAsyncQueues,
  drawCrowd,
  drawGateway,
  drawQueue,
  drawServers,
  drawStock,
  pen,
  type Pen,
} from './seckill-sections.ts';
import { DotMotion, DotPool, DotStyle, MAX_DOTS, SpawnBudget, type DotStyleId } from './dots.ts';
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
  /** Dots each trace kind may still spawn (refilled at its rate per wall second) and when it was refilled. */
  private budget = new SpawnBudget(
    (k) => (FALL_KINDS.has(k) ? SPAWN_FALLING_PER_SEC : SPAWN_PER_SEC),
    SPAWN_BURST,
  );
  /** The async queue the next purchase dot goes to (they take turns). */
  private turn = 0;

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
    const reserve = serverReserve(L, view.mode === 'sync', fontPxOf(frame.width, frame.height));
    const cells = serverCells(L.servers, view.servers.count, reserve);
    const cell = (s: number) => cells[s % Math.max(1, cells.length)] ?? L.servers;
    // Every k-th record of each kind gets a dot, so a flood of one kind cannot crowd out the rest.
    this.budget.begin(tr.kind, nowMs);
    if (this.budget.sampled) this.sampledUntil = nowMs + 1500;
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
      delay = 0,
    ) => {
      if (this.dots.size + this.grey.size >= MAX_DOTS) {
        this.sampledUntil = nowMs + 1500;
        return;
      }
      const dur = motion === DotMotion.fall ? FALL_MS : MOVE_MS;
      (grey ? this.grey : this.dots).add(x0, y0, x1, y1, nowMs + delay, dur, style, motion);
    };
    const fall = (x: number, y: number, style: DotStyleId, grey = false, dx = 8) =>
      add(x, y, x + dx, L.floorY, style, DotMotion.fall, grey);
    const crowdX = L.crowd.x + L.crowd.w;
    // Rejected dots fall between the gateway and the queue, not onto the queue's label.
    const spread = Math.max(4, Math.min(36, L.queue.x - L.gate.x - L.gate.w / 2 - 4));
    const qHeadX = L.queue.x + L.queue.w;
    for (let i = 0; i < n; i++) {
      const k = tr.kind[i];
      const id = tr.msg[i];
      const c = tr.comp[i];
      if (k === SeckillTrace.arrive) arrivedNow.add(id);
      if (k === SeckillTrace.soldOut) soldOutAt = tr.timeSec[i];
      if (!this.budget.take(k)) continue;
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
          fall(
            L.gate.x + L.gate.w / 2,
            L.midY + jitter,
            DotStyle.bad,
            false,
            spread * (0.3 + Math.abs(jitter) / 11),
          );
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
          // Into the stock gauge (where the box hides it), then on to each async queue; on a phone,
          // where the stock sits far below, the dot fades out a short way towards it.
          const b = cell(c);
          const [sx, sy] = [L.stock.x + L.stock.w / 2, L.stock.y + L.stock.h * 0.7];
          const [bx, by] = [b.x + b.w, b.y + b.h / 2];
          if (L.narrow)
            add(bx - b.w / 2, b.y + b.h, bx - b.w / 2 - 12, b.y + b.h + 24, DotStyle.good, DotMotion.fadeOut);
          else add(bx, by, sx, sy, DotStyle.good, DotMotion.fadeOut);
          if (view.mode === 'async') {
            // One copy per sampled purchase, to the queues in turn: three streams, a third of the specks.
            const s = L.steps[this.turn++ % L.steps.length];
            const [x0, y0, wait] = [L.stock.x + L.stock.w, sy, L.narrow ? 0 : MOVE_MS * 0.8];
            add(x0, y0, s.x + 4, s.y + s.h / 2, DotStyle.good, DotMotion.move, false, wait);
          }
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
    // Dots first, then the boxes and texts over them: a flood of dots never hides a number.
    const r = Math.max(3, Math.min(6, fontPx / 3));
    const a = this.dots.draw(ctx, f.nowMs, r, [theme.accent, theme.good, theme.bad]);
    const b = this.grey.draw(ctx, f.nowMs, r, [theme.muted, theme.muted, theme.muted]);
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
      if (L.narrow)
        // Under the stock column, clear of the async queues' centred captions.
        fitLabel(
          ctx,
          t('flowSampled'),
          L.stock.x + 2,
          h * 0.975,
          small * 0.9,
          L.steps[0].x + L.steps[0].w * 0.15 - L.stock.x,
          theme.muted,
          'left',
        );
      else fitLabel(ctx, t('flowSampled'), w * 0.99, h * 0.975, small * 0.9, w * 0.6, theme.muted, 'right');
    return a || b || f.nowMs < this.flashUntil || sampled;
  }
}

/** Outcomes so far: rejections at the gateway, timeouts in the queue, risk control on the servers. */
export function drawOutcomes(P: Pen, sum: SeckillSummary): void {
  const { ctx, theme, t, lang } = P.f;
  const { L, small } = P;
  const w = P.f.width;
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
  const rowW = (total * px) / small;
  roundRect(ctx, x - 3, L.countsY - px * 0.65, rowW + 6, px * 1.3, 4);
  ctx.globalAlpha = 0.85;
  ctx.fillStyle = theme.bg;
  ctx.fill();
  ctx.globalAlpha = 1;
  parts.forEach(([s, color], i) => {
    label(ctx, s, x, L.countsY, px, color, 'left', 600);
    x += ((widths[i] + gap) * px) / small;
  });
}
