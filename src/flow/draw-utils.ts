// Canvas helpers shared by the flow renderers: rounded boxes, labels, arrows, measured rates.

export function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

export function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  px: number,
  color: string,
  align: CanvasTextAlign = 'center',
  weight = 400,
): void {
  ctx.font = `${weight} ${px}px system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
  ctx.fillStyle = color;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y);
}

export function arrow(
  ctx: CanvasRenderingContext2D,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: string,
  width = 2,
): void {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  const a = Math.atan2(y1 - y0, x1 - x0);
  const h = 4 + width * 2.5;
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - h * Math.cos(a - 0.45), y1 - h * Math.sin(a - 0.45));
  ctx.lineTo(x1 - h * Math.cos(a + 0.45), y1 - h * Math.sin(a + 0.45));
  ctx.closePath();
  ctx.fill();
}

/** A rate for people: three significant digits at most (6,160 not 6,161.82; 0.36 not 0.3612). */
export function rateDigits(ratePerSec: number): number {
  const a = Math.abs(ratePerSec);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/**
 * Rates of cumulative counters per simulated second, averaged over a trailing window of simulated time
 * (long enough that rare events do not read as 0 between two arrivals).
 */
export class RateMeter {
  private history: { t: number; values: Record<string, number> }[] = [];

  constructor(private readonly windowSec = 10) {}

  update(timeSec: number, counters: Record<string, number>): void {
    const h = this.history;
    if (h.length > 0 && timeSec < h[h.length - 1].t) h.length = 0; // a reset or a jump back
    if (h.length > 0 && timeSec === h[h.length - 1].t) h[h.length - 1] = { t: timeSec, values: counters };
    else h.push({ t: timeSec, values: counters });
    while (h.length > 2 && timeSec - h[1].t >= this.windowSec) h.shift();
  }

  get(key: string): number {
    const h = this.history;
    if (h.length < 2) return 0;
    const a = h[0];
    const b = h[h.length - 1];
    return b.t > a.t ? ((b.values[key] ?? 0) - (a.values[key] ?? 0)) / (b.t - a.t) : 0;
  }
}
