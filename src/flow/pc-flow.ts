// Flow view of the producer/consumer scenario: producers → queue slots → consumers, with moving and falling dots.
import { PcTrace, type PcView } from '../engine/pc-model.ts';
import { formatNumber } from '../i18n/index.ts';
import type { Snapshot } from '../worker/protocol.ts';
import { arrow, label, RateMeter, rateDigits, roundRect } from './draw-utils.ts';
import { DotMotion, DotPool, DotStyle, SpawnBudget } from './dots.ts';
import type { FlowFrame, FlowRenderer } from './flow-types.ts';

/** Most producers or consumers drawn as boxes; more are summarised as "+n". */
const MAX_BOXES = 10;
/** Queue slots drawn one by one; a longer queue shows its front and a gauge. */
const MAX_SLOTS = 24;
const MOVE_MS = 450;
const FALL_MS = 900;

interface Layout {
  prodX: number;
  consX: number;
  boxW: number;
  boxH: number;
  prodY: number[];
  consY: number[];
  qx0: number;
  qx1: number;
  qy: number;
  qh: number;
  slotW: number;
  slots: number;
  exitX: number;
}

function rows(n: number, top: number, bottom: number): number[] {
  const k = Math.min(n, MAX_BOXES);
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(top + ((i + 0.5) * (bottom - top)) / k);
  return out;
}

function layout(w: number, h: number, view: PcView): Layout {
  const top = h * 0.18;
  const bottom = h * 0.9;
  const boxW = Math.max(48, w * 0.09);
  const n = Math.max(view.producers.filter((p) => p.active || p.blocked).length, 1);
  const m = Math.max(view.consumers.filter((c) => c.active || c.busy).length, 1);
  const boxH = Math.min(44, ((bottom - top) / Math.min(Math.max(n, m), MAX_BOXES)) * 0.75);
  const qx0 = w * 0.27;
  const qx1 = w * 0.7;
  const slots = Math.max(1, Math.min(view.capacity, MAX_SLOTS));
  return {
    prodX: w * 0.1,
    consX: w * 0.83,
    boxW,
    boxH,
    prodY: rows(n, top, bottom),
    consY: rows(m, top, bottom),
    qx0,
    qx1,
    qy: (top + bottom) / 2,
    qh: Math.min(56, h * 0.16),
    slotW: (qx1 - qx0) / slots,
    slots,
    exitX: w * 0.97,
  };
}

export class PcFlow implements FlowRenderer {
  private view: PcView | null = null;
  private dots = new DotPool();
  private rates = new RateMeter();
  private sampled = false;
  private flashBadUntil = 0;
  /** Dots per second per kind of event: enough to see the flow, few enough to follow one dot. */
  private budget = new SpawnBudget(
    (k) => (k === PcTrace.dropOverflow || k === PcTrace.dropExpired ? 12 : 40),
    4,
  );

