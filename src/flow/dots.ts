// A bounded pool of animated message dots (struct of arrays): move along a line, or fall away when dropped.

/** Most dots alive at once (DESIGN §1): above this, new dots are skipped and the view says it samples. */
export const MAX_DOTS = 2000;

export const DotStyle = { normal: 0, good: 1, bad: 2 } as const;
export type DotStyleId = (typeof DotStyle)[keyof typeof DotStyle];

/** Motion: travel from (x0, y0) to (x1, y1), or fall from (x0, y0) while fading (a drop). */
export const DotMotion = { move: 0, fall: 1, fadeOut: 2 } as const;

export class DotPool {
  private x0 = new Float32Array(MAX_DOTS);
  private y0 = new Float32Array(MAX_DOTS);
  private x1 = new Float32Array(MAX_DOTS);
  private y1 = new Float32Array(MAX_DOTS);
  private start = new Float64Array(MAX_DOTS);
  private dur = new Float32Array(MAX_DOTS);
  private style = new Uint8Array(MAX_DOTS);
  private motion = new Uint8Array(MAX_DOTS);
  private n = 0;
  /** Dots not drawn since the last `clearSampled()`, because the pool was full. */
  skipped = 0;

  get size(): number {
    return this.n;
  }

  add(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    startMs: number,
    durMs: number,
    style: DotStyleId,
    motion: number = DotMotion.move,
  ): void {
    if (this.n >= MAX_DOTS) {
      this.skipped++;
      return;
    }
    const i = this.n++;
    this.x0[i] = x0;
    this.y0[i] = y0;
    this.x1[i] = x1;
    this.y1[i] = y1;
    this.start[i] = startMs;
    this.dur[i] = durMs;
    this.style[i] = style;
    this.motion[i] = motion;
  }

  clear(): void {
    this.n = 0;
  }

  /**
   * Draws every live dot at wall time `nowMs` and removes finished ones. Colours by style index.
   * Returns true while any dot is still moving.
   */
  draw(ctx: CanvasRenderingContext2D, nowMs: number, radius: number, colors: readonly string[]): boolean {
    let w = 0;
    for (let i = 0; i < this.n; i++) {
      const p = (nowMs - this.start[i]) / this.dur[i];
      if (p >= 1) continue;
      if (w !== i) {
        this.x0[w] = this.x0[i];
        this.y0[w] = this.y0[i];
        this.x1[w] = this.x1[i];
        this.y1[w] = this.y1[i];
        this.start[w] = this.start[i];
        this.dur[w] = this.dur[i];
        this.style[w] = this.style[i];
        this.motion[w] = this.motion[i];
      }
      w++;
      if (p < 0) continue;
      const e = p < 0.5 ? 2 * p * p : 1 - Math.pow(-2 * p + 2, 2) / 2; // ease in-out
      let x: number;
      let y: number;
      let alpha = 1;
      if (this.motion[i] === DotMotion.fall) {
        x = this.x0[i] + (this.x1[i] - this.x0[i]) * p;
        y = this.y0[i] + (this.y1[i] - this.y0[i]) * p * p;
        alpha = 1 - p * 0.8;
      } else if (this.motion[i] === DotMotion.fadeOut) {
        x = this.x0[i] + (this.x1[i] - this.x0[i]) * e;
        y = this.y0[i] + (this.y1[i] - this.y0[i]) * e;
        alpha = 1 - p;
      } else {
        x = this.x0[i] + (this.x1[i] - this.x0[i]) * e;
        y = this.y0[i] + (this.y1[i] - this.y0[i]) * e;
      }
      ctx.globalAlpha = alpha;
      ctx.fillStyle = colors[this.style[i]];
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    this.n = w;
    return w > 0;
  }
}

/**
 * How many dots each kind of event may spawn: a token bucket per kind (at most `ratePerSec(kind)` a second,
 * bursts up to `burst`), spread evenly over the records of one batch. "Fewer, larger, legible objects beat
 * thousands of specks" (DESIGN §1); the true rates are written beside the flow.
 */
export class SpawnBudget {
  private credit = new Map<number, number>();
  private creditAt = 0;
  private counts = new Map<number, number>();
  private caps = new Map<number, number>();
  private seen = new Map<number, number>();
  /** True when the last batch had more records than dots. */
  sampled = false;

  constructor(
    private readonly ratePerSec: (kind: number) => number,
    private readonly burst = 3,
  ) {}

  /** Starts a batch of trace records (their kinds) arriving at wall time `nowMs`. */
  begin(kinds: ArrayLike<number>, nowMs: number): void {
    this.counts.clear();
    this.caps.clear();
    this.seen.clear();
    this.sampled = false;
    for (let i = 0; i < kinds.length; i++) this.counts.set(kinds[i], (this.counts.get(kinds[i]) ?? 0) + 1);
    const dt = Math.max(0, Math.min(0.25, (nowMs - this.creditAt) / 1000));
    this.creditAt = nowMs;
    for (const k of new Set([...this.counts.keys(), ...this.credit.keys()])) {
      const c = Math.min(this.burst, (this.credit.get(k) ?? this.burst) + this.ratePerSec(k) * dt);
      const cap = Math.min(Math.floor(c), this.counts.get(k) ?? 0);
      this.caps.set(k, cap);
      this.credit.set(k, c - cap);
      if (cap < (this.counts.get(k) ?? 0)) this.sampled = true;
    }
  }

  /** Call once per record, in order: true when this record of `kind` gets a dot. */
  take(kind: number): boolean {
    const total = this.counts.get(kind) ?? 0;
    const cap = this.caps.get(kind) ?? 0;
    const idx = this.seen.get(kind) ?? 0;
    this.seen.set(kind, idx + 1);
    if (cap === 0) return false;
    const stride = total / cap;
    return idx === 0 || Math.floor(idx / stride) !== Math.floor((idx - 1) / stride);
  }
}
