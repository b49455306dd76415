// Event calendar: a binary min-heap of events ordered by (time, priority, sequence), stored as parallel typed arrays.

/**
 * Each event carries a kind and a target (small integers the model interprets). Ties in time are broken
 * by priority (lower runs first), then by the order in which events were scheduled, so every run is
 * reproducible. Storage is struct-of-arrays and grows by doubling: no allocation per event.
 */
export class EventHeap {
  private timeSec: Float64Array;
  /** priority * 2^44 + seq: one number orders ties (seq < 2^44, priority < 2^8 keeps it exact). */
  private order: Float64Array;
  /** priority << 8 | kind (kind < 256), so the sequence number can be recovered without a division. */
  private kind: Int32Array;
  private target: Int32Array;
  private n = 0;
  private nextSeq = 0;

  /** The sequence number of the event most recently popped (models use it to recognise stale events). */
  poppedSeq = 0;
  poppedKind = 0;
  poppedTarget = 0;
  poppedTimeSec = 0;

  constructor(initialCapacity = 1024) {
    this.timeSec = new Float64Array(initialCapacity);
    this.order = new Float64Array(initialCapacity);
    this.kind = new Int32Array(initialCapacity);
    this.target = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.timeSec[0] : Infinity;
  }

  /** Schedules an event and returns its sequence number. */
  push(timeSec: number, priority: number, kind: number, target: number): number {
    if (this.n === this.timeSec.length) this.grow();
    const seq = this.nextSeq++;
    const key = priority * 17592186044416 + seq;
    const packed = (priority << 8) | kind;
    const t = this.timeSec;
    const o = this.order;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = t[p];
      if (tp < timeSec || (tp === timeSec && o[p] < key)) break;
      t[i] = tp;
      o[i] = o[p];
      this.kind[i] = this.kind[p];
      this.target[i] = this.target[p];
      i = p;
    }
    t[i] = timeSec;
    o[i] = key;
    this.kind[i] = packed;
    this.target[i] = target;
    return seq;
  }

  /** Removes the earliest event; its fields are left in the `popped*` properties. */
  pop(): void {
    const t = this.timeSec;
    const o = this.order;
    const k = this.kind;
    const g = this.target;
    this.poppedTimeSec = t[0];
    const packed = k[0];
    this.poppedSeq = o[0] - (packed >>> 8) * 17592186044416;
    this.poppedKind = packed & 0xff;
    this.poppedTarget = g[0];
    const last = --this.n;
    if (last === 0) return;
    const lt = t[last];
    const lo = o[last];
    const lk = k[last];
    const lg = g[last];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (t[r] < t[c] || (t[r] === t[c] && o[r] < o[c]))) c = r;
      if (lt < t[c] || (lt === t[c] && lo < o[c])) break;
      t[i] = t[c];
      o[i] = o[c];
      k[i] = k[c];
      g[i] = g[c];
      i = c;
    }
    t[i] = lt;
    o[i] = lo;
    k[i] = lk;
    g[i] = lg;
  }

  private grow(): void {
    const cap = this.timeSec.length * 2;
    const t = new Float64Array(cap);
    t.set(this.timeSec);
    this.timeSec = t;
    const o = new Float64Array(cap);
    o.set(this.order);
    this.order = o;
    const k = new Int32Array(cap);
    k.set(this.kind);
    this.kind = k;
    const g = new Int32Array(cap);
    g.set(this.target);
    this.target = g;
  }
}