  ingest(
    snap: Snapshot,
    nowMs: number,
    frame: { width: number; height: number; reducedMotion: boolean },
  ): void {
    const view = snap.view as unknown as PcView;
    this.view = view;
    const s = snap.summary as {
      produced: number;
      consumed: number;
      dropped: { overflow: number; expired: number };
    };
    this.rates.update(snap.timeSec, {
      produced: s.produced,
      consumed: s.consumed,
      dropped: s.dropped.overflow + s.dropped.expired,
    });
    const tr = snap.trace;
    this.budget.begin(tr.kind, nowMs);
    this.sampled = tr.lost > 0 || this.dots.skipped > 0 || this.budget.sampled;
    this.dots.skipped = 0;
    if (frame.reducedMotion) {
      for (let i = 0; i < tr.kind.length; i++)
        if (tr.kind[i] === PcTrace.dropOverflow || tr.kind[i] === PcTrace.dropExpired)
          this.flashBadUntil = nowMs + 600;
      return;
    }
    const L = layout(frame.width, frame.height, view);
    const prodY = (p: number) => L.prodY[Math.min(p, L.prodY.length - 1)] ?? L.qy;
    const consY = (c: number) => L.consY[Math.min(c, L.consY.length - 1)] ?? L.qy;
    const tailX = L.qx0;
    const headX = L.qx1 - L.slotW / 2;
    // A message produced and taken in the same frame travels straight from its producer to its consumer.
    const producedNow = new Map<number, number>();
    for (let i = 0; i < tr.kind.length; i++)
      if (tr.kind[i] === PcTrace.produce) producedNow.set(tr.msg[i], tr.comp[i]);
    for (let i = 0; i < tr.kind.length; i++) {
      const k = tr.kind[i];
      const id = tr.msg[i];
      const c = tr.comp[i];
      if (!this.budget.take(k)) continue;
      switch (k) {
        case PcTrace.enqueue:
          this.dots.add(L.prodX + L.boxW / 2, prodY(c), tailX, L.qy, nowMs, MOVE_MS, DotStyle.normal);
          break;
        case PcTrace.start: {
          const p = producedNow.get(id);
          if (p !== undefined)
            this.dots.add(
              L.prodX + L.boxW / 2,
              prodY(p),
              L.consX - L.boxW / 2,
              consY(c),
              nowMs,
              MOVE_MS,
              DotStyle.normal,
            );
          else this.dots.add(headX, L.qy, L.consX - L.boxW / 2, consY(c), nowMs, MOVE_MS, DotStyle.normal);
          break;
        }
        case PcTrace.done:
          this.dots.add(
            L.consX + L.boxW / 2,
            consY(c),
            L.exitX,
            consY(c),
            nowMs,
            MOVE_MS,
            DotStyle.good,
            DotMotion.fadeOut,
          );
          break;
        case PcTrace.dropOverflow: {
          const x = view.overflow === 'drop-old' ? headX : tailX - 10;
          this.dots.add(
            x,
            L.qy + L.qh / 2,
            x + 6,
            frame.height - 6,
            nowMs,
            FALL_MS,
            DotStyle.bad,
            DotMotion.fall,
          );
          this.flashBadUntil = nowMs + 300;
          break;
        }
        case PcTrace.dropExpired:
          this.dots.add(
            headX,
            L.qy + L.qh / 2,
            headX - 6,
            frame.height - 6,
            nowMs,
            FALL_MS,
            DotStyle.bad,
            DotMotion.fall,
          );
          this.flashBadUntil = nowMs + 300;
          break;
      }
    }
  }

