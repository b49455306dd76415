// The producer/consumer model (CONTRACT §1 s=pc): producers, one queue with capacity/overflow/TTL, competing consumers.
import type { ParamValue, ParamValues } from '../scenarios/schema.ts';
import { Simulation } from './kernel.ts';
import { RandomStream } from './rng.ts';
import { MessageFifo } from './fifo.ts';
import { QuantileSketch, RecentWindow, type QuantileSummary } from './sketch.ts';
import type { Variability } from './variability.ts';

export type Overflow = 'drop-new' | 'drop-old' | 'block';

export interface PcParams {
  producers: number;
  produce: number;
  arrival: Variability;
  consumers: number;
  consume: number;
  service: Variability;
  /** Most messages WAITING (in service does not count); Infinity = unbounded. */
  capacity: number;
  overflow: Overflow;
  /** Seconds a message may wait before it expires; Infinity = never. */
  ttl: number;
}

/** Event kinds (their priorities order simultaneous events: expiry, then completions, then arrivals). */
const EV_EXPIRE = 0;
const EV_DONE = 1;
const EV_ARRIVAL = 2;

/** What the trace records; the page turns these into log lines and moving dots. */
export const PcTrace = {
  produce: 1,
  enqueue: 2,
  start: 3,
  done: 4,
  dropOverflow: 5,
  dropExpired: 6,
  block: 7,
  unblock: 8,
} as const;

export const PC_COLUMNS = [
  'waiting',
  'inService',
  'blocked',
  'produced',
  'consumed',
  'droppedOverflow',
  'droppedExpired',
  'capacity',
  'consumers',
  'sojournP50',
  'sojournP95',
  'sojournP99',
] as const;

/** How many waiting message ids the view lists (the flow view draws at most this many slots individually). */
export const PC_VIEW_QUEUE_IDS = 60;

/** The flow view's input: plain data, cheap to copy to the page every frame. */
export interface PcView {
  kind: 'pc';
  producers: { active: boolean; blocked: boolean; heldMsg: number }[];
  consumers: { active: boolean; busy: boolean; msg: number }[];
  waiting: number;
  /** Infinity when unbounded. */
  capacity: number;
  /** Ids of the first waiting messages, head first (at most PC_VIEW_QUEUE_IDS). */
  queueIds: number[];
  ttl: number;
  overflow: Overflow;
}

export interface PcSummary {
  scenario: 'pc';
  seed: number;
  until: number;
  warmup: number;
  events: number;
  produced: number;
  consumed: number;
  dropped: { overflow: number; expired: number };
  waiting: number;
  inService: number;
  blocked: number;
  stats: {
    throughput: number;
    queueLength: { mean: number; max: number };
    inSystem: { mean: number };
    wait: QuantileSummary;
    sojourn: QuantileSummary;
    utilization: number;
    dropRate: number;
  };
}

/** Reads a scenario's parameter values into typed model parameters. */
export function pcParamsFrom(values: ParamValues): PcParams {
  return {
    producers: values.producers as number,
    produce: values.produce as number,
    arrival: values.arrival as Variability,
    consumers: values.consumers as number,
    consume: values.consume as number,
    service: values.service as Variability,
    capacity: values.capacity as number,
    overflow: values.overflow as Overflow,
    ttl: values.ttl as number,
  };
}

export class PcModel extends Simulation {
  readonly seed: number;
  readonly p: PcParams;

  // Producers (arrays grow when `producers` is raised; a lowered count deactivates the highest).
  private prodRng: RandomStream[] = [];
  private prodActive: boolean[] = [];
  private prodPendingSeq: number[] = [];
  private prodNextSec: number[] = [];
  private prodBlockedMsg: number[] = [];
  private prodBlockedBornSec: number[] = [];
  /** Producers blocked in put(), in the order they blocked. */
  private blockedOrder: number[] = [];

  // The queue.
  readonly queue = new MessageFifo(256);
  private expirySeq = -1;

