// One secondary step of a purchase (order, SMS or statistics): its counters and, in async mode, its queue and worker group.
import type { EventHeap } from './heap.ts';
import { rescalePending } from './rescale.ts';
import { MessageFifo } from './fifo.ts';
import { RandomStream } from './rng.ts';
import { sampleDurationSec } from './variability.ts';

export type StepName = 'order' | 'sms' | 'stats';
export const STEP_NAMES: readonly StepName[] = ['order', 'sms', 'stats'];

/** CONTRACT §2: per asynchronous step. `backlog` = purchases locked whose step is not done yet. */
export interface StepSummary {
  done: number;
  backlog: number;
  maxBacklog: number;
  /** Mean seconds from the inventory lock to this step done (over the measurement window). */
  lagMean: number;
}

/**
 * Counts purchases through one step. In async mode it also owns the step's message queue (a FIFO of
 * locked purchases, unbounded) and a group of competing workers, each with its own random stream
 * (`order1`, `order2`, …) and exponential processing times at `ratePerSec`. Completion events are
 * scheduled on the model's heap with this step's event kind, the worker's index as target.
 */
export class StepGroup {
  readonly queue = new MessageFifo(256);
  done = 0;
  backlog = 0;
  maxBacklog = 0;
  busy = 0;
  /** Request id of the purchase whose step finished last (async mode; for the trace). */
  lastDoneId = 0;
  private lagSumSec = 0;
  private lagCount = 0;

  private rng: RandomStream[] = [];
  private active: boolean[] = [];
  private isBusy: boolean[] = [];
  private reqId: number[] = [];
  private lockSec: number[] = [];
  private doneSec: number[] = [];
  private pendingSeq: number[] = [];
  private idle: number[] = [];

  constructor(
    readonly name: StepName,
    readonly kind: number,
    public ratePerSec: number,
    private readonly seed: number,
  ) {}

  get workers(): number {
    let n = 0;
    for (const a of this.active) if (a) n++;
    return n;
  }

  /** A purchase was locked: one more item this step owes (both modes). */
  recordLock(): void {
    if (++this.backlog > this.maxBacklog) this.maxBacklog = this.backlog;
  }

  /** The step finished for a purchase locked at `lockSec` (both modes). */
  recordDone(nowSec: number, lockSec: number, inWindow: boolean): void {
    this.done++;
    this.backlog--;
    if (inWindow) {
      this.lagSumSec += nowSec - lockSec;
      this.lagCount++;
    }
  }

  /** Async mode: a message for a purchase locked now joins this step's queue (or goes straight to an idle worker). */
  offer(id: number, nowSec: number, heap: EventHeap): void {
    this.recordLock();
    if (this.queue.length === 0 && this.idle.length > 0)
      this.start(this.idle.pop() as number, id, nowSec, nowSec, heap);
    else this.queue.push(id, nowSec, nowSec, 0);
  }

  private start(w: number, id: number, lockSec: number, nowSec: number, heap: EventHeap): void {
    this.isBusy[w] = true;
    this.reqId[w] = id;
    this.busy++;
    this.lockSec[w] = lockSec;
    const at = nowSec + sampleDurationSec('exp', this.ratePerSec, this.rng[w]);
    this.doneSec[w] = at;
    this.pendingSeq[w] = heap.push(at, this.kind, this.kind, w);
  }

  /** Async mode: worker `w`'s completion event. Returns false for a stale (rescheduled) event. */
  complete(w: number, seq: number, nowSec: number, inWindow: boolean, heap: EventHeap): boolean {
    if (seq !== this.pendingSeq[w]) return false;
    this.pendingSeq[w] = -1;
    this.isBusy[w] = false;
    this.busy--;
    this.lastDoneId = this.reqId[w];
    this.recordDone(nowSec, this.lockSec[w], inWindow);
    if (this.active[w]) this.takeNext(w, nowSec, heap);
    return true;
  }

  private takeNext(w: number, nowSec: number, heap: EventHeap): void {
    const q = this.queue;
    if (q.length > 0) {
      const id = q.headId();
      const lock = q.headBornSec();
      q.shift();
      this.start(w, id, lock, nowSec, heap);
    } else this.idle.push(w);
  }

  /** Sets the number of workers: new ones start taking work, removed ones finish their message and stop. */
  setWorkers(n: number, nowSec: number, heap: EventHeap): void {
    for (let w = this.rng.length; w < n; w++) {
      this.rng.push(new RandomStream(this.seed, `${this.name}${w + 1}`));
      this.active.push(false);
      this.isBusy.push(false);
      this.reqId.push(0);
      this.lockSec.push(0);
      this.doneSec.push(0);
      this.pendingSeq.push(-1);
    }
    for (let w = this.rng.length - 1; w >= 0; w--) {
      const want = w < n;
      if (want === this.active[w]) continue;
      this.active[w] = want;
      if (want) {
        if (!this.isBusy[w]) this.takeNext(w, nowSec, heap);
      } else {
        const i = this.idle.indexOf(w);
        if (i >= 0) this.idle.splice(i, 1);
      }
    }
  }

  /** Changes the rate; messages in progress continue at the new pace (their remaining time is rescaled). */
  setRate(ratePerSec: number, nowSec: number, heap: EventHeap): void {
    const ratio = this.ratePerSec / ratePerSec;
    this.ratePerSec = ratePerSec;
    rescalePending(heap, nowSec, this.pendingSeq, this.doneSec, this.kind, () => ratio);
  }

  resetWindow(): void {
    this.lagSumSec = 0;
    this.lagCount = 0;
  }

  summary(): StepSummary {
    return {
      done: this.done,
      backlog: this.backlog,
      maxBacklog: this.maxBacklog,
      lagMean: this.lagCount > 0 ? this.lagSumSec / this.lagCount : 0,
    };
  }
}