  draw(f: FlowFrame): boolean {
    const { ctx, width: w, height: h, theme, t, lang, fontPx } = f;
    const view = this.view;
    if (!view) return false;
    const L = layout(w, h, view);
    const small = fontPx * 0.85;

    // Column titles, each with its measured rate (messages per simulated second over the last 10 s):
    // all producers together, all consumers together.
    const rate = (k: string) =>
      `${formatNumber(lang, this.rates.get(k), rateDigits(this.rates.get(k)))}${t('perSec')}`;
    const titleY = h * 0.045;
    const rateY = titleY + fontPx * 1.15;
    label(ctx, t('flowProducers'), L.prodX, titleY, fontPx, theme.muted, 'center', 600);
    label(ctx, rate('produced'), L.prodX, rateY, small, theme.fg);
    label(ctx, t('flowQueue'), (L.qx0 + L.qx1) / 2, titleY, fontPx, theme.muted, 'center', 600);
    label(ctx, t('flowConsumers'), L.consX, titleY, fontPx, theme.muted, 'center', 600);
    label(ctx, rate('consumed'), L.consX, rateY, small, theme.good);
    if (this.rates.get('dropped') > 0)
      label(ctx, `${t('flowDropped')} ${rate('dropped')}`, (L.qx0 + L.qx1) / 2, rateY, small, theme.bad);

    for (const y of L.prodY) arrow(ctx, L.prodX + L.boxW / 2 + 4, y, L.qx0 - 6, L.qy, theme.grid, 1.5);
    for (const y of L.consY) arrow(ctx, L.qx1 + 4, L.qy, L.consX - L.boxW / 2 - 4, y, theme.grid, 1.5);

    // Producers.
    const producers = view.producers.filter((p) => p.active || p.blocked);
    producers.slice(0, MAX_BOXES).forEach((p, i) => {
      const y = L.prodY[i];
      roundRect(ctx, L.prodX - L.boxW / 2, y - L.boxH / 2, L.boxW, L.boxH, 8);
      ctx.fillStyle = theme.panel;
      ctx.fill();
      ctx.lineWidth = p.blocked ? 3 : 1.5;
      ctx.strokeStyle = p.blocked ? theme.bad : theme.accent;
      ctx.stroke();
      label(ctx, `P${i + 1}`, L.prodX, y, fontPx, theme.fg, 'center', 600);
      if (p.blocked) {
        label(ctx, t('flowBlocked'), L.prodX, y + L.boxH / 2 + small * 0.8, small, theme.bad);
        ctx.fillStyle = theme.accent;
        ctx.beginPath();
        ctx.arc(L.prodX + L.boxW / 2 + 8, y, 6, 0, Math.PI * 2);
        ctx.fill();
      }
    });
    if (producers.length > MAX_BOXES)
      label(ctx, `+${producers.length - MAX_BOXES}`, L.prodX, h * 0.95, small, theme.muted);

    // The queue: slots up to capacity (or the front of a long queue), head on the right.
    const full = view.waiting >= view.capacity;
    roundRect(ctx, L.qx0 - 4, L.qy - L.qh / 2 - 4, L.qx1 - L.qx0 + 8, L.qh + 8, 8);
    ctx.strokeStyle = full || f.nowMs < this.flashBadUntil ? theme.bad : theme.muted;
    ctx.lineWidth = full ? 3 : 1.5;
    ctx.stroke();
    const shownCells = Math.min(view.waiting, L.slots);
    for (let s = 0; s < L.slots; s++) {
      const x = L.qx1 - (s + 1) * L.slotW;
      roundRect(ctx, x + 2, L.qy - L.qh / 2 + 2, Math.max(2, L.slotW - 4), L.qh - 4, 4);
      if (s < shownCells) {
        ctx.fillStyle = theme.accent;
        ctx.fill();
      } else if (view.capacity <= MAX_SLOTS) {
        ctx.strokeStyle = theme.grid;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
    const capText =
      view.capacity === Infinity
        ? t('flowUnbounded')
        : `${t('capacity')} ${formatNumber(lang, view.capacity, 0)}`;
    label(
      ctx,
      `${t('waiting')}: ${formatNumber(lang, view.waiting, 0)}  ·  ${capText}`,
      (L.qx0 + L.qx1) / 2,
      L.qy + L.qh / 2 + fontPx,
      fontPx,
      full ? theme.bad : theme.fg,
    );
    if (view.waiting > L.slots) {
      // A gauge under the slots for a long queue: filled share of capacity (or of a growing scale).
      const scale =
        view.capacity === Infinity ? Math.pow(2, Math.ceil(Math.log2(view.waiting + 1))) : view.capacity;
      const gy = L.qy + L.qh / 2 + fontPx * 2;
      ctx.fillStyle = theme.grid;
      ctx.fillRect(L.qx0, gy, L.qx1 - L.qx0, 6);
      ctx.fillStyle = full ? theme.bad : theme.accent;
      ctx.fillRect(
        L.qx1 - (L.qx1 - L.qx0) * Math.min(1, view.waiting / scale),
        gy,
        (L.qx1 - L.qx0) * Math.min(1, view.waiting / scale),
        6,
      );
      label(
        ctx,
        `… +${formatNumber(lang, view.waiting - L.slots, 0)}`,
        L.qx0 - 8,
        L.qy,
        small,
        theme.muted,
        'right',
      );
    }
    if (view.ttl !== Infinity)
      label(
        ctx,
        `TTL ${formatNumber(lang, view.ttl)} ${t('seconds')}`,
        (L.qx0 + L.qx1) / 2,
        L.qy - L.qh / 2 - small * 2.2,
        small,
        theme.warn,
      );
    if (view.waiting > view.capacity)
      label(ctx, t('flowOverCapacity'), L.qx0, L.qy - L.qh / 2 - small, small, theme.bad, 'left', 600);
    else if (full) label(ctx, t('flowFull'), L.qx0, L.qy - L.qh / 2 - small, small, theme.bad, 'left', 600);

    // Consumers.
    const consumers = view.consumers.filter((c) => c.active || c.busy);
    consumers.slice(0, MAX_BOXES).forEach((c, i) => {
      const y = L.consY[i];
      roundRect(ctx, L.consX - L.boxW / 2, y - L.boxH / 2, L.boxW, L.boxH, 8);
      ctx.fillStyle = c.busy ? theme.accent : theme.panel;
      ctx.globalAlpha = c.active ? 1 : 0.5;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = theme.accent;
      ctx.stroke();
      label(ctx, `C${i + 1}`, L.consX, y, fontPx, c.busy ? theme.bg : theme.fg, 'center', 600);
      ctx.globalAlpha = 1;
      if (!c.busy) label(ctx, t('flowIdle'), L.consX + L.boxW / 2 + 6, y, small, theme.muted, 'left');
    });
    if (consumers.length > MAX_BOXES)
      label(ctx, `+${consumers.length - MAX_BOXES}`, L.consX, h * 0.95, small, theme.muted);

    if (this.sampled) label(ctx, t('flowSampled'), w / 2, h * 0.97, small, theme.muted);
    return (
      this.dots.draw(ctx, f.nowMs, Math.max(3, Math.min(7, L.qh / 7)), [
        theme.accent,
        theme.good,
        theme.bad,
      ]) || f.nowMs < this.flashBadUntil
    );
  }
}
