// Drawing of the flash-sale flow view's columns: crowd, gateway, peak-shaving queue, servers, stock, async queues (the outcomes row is in seckill-flow.ts).
import type { SeckillSummary, SeckillView } from '../engine/seckill-types.ts';
import { formatNumber } from '../i18n/index.ts';
import { arrow, label, roundRect } from './draw-utils.ts';
import type { FlowFrame } from './flow-types.ts';
import {
  bar,
  compactRate,
  fitLabel,
  MAX_BOXES,
  num,
  serverCells,
  serverReserve,
  type Box,
  type Layout,
} from './seckill-layout.ts';

/** One frame's drawing state shared by the columns: the frame, its layout and the text sizes. */
export interface Pen {
  f: FlowFrame;
  L: Layout;
  small: number;
  big: number;
  /** A column title centred over box `b`, shrunk to fit. */
  colTitle: (text: string, b: Box, y?: number) => void;
}

/** The pen for one frame: text sizes from the frame's font size, titles on the layout's title line. */
export function pen(f: FlowFrame, L: Layout): Pen {
  const { ctx, theme, fontPx } = f;
  const colTitle = (text: string, b: Box, y = L.titleY) =>
    fitLabel(ctx, text, b.x + b.w / 2, y, fontPx, b.w + (L.narrow ? 10 : 24), theme.muted, 'center', 600);
  return { f, L, small: fontPx * 0.82, big: fontPx * (L.narrow ? 1.35 : 1.6), colTitle };
}

const cxOf = (b: Box) => b.x + b.w / 2;
/** Width of a column title at the frame's size (before any shrinking). */
function titleW(P: Pen, s: string): number {
  P.f.ctx.font = `600 ${P.f.fontPx}px system-ui, sans-serif`;
  return P.f.ctx.measureText(s).width;
}
/** The queue's title: "Peak-shaving queue" when it fits over the queue, else "Queue". */
function queueTitle(P: Pen): string {
  const long = P.f.t('flowShaveQueue');
  return !P.L.narrow && titleW(P, long) <= P.L.queue.w ? long : P.f.t('flowQueue');
}

/** The crowd: arrivals per second and how many are still to come. */
export function drawCrowd(P: Pen, view: SeckillView, sum: SeckillSummary): void {
  const { ctx, theme, t, lang } = P.f;
  const { L, small, big, colTitle } = P;
  if (L.narrow) {
    // Left-aligned, ending before the gateway's title (centred on the gateway), so the two never touch.
    ctx.font = `600 ${P.f.fontPx}px system-ui, sans-serif`;
    const gateLeft = L.gate.x + L.gate.w / 2 - ctx.measureText(t('flowGateway')).width / 2;
    const room = Math.min(L.crowd.w + 10, gateLeft - L.crowd.x - 6);
    fitLabel(ctx, t('flowCrowd'), L.crowd.x, L.titleY, P.f.fontPx, room, theme.muted, 'left', 600);
  } else colTitle(t('flowCrowd'), L.crowd);
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
    L.narrow ? L.crowd.x - 2 : cx,
    L.crowd.y + L.crowd.h * 0.94,
    small,
    L.narrow ? L.crowd.w : L.crowd.w + 8,
    theme.fg,
    L.narrow ? 'left' : 'center',
    400,
    theme.bg,
  );
}

/** The gateway, outlined red while it is flashing (a rejection or a timeout just happened). */
export function drawGateway(P: Pen, flash: boolean): void {
  const { ctx, theme, t } = P.f;
  const { L, colTitle } = P;
  roundRect(ctx, L.gate.x, L.gate.y, L.gate.w, L.gate.h, 5);
  ctx.fillStyle = theme.panel;
  ctx.fill();
  ctx.strokeStyle = flash ? theme.bad : theme.accent;
  ctx.lineWidth = 2;
  ctx.stroke();
  if (L.narrow) colTitle(t('flowGateway'), { ...L.gate, x: L.gate.x - 20, w: L.gate.w + 40 }, L.titleY);
  else {
    // Between the crowd's title and the queue's, with a gap to each.
    const c = cxOf(L.gate);
    const half = (s: string) => titleW(P, s) / 2;
    const crowdEnd = cxOf(L.crowd) + half(t('flowCrowd'));
    const queueStart = cxOf(L.queue) - half(queueTitle(P));
    const room = 2 * Math.min(c - crowdEnd - 10, queueStart - 10 - c);
    fitLabel(ctx, t('flowGateway'), c, L.titleY, P.f.fontPx, room, theme.muted, 'center', 600);
  }
}