  // Consumers.
  private consRng: RandomStream[] = [];
  private consActive: boolean[] = [];
  private consBusy: boolean[] = [];
  private consMsg: number[] = [];
  private consBornSec: number[] = [];
  private consDoneSec: number[] = [];
  private consPendingSeq: number[] = [];
  private idle: number[] = [];

  // Counters since t = 0.
  produced = 0;
  consumed = 0;
  droppedOverflow = 0;
  droppedExpired = 0;
  busy = 0;

  // Window statistics, over (warmup, now].
  private lastSec = 0;
  private areaWaiting = 0;
  private areaBusy = 0;
  private areaServers = 0;
  private maxWaiting = 0;
  private producedW = 0;
  private consumedW = 0;
  private droppedW = 0;
  readonly wait = new QuantileSketch();
  readonly sojourn = new QuantileSketch();
  private recentSojourn = new RecentWindow(256);

  constructor(params: PcParams, seed: number, opts: { warmupSec?: number; sampleIntervalSec?: number } = {}) {
    super(PC_COLUMNS, opts.sampleIntervalSec ?? 0.1, opts.warmupSec ?? 0);
    this.seed = seed;
    this.p = { ...params };
    this.setConsumers(params.consumers);
    this.setProducers(params.producers);
  }

  get waiting(): number {
    return this.queue.length;
  }
  get blocked(): number {
    return this.blockedOrder.length;
  }

  // ---- events ----------------------------------------------------------------------------------

  protected handle(kind: number, target: number, seq: number): void {
    if (kind === EV_DONE) this.onDone(target, seq);
    else if (kind === EV_ARRIVAL) this.onArrival(target, seq);
    else this.onExpiryCheck(seq);
  }

  private onArrival(p: number, seq: number): void {
    if (seq !== this.prodPendingSeq[p]) return; // rescheduled or cancelled
    this.prodPendingSeq[p] = -1;
    const id = ++this.produced;
    if (this.inWindowNow()) this.producedW++;
    this.trace?.write(this.nowSec, PcTrace.produce, id, p);
    if (this.offer(p, id, this.nowSec)) this.scheduleArrival(p);
  }

  /** A message meets the queue. Returns false when its producer is now blocked. */
  private offer(p: number, id: number, bornSec: number): boolean {
    const q = this.queue;
    if (q.length === 0 && this.idle.length > 0) {
      this.startService(this.idle.pop() as number, id, bornSec);
      return true;
    }
    if (q.length < this.p.capacity) {
      this.enqueue(p, id, bornSec);
      return true;
    }
    switch (this.p.overflow) {
      case 'drop-new':
        this.dropOverflow(id);
        return true;
      case 'drop-old':
        if (q.length > 0) {
          this.dropOverflow(q.headId());
          q.shift();
          this.expirySeq = -1; // the head changed: re-arm the expiry timer for the new head
          this.enqueue(p, id, bornSec);
        } else this.dropOverflow(id);
        return true;
      case 'block':
        this.prodBlockedMsg[p] = id;
        this.prodBlockedBornSec[p] = bornSec;
        this.blockedOrder.push(p);
        this.trace?.write(this.nowSec, PcTrace.block, id, p);
        return false;
    }
  }

  private enqueue(p: number, id: number, bornSec: number): void {
    this.queue.push(id, bornSec, this.nowSec, p);
    if (this.queue.length > this.maxWaiting) this.maxWaiting = this.queue.length;
    this.trace?.write(this.nowSec, PcTrace.enqueue, id, p);
    if (this.p.ttl !== Infinity) this.armExpiry();
  }

  private dropOverflow(id: number): void {
    this.droppedOverflow++;
    if (this.inWindowNow()) this.droppedW++;
    this.trace?.write(this.nowSec, PcTrace.dropOverflow, id, -1);
  }

