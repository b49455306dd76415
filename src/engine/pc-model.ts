// The producer/consumer model (CONTRACT §1 s=pc): producers, one queue with capacity/overflow/TTL, competing consumers.
import type { ParamValue } from '../scenarios/schema.ts';
import { Simulation } from './kernel.ts';
import { RandomStream } from './rng.ts';
import { MessageFifo } from './fifo.ts';
import { QueueDeadline } from './queue-deadline.ts';
import { rescalePending } from './rescale.ts';
import { PcWindowStats } from './pc-stats.ts';
import type { Variability } from './variability.ts';
import {
  PC_COLUMNS,
  PC_VIEW_QUEUE_IDS,
  PcTrace,
  type Overflow,
  type PcParams,
  type PcSummary,
  type PcView,
} from './pc-types.ts';

export * from './pc-types.ts';

/**
 * Event kinds; a kind doubles as its priority for simultaneous events: completions, then arrivals, then the
 * expiry check, so a message that has waited exactly `ttl` can still be taken at that instant (it expires
 * only once it has waited longer, CONTRACT §1).
 */
const EV_EXPIRE = 3;
const EV_DONE = 1;
const EV_ARRIVAL = 2;

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
  private readonly expiry = new QueueDeadline(this.queue, EV_EXPIRE, PcTrace.dropExpired);

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
  private readonly w = new PcWindowStats();

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
    if (this.inWindowNow()) this.w.producedW++;
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
          this.expiry.cancel(); // the head changed: re-arm the expiry check for the new head
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
    if (this.queue.length > this.w.maxWaiting) this.w.maxWaiting = this.queue.length;
    this.trace?.write(this.nowSec, PcTrace.enqueue, id, p);
    if (this.p.ttl !== Infinity) this.expiry.arm(this.p.ttl, this.nowSec, this.heap);
  }

  private dropOverflow(id: number): void {
    this.droppedOverflow++;
    if (this.inWindowNow()) this.w.droppedW++;
    this.trace?.write(this.nowSec, PcTrace.dropOverflow, id, -1);
  }

  private startService(c: number, id: number, bornSec: number): void {
    const now = this.nowSec;
    this.consBusy[c] = true;
    this.consMsg[c] = id;
    this.consBornSec[c] = bornSec;
    this.busy++;
    const w = now - bornSec;
    this.w.wait.add(w);
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
    this.w.sojourn.add(s);
    this.w.recentSojourn.add(s);
    if (this.inWindowNow()) this.w.consumedW++;
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

  private onExpiryCheck(seq: number): void {
    const n = this.expiry.expire(seq, this.p.ttl, this.nowSec, this.heap, this.trace);
    if (n === 0) return;
    this.droppedExpired += n;
    if (this.inWindowNow()) this.w.droppedW += n;
    this.admitBlocked();
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
        rescalePending(this.heap, this.nowSec, this.prodPendingSeq, this.prodNextSec, EV_ARRIVAL, (p) =>
          this.prodActive[p] ? ratio : null,
        );
        break;
      }
      case 'consume': {
        const ratio = this.p.consume / v;
        this.p.consume = v;
        rescalePending(this.heap, this.nowSec, this.consPendingSeq, this.consDoneSec, EV_DONE, (c) =>
          this.consBusy[c] ? ratio : null,
        );
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
        this.expiry.cancel();
        this.expiry.arm(v, this.nowSec, this.heap);
        break;
    }
  }

  // ---- statistics ------------------------------------------------------------------------------

  private inWindowNow(): boolean {
    return this.nowSec > this.warmupSec;
  }

  protected accumulate(tSec: number): void {
    this.w.accumulate(tSec, this.queue.length, this.busy, this.p.consumers);
  }

  protected resetWindow(): void {
    this.w.reset(this.queue.length);
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
    this.w.recentSojourn.percentilesInto(row, 9);
  }

  /** The CLI summary of CONTRACT §2 (without `wallMs`, which the caller measures). */
  summary(): PcSummary {
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
      stats: this.w.stats(this.nowSec, this.warmupSec, this.queue.length, this.busy, this.p.consumers),
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
    return this.w.recentSojourn.values();
  }
}