/** The peak-shaving queue: a bar filling up to `buffer`, red when full. */
export function drawQueue(P: Pen, view: SeckillView): void {
  const { ctx, theme, t, lang, fontPx } = P.f;
  const { L, small, colTitle } = P;
  const q = view.queue;
  const full = q.capacity !== Infinity && q.waiting >= q.capacity;
  colTitle(queueTitle(P), L.queue);
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
    theme.bg,
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
      'center',
      400,
      theme.bg,
    );
}

/** Servers: busy out of total, as boxes (up to ten) or one gauge; in sync mode the three steps sit inside. */
export function drawServers(P: Pen, view: SeckillView): void {
  const { ctx, theme, t, lang } = P.f;
  const { L, small, colTitle } = P;
  const sync = view.mode === 'sync';
  colTitle(t('flowServers'), L.servers);
  const reserve = serverReserve(L, sync, P.f.fontPx);
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
    theme.bg,
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
      theme.bg,
    );
  } else
    fitLabel(
      ctx,
      t('flowRiskLock'),
      L.servers.x + L.servers.w / 2,
      sBottom + small * 2.2,
      small * 0.9,
      L.servers.w + 10,
      theme.muted,
      'center',
      400,
      theme.bg,
    );
}

/** Stock counting down. */
export function drawStock(P: Pen, view: SeckillView): void {
  const { ctx, theme, t, lang, fontPx } = P.f;
  const { L, small, big, colTitle } = P;
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
    theme.bg,
  );
  fitLabel(
    ctx,
    t('flowOfLeft', { n: num(lang, st.initial) }),
    sx,
    L.stock.y + big * 1.75,
    small,
    L.stock.w + 12,
    theme.muted,
    'center',
    400,
    theme.bg,
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
      theme.bg,
    );
}

/** The three async queues: backlog bars (share of purchases so far), workers busy; greyed in sync mode. */
export function drawAsyncQueues(P: Pen, view: SeckillView): void {
  const { ctx, theme, t, lang } = P.f;
  const { L, small, colTitle } = P;
  const sync = view.mode === 'sync';
  const st = view.stock;
  const edgeY = L.midY;
  const stepsBox = { x: L.steps[0].x, y: L.steps[0].y, w: L.steps[0].w, h: 0 };
  colTitle(t('flowAsyncQueues'), stepsBox, L.narrow ? L.title2Y : L.titleY);
  const bought = Math.max(1, st.initial - st.left);
  // "backlog 1,234" right of each name, or the bare numbers in every row when one of them would not fit.
  ctx.font = `600 ${small}px system-ui, sans-serif`;
  const wordy = view.steps.every((s, i) => {
    const room = L.steps[i].w - ctx.measureText(t(s.name)).width - small;
    return ctx.measureText(t('flowBacklog', { n: num(lang, s.backlog) })).width <= room;
  });
  view.steps.forEach((s, i) => {
    const b = L.steps[i];
    ctx.globalAlpha = sync ? 0.45 : 1;
    const nameY = b.y - small * 0.85;
    label(ctx, t(s.name), b.x, nameY, small, theme.fg, 'left', 600);
    const nameW = ctx.measureText(t(s.name)).width;
    if (!sync)
      fitLabel(
        ctx,
        wordy ? t('flowBacklog', { n: num(lang, s.backlog) }) : num(lang, s.backlog),
        b.x + b.w,
        nameY,
        small,
        b.w - nameW - small,
        s.backlog > 0 ? theme.warn : theme.muted,
        'right',
        600,
      );
    bar(ctx, b, sync ? 0 : s.backlog / bought, theme.warn, theme, theme.muted);
    const info = sync ? t('flowInRequest') : t('flowWorkersBusy', { busy: s.workersBusy, n: s.workers });
    fitLabel(
      ctx,
      info,
      b.x + b.w / 2,
      b.y + b.h + small * 0.75,
      small * 0.85,
      b.w,
      theme.muted,
      'center',
      400,
      theme.bg,
    );
    ctx.globalAlpha = 1;
  });
  if (!L.narrow) arrow(ctx, L.stock.x + L.stock.w + 2, edgeY, L.steps[0].x - 6, edgeY, theme.grid, 1.5);
}