  private startService(c: number, id: number, bornSec: number): void {
    const now = this.nowSec;
    this.consBusy[c] = true;
    this.consMsg[c] = id;
    this.consBornSec[c] = bornSec;
    this.busy++;
    const w = now - bornSec;
    this.wait.add(w);
    const u = this.consRng[c].next();
    const kind = this.p.service;
    const rate = this.p.consume;
    // sampleDurationSec, written out: a hot path must not call a function returning a double (see rng.ts).
    const done =
      now + (kind === 'exp' ? -Math.log(1 - u) / rate : kind === 'uniform' ? (2 * u) / rate : 1 / rate);
    this.consDoneSec[c] = done;
    this.consPendingSeq[c] = this.heap.push(done, EV_DONE, EV_DONE, c);
    this.trace?.write(now, PcTrace.start, id, c);
  }

  private onDone(c: number, seq: number): void {
    if (seq !== this.consPendingSeq[c]) return;
    this.consPendingSeq[c] = -1;
    this.consBusy[c] = false;
    this.busy--;
    this.consumed++;
    const s = this.nowSec - this.consBornSec[c];
    this.sojourn.add(s);
    this.recentSojourn.add(s);
    if (this.inWindowNow()) this.consumedW++;
    this.trace?.write(this.nowSec, PcTrace.done, this.consMsg[c], c);
    if (this.consActive[c]) this.takeNext(c);
  }

  /** An idle, active consumer looks for work: the queue's head, else a blocked producer's message. */
  private takeNext(c: number): void {
    const q = this.queue;
    if (q.length > 0) {
      const id = q.headId();
      const born = q.headBornSec();
      q.shift();
      this.startService(c, id, born);
      if (this.blockedOrder.length > 0) this.admitBlocked();
    } else if (this.blockedOrder.length > 0) {
      const p = this.blockedOrder.shift() as number;
      this.trace?.write(this.nowSec, PcTrace.unblock, this.prodBlockedMsg[p], p);
      this.startService(c, this.prodBlockedMsg[p], this.prodBlockedBornSec[p]);
      this.scheduleArrival(p);
    } else this.idle.push(c);
  }

  /** Moves blocked producers' messages into the queue while there is room, and lets them produce again. */
  private admitBlocked(): void {
    while (this.blockedOrder.length > 0 && this.queue.length < this.p.capacity) {
      const p = this.blockedOrder.shift() as number;
      this.trace?.write(this.nowSec, PcTrace.unblock, this.prodBlockedMsg[p], p);
      this.enqueue(p, this.prodBlockedMsg[p], this.prodBlockedBornSec[p]);
      this.scheduleArrival(p);
    }
  }

  /** Keeps one expiry check pending for the head of the queue (never later than the head's expiry). */
  private armExpiry(): void {
    if (this.expirySeq !== -1 || this.p.ttl === Infinity || this.queue.length === 0) return;
    const at = Math.max(this.nowSec, this.queue.headEnqueuedSec() + this.p.ttl);
    this.expirySeq = this.heap.push(at, EV_EXPIRE, EV_EXPIRE, 0);
  }

  private onExpiryCheck(seq: number): void {
    if (seq !== this.expirySeq) return;
    this.expirySeq = -1;
    const q = this.queue;
    let freed = false;
    while (q.length > 0 && q.headEnqueuedSec() + this.p.ttl <= this.nowSec) {
      this.droppedExpired++;
      if (this.inWindowNow()) this.droppedW++;
      this.trace?.write(this.nowSec, PcTrace.dropExpired, q.headId(), -1);
      q.shift();
      freed = true;
    }
    if (freed) this.admitBlocked();
    this.armExpiry();
  }

  private scheduleArrival(p: number): void {
    if (!this.prodActive[p]) return;
    const u = this.prodRng[p].next();
    const kind = this.p.arrival;
    const rate = this.p.produce;
    const at =
      this.nowSec +
      (kind === 'exp' ? -Math.log(1 - u) / rate : kind === 'uniform' ? (2 * u) / rate : 1 / rate);
    this.prodNextSec[p] = at;
    this.prodPendingSeq[p] = this.heap.push(at, EV_ARRIVAL, EV_ARRIVAL, p);
  }

