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

/**
 * Rates of cumulative counters per simulated second, smoothed over about one simulated second of snapshots.
 */
export class RateMeter {
  private lastT = NaN;
  private last = new Map<string, number>();
  private rates = new Map<string, number>();

  update(timeSec: number, counters: Record<string, number>): void {
    if (Number.isNaN(this.lastT) || timeSec < this.lastT) {
      this.lastT = timeSec;
      this.last = new Map(Object.entries(counters));
      this.rates.clear();
      return;
    }
    const dt = timeSec - this.lastT;
    if (dt <= 0) return;
    const w = Math.min(1, dt / 1); // smoothing toward about one simulated second
    for (const [k, v] of Object.entries(counters)) {
      const r = (v - (this.last.get(k) ?? v)) / dt;
      const old = this.rates.get(k);
      this.rates.set(k, old === undefined ? r : old + (r - old) * w);
      this.last.set(k, v);
    }
    this.lastT = timeSec;
  }

  get(key: string): number {
    return this.rates.get(key) ?? 0;
  }
}