  // ---- changes while running -------------------------------------------------------------------

  private setProducers(n: number): void {
    for (let p = this.prodRng.length; p < n; p++) {
      this.prodRng.push(new RandomStream(this.seed, `producer${p + 1}`));
      this.prodActive.push(false);
      this.prodPendingSeq.push(-1);
      this.prodNextSec.push(0);
      this.prodBlockedMsg.push(0);
      this.prodBlockedBornSec.push(0);
    }
    this.p.producers = n;
    for (let p = 0; p < this.prodRng.length; p++) {
      const want = p < n;
      if (want === this.prodActive[p]) continue;
      this.prodActive[p] = want;
      if (want) {
        if (!this.blockedOrder.includes(p)) this.scheduleArrival(p);
      } else this.prodPendingSeq[p] = -1; // a blocked producer still delivers the message it holds
    }
  }

  private setConsumers(n: number): void {
    for (let c = this.consRng.length; c < n; c++) {
      this.consRng.push(new RandomStream(this.seed, `consumer${c + 1}`));
      this.consActive.push(false);
      this.consBusy.push(false);
      this.consMsg.push(0);
      this.consBornSec.push(0);
      this.consDoneSec.push(0);
      this.consPendingSeq.push(-1);
    }
    this.p.consumers = n;
    // Highest index first, so that idle consumers are handed work from consumer 1 upwards.
    for (let c = this.consRng.length - 1; c >= 0; c--) {
      const want = c < n;
      if (want === this.consActive[c]) continue;
      this.consActive[c] = want;
      if (want) {
        if (!this.consBusy[c]) this.takeNext(c);
      } else {
        const i = this.idle.indexOf(c);
        if (i >= 0) this.idle.splice(i, 1); // a busy consumer finishes its message, then stops
      }
    }
  }

  /** Rescales the time left on pending arrivals or services when a rate changes (work continues at the new pace). */
  private rescale(
    pending: number[],
    dueSec: number[],
    ratio: number,
    kind: number,
    eligible: (i: number) => boolean,
  ): void {
    for (let i = 0; i < pending.length; i++) {
      if (pending[i] === -1 || !eligible(i)) continue;
      const at = this.nowSec + (dueSec[i] - this.nowSec) * ratio;
      dueSec[i] = at;
      pending[i] = this.heap.push(at, kind, kind, i);
    }
  }

  protected applyChange(name: string, value: ParamValue): void {
    const v = value as number;
    switch (name) {
      case 'producers':
        this.setProducers(v);
        break;
      case 'consumers':
        this.setConsumers(v);
        break;
      case 'produce': {
        const ratio = this.p.produce / v;
        this.p.produce = v;
        this.rescale(this.prodPendingSeq, this.prodNextSec, ratio, EV_ARRIVAL, (p) => this.prodActive[p]);
        break;
      }
      case 'consume': {
        const ratio = this.p.consume / v;
        this.p.consume = v;
        this.rescale(this.consPendingSeq, this.consDoneSec, ratio, EV_DONE, (c) => this.consBusy[c]);
        break;
      }
      case 'arrival':
        this.p.arrival = value as Variability;
        break;
      case 'service':
        this.p.service = value as Variability;
        break;
      case 'capacity':
        this.p.capacity = v;
        this.admitBlocked();
        break;
      case 'overflow':
        this.p.overflow = value as Overflow;
        if (this.p.overflow !== 'block') {
          // Producers no longer wait: each held message meets the new policy now.
          const held = this.blockedOrder.splice(0);
          for (const p of held) {
            this.trace?.write(this.nowSec, PcTrace.unblock, this.prodBlockedMsg[p], p);
            this.offer(p, this.prodBlockedMsg[p], this.prodBlockedBornSec[p]);
            this.scheduleArrival(p);
          }
        }
        break;
      case 'ttl':
        this.p.ttl = v;
        this.expirySeq = -1;
        this.armExpiry();
        break;
    }
  }

  // ---- statistics ------------------------------------------------------------------------------

  private inWindowNow(): boolean {
    return this.nowSec > this.warmupSec;
  }

  protected accumulate(tSec: number): void {
    const dt = tSec - this.lastSec;
    if (dt <= 0) return;
    const w = this.queue.length;
    const b = this.busy;
    const c = this.p.consumers;
    this.areaWaiting += w * dt;
    this.areaBusy += b * dt;
    this.areaServers += (b > c ? b : c) * dt;
    this.lastSec = tSec;
  }

  protected resetWindow(): void {
    this.areaWaiting = this.areaBusy = this.areaServers = 0;
    this.maxWaiting = this.queue.length;
    this.producedW = this.consumedW = this.droppedW = 0;
    this.wait.reset();
    this.sojourn.reset();
  }

  protected sampleInto(row: number[]): void {
    row[0] = this.queue.length;
    row[1] = this.busy;
    row[2] = this.blockedOrder.length;
    row[3] = this.produced;
    row[4] = this.consumed;
    row[5] = this.droppedOverflow;
    row[6] = this.droppedExpired;
    row[7] = this.p.capacity;
    row[8] = this.p.consumers;
    this.recentSojourn.percentilesInto(row, 9);
  }

  /** The CLI summary of CONTRACT §2 (without `wallMs`, which the caller measures). */
  summary(): PcSummary {
    const win = this.windowSec();
    // The areas run up to the last event; add the constant tail up to now.
    const tail = Math.max(0, this.nowSec - Math.max(this.lastSec, this.warmupSec));
    const w = this.queue.length;
    const servers = Math.max(this.p.consumers, this.busy);
    const per = (area: number, value: number) => (win > 0 ? (area + value * tail) / win : 0);
    return {
      scenario: 'pc',
      seed: this.seed,
      until: this.nowSec,
      warmup: this.warmupSec,
      events: this.events,
      produced: this.produced,
      consumed: this.consumed,
      dropped: { overflow: this.droppedOverflow, expired: this.droppedExpired },
      waiting: this.queue.length,
      inService: this.busy,
      blocked: this.blockedOrder.length,
      stats: {
        throughput: win > 0 ? this.consumedW / win : 0,
        queueLength: { mean: per(this.areaWaiting, w), max: this.maxWaiting },
        inSystem: { mean: per(this.areaWaiting, w) + per(this.areaBusy, this.busy) },
        wait: this.wait.summary(),
        sojourn: this.sojourn.summary(),
        utilization:
          per(this.areaServers, servers) > 0
            ? per(this.areaBusy, this.busy) / per(this.areaServers, servers)
            : 0,
        dropRate: this.producedW > 0 ? this.droppedW / this.producedW : 0,
      },
    };
  }

  /** What the flow view draws: who is busy with which message, who is blocked, what waits. */
  view(): PcView {
    const shown = Math.min(this.queue.length, PC_VIEW_QUEUE_IDS);
    const queueIds: number[] = [];
    for (let i = 0; i < shown; i++) queueIds.push(this.queue.idAt(i));
    return {
      kind: 'pc',
      producers: this.prodRng.map((_, p) => ({
        active: this.prodActive[p],
        blocked: this.blockedOrder.includes(p),
        heldMsg: this.blockedOrder.includes(p) ? this.prodBlockedMsg[p] : 0,
      })),
      consumers: this.consRng.map((_, c) => ({
        active: this.consActive[c],
        busy: this.consBusy[c],
        msg: this.consMsg[c],
      })),
      waiting: this.queue.length,
      capacity: this.p.capacity,
      queueIds,
      ttl: this.p.ttl,
      overflow: this.p.overflow,
    };
  }

  storedMessages(): number {
    return this.queue.length;
  }

  recentLatencies(): Float64Array {
    return this.recentSojourn.values();
  }
}
