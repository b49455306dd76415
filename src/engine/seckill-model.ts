// The flash-sale model (CONTRACT §1 s=seckill): a crowd, a peak-shaving queue, servers on the critical path, async steps.
import type { ParamValue } from '../scenarios/schema.ts';
import { Simulation } from './kernel.ts';
import { RandomStream } from './rng.ts';
import { MessageFifo } from './fifo.ts';
import { QuantileSketch, RecentWindow } from './sketch.ts';
import { CrowdArrivals } from './seckill-crowd.ts';
import { STEP_NAMES, StepGroup } from './seckill-steps.ts';
import { ServerPool } from './seckill-servers.ts';
import { QueueDeadline } from './queue-deadline.ts';
import { ArrivalRate, seckillRow, seckillSummary, seckillView } from './seckill-report.ts';
import {
  SECKILL_COLUMNS,
  SECKILL_SAMPLE_INTERVAL_SEC,
  SeckillTrace,
  type SeckillParams,
  type SeckillSummary,
  type SeckillView,
} from './seckill-types.ts';

export * from './seckill-types.ts';

/** Event kinds; the kind is also the priority, ordering simultaneous events as listed. */
const EV_TIMEOUT = 0;
const EV_SERVER = 1;
const EV_ORDER = 2;
const EV_SMS = 3;
const EV_STATS = 4;
const EV_ARRIVAL = 5;

/**
 * Life of a request: click → gateway. Sold out: rejected at once ("fail fast", no server used). An idle
 * server and nobody waiting: service. Otherwise it waits in the peak-shaving queue if there is room
 * (`buffer`), else it is rejected at once (`full`); a request that has waited `timeout` seconds fails.
 * A server runs the critical path in an exponential time of mean 1/serve, then risk control (stream
 * `risk`) rejects a fraction `risk`, then the inventory lock takes one item, or answers "sold out" if
 * the last item went while this request was being served. When the last item is locked, everyone still
 * waiting is answered "sold out" at once. Async: the success reply goes out at the lock and the
 * purchase becomes one message in each of the order, SMS and statistics queues. Sync: the same server
 * then creates the order, sends the SMS and updates statistics (exponential times at those rates, drawn
 * from the server's stream) before it replies.
 *
 * Parameters changeable while running: servers, serve, buffer, timeout, risk, order, sms, stats,
 * workers. users, window, profile, stock and mode are fixed at t = 0 (`applyChange` ignores them).
 * A lowered `buffer` evicts nobody; it only turns new arrivals away until the queue is short enough.
 */
export class SeckillModel extends Simulation {
  readonly seed: number;
  readonly p: SeckillParams;
  private readonly crowd: CrowdArrivals;
  private arrivalSeq = -1;
  private readonly riskRng: RandomStream;

  readonly queue = new MessageFifo(1024);
  private readonly timeout = new QueueDeadline(this.queue, EV_TIMEOUT, SeckillTrace.timeout);

  /** Servers of the critical path (phase 0) and, in sync mode, of the steps inside the request (1–3). */
  private readonly srv: ServerPool;

  readonly steps: readonly StepGroup[];

  // Counters since t = 0.
  requests = 0;
  served = 0;
  rejectedFull = 0;
  rejectedRisk = 0;
  rejectedSoldOut = 0;
  timedOut = 0;
  succeeded = 0;
  stockLeft: number;
  maxWaiting = 0;
  soldOutAtSec: number | null = null;
  private lastStepDoneSec = 0;

  // Window statistics, over (warmup, now].
  private lastSec = 0;
  private areaInconsistency = 0;
  readonly response = new QuantileSketch();
  readonly responseSucceeded = new QuantileSketch();
  private recentResponse = new RecentWindow(256);
  /** Clicks per 10-ms bucket, for view(). */
  private readonly arrivalRate = new ArrivalRate();

  constructor(
    params: SeckillParams,
    seed: number,
    opts: { warmupSec?: number; sampleIntervalSec?: number } = {},
  ) {
    super(SECKILL_COLUMNS, opts.sampleIntervalSec ?? SECKILL_SAMPLE_INTERVAL_SEC, opts.warmupSec ?? 0);
    this.seed = seed;
    this.p = { ...params };
    this.stockLeft = params.stock;
    if (this.stockLeft === 0) this.soldOutAtSec = 0;
    this.crowd = new CrowdArrivals(
      params.users,
      params.windowSec,
      params.profile,
      new RandomStream(seed, 'crowd'),
    );
    this.riskRng = new RandomStream(seed, 'risk');
    this.srv = new ServerPool(seed, EV_SERVER);
    const rates = [params.orderPerSec, params.smsPerSec, params.statsPerSec];
    const kinds = [EV_ORDER, EV_SMS, EV_STATS];
    this.steps = STEP_NAMES.map((name, i) => new StepGroup(name, kinds[i], rates[i], seed));
    if (params.mode === 'async') for (const g of this.steps) g.setWorkers(params.workers, 0, this.heap);
    this.srv.resize(params.servers, (s) => this.takeNext(s));
    this.scheduleArrival();
  }

  /** Servers busy now (the CLI's `inService`). */
  get busy(): number {
    return this.srv.busyCount;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Every request that has clicked is accounted for exactly once (CONTRACT §2). */
  conservationHolds(): boolean {
    const ended =
      this.succeeded + this.rejectedFull + this.rejectedRisk + this.rejectedSoldOut + this.timedOut;
    return this.requests === ended + this.queue.length + this.busy;
  }

  /** People who have not clicked yet (the crowd generator is one ahead: its next click is already scheduled). */
  crowdLeft(): number {
    return this.crowd.remaining + (this.arrivalSeq === -1 ? 0 : 1);
  }

  /** True once nobody is left to click, wait or be served and every async backlog is zero. */
  override isFinished(): boolean {
    if (this.crowdLeft() > 0 || this.queue.length > 0 || this.busy > 0) return false;
    return this.steps[0].backlog + this.steps[1].backlog + this.steps[2].backlog === 0;
  }

  /**
   * Runs until nothing is left to happen (the whole crowd answered, every backlog drained) or `limitSec`.
   * The clock stops at most 10 ms after the last event that mattered (a stale timeout check may stay
   * pending; it changes nothing). Returns true when the sale finished.
   */
  runToEnd(limitSec = 1e7): boolean {
    while (!this.isFinished() && this.nextEventSec() <= limitSec) {
      this.runUntil(Math.min(limitSec, this.nextEventSec() + SECKILL_SAMPLE_INTERVAL_SEC));
    }
    return this.isFinished();
  }

  // ---- events ----------------------------------------------------------------------------------

  protected handle(kind: number, target: number, seq: number): void {
    switch (kind) {
      case EV_ARRIVAL:
        this.onArrival(seq);
        break;
      case EV_SERVER:
        this.onServerDone(target, seq);
        break;
      case EV_TIMEOUT:
        this.timedOut += this.timeout.expire(seq, this.p.timeoutSec, this.nowSec, this.heap, this.trace);
        break;
      default: {
        const g = this.steps[kind - EV_ORDER];
        if (g.complete(target, seq, this.nowSec, this.inWindowNow(), this.heap))
          this.afterStepDone(kind - EV_ORDER, g.lastDoneId);
      }
    }
  }

  private scheduleArrival(): void {
    const at = this.crowd.next();
    this.arrivalSeq = at === Infinity ? -1 : this.heap.push(at, EV_ARRIVAL, EV_ARRIVAL, 0);
  }

  private onArrival(seq: number): void {
    if (seq !== this.arrivalSeq) return;
    const now = this.nowSec;
    const id = ++this.requests;
    this.arrivalRate.count(now);
    this.trace?.write(now, SeckillTrace.arrive, id, -1);
    if (this.stockLeft === 0) {
      this.rejectedSoldOut++;
      this.trace?.write(now, SeckillTrace.rejectSoldOut, id, -1);
    } else if (this.queue.length === 0 && this.srv.idle.length > 0) {
      this.startService(this.srv.idle.pop() as number, id, now);
    } else if (this.queue.length < this.p.buffer) {
      this.queue.push(id, now, now, 0);
      if (this.queue.length > this.maxWaiting) this.maxWaiting = this.queue.length;
      this.trace?.write(now, SeckillTrace.enqueue, id, -1);
      this.timeout.arm(this.p.timeoutSec, now, this.heap);
    } else {
      this.rejectedFull++;
      this.trace?.write(now, SeckillTrace.rejectFull, id, -1);
    }
    this.scheduleArrival();
  }

  private startService(s: number, id: number, clickSec: number): void {
    this.srv.occupy(s, id, clickSec);
    this.srv.schedule(s, this.p.servePerSec, this.nowSec, this.heap);
    this.trace?.write(this.nowSec, SeckillTrace.start, id, s);
  }

  private onServerDone(s: number, seq: number): void {
    if (seq !== this.srv.pendingSeq[s]) return;
    this.srv.pendingSeq[s] = -1;
    const now = this.nowSec;
    const id = this.srv.req[s];
    const phase = this.srv.phase[s];
    if (phase === 0) {
      if (this.riskRng.next() < this.p.risk) {
        this.rejectedRisk++;
        this.trace?.write(now, SeckillTrace.rejectRisk, id, s);
        this.reply(s, false);
        return;
      }
      if (this.stockLeft === 0) {
        this.rejectedSoldOut++;
        this.trace?.write(now, SeckillTrace.rejectSoldOut, id, s);
        this.reply(s, false);
        return;
      }
      this.lock(s, id);
      return;
    }
    // Sync mode: step `phase - 1` finished inside the request.
    this.steps[phase - 1].recordDone(now, this.srv.lockSec[s], this.inWindowNow());
    this.afterStepDone(phase - 1, id);
    if (phase === 3) {
      this.succeeded++;
      this.trace?.write(now, SeckillTrace.success, id, s);
      this.reply(s, true);
    } else {
      this.srv.phase[s] = phase + 1;
      this.srv.schedule(s, this.steps[phase].ratePerSec, this.nowSec, this.heap);
    }
  }

  /** The inventory lock: one item, never below zero. */
  private lock(s: number, id: number): void {
    const now = this.nowSec;
    this.stockLeft--;
    if (this.stockLeft < 0) throw new Error('seckill: oversold (stock below zero)');
    this.srv.lockSec[s] = now;
    this.trace?.write(now, SeckillTrace.lock, id, s, this.stockLeft);
    if (this.stockLeft === 0) this.onSoldOut();
    if (this.p.mode === 'async') {
      for (const g of this.steps) g.offer(id, now, this.heap);
      this.succeeded++;
      this.trace?.write(now, SeckillTrace.success, id, s);
      this.reply(s, true);
    } else {
      for (const g of this.steps) g.recordLock();
      this.srv.phase[s] = 1;
      this.srv.schedule(s, this.steps[0].ratePerSec, this.nowSec, this.heap);
    }
  }

  /** The last item is gone: everyone waiting is told "sold out" now instead of waiting for a server. */
  private onSoldOut(): void {
    const now = this.nowSec;
    this.soldOutAtSec = now;
    this.trace?.write(now, SeckillTrace.soldOut, 0, -1);
    const q = this.queue;
    while (q.length > 0) {
      this.rejectedSoldOut++;
      this.trace?.write(now, SeckillTrace.rejectSoldOut, q.headId(), -1);
      q.shift();
    }
  }

  /** A server answers its request (click → reply is the response time) and takes the next one. */
  private reply(s: number, success: boolean): void {
    const r = this.nowSec - this.srv.clickSec[s];
    this.served++;
    this.response.add(r);
    this.recentResponse.add(r);
    if (success) this.responseSucceeded.add(r);
    this.srv.release(s);
    if (this.srv.active[s]) this.takeNext(s);
  }

  private takeNext(s: number): void {
    const q = this.queue;
    if (q.length > 0) {
      const id = q.headId();
      const click = q.headBornSec();
      q.shift();
      this.startService(s, id, click);
    } else this.srv.idle.push(s);
  }

  private afterStepDone(step: number, id: number): void {
    this.lastStepDoneSec = this.nowSec;
    this.trace?.write(this.nowSec, SeckillTrace.stepDone, id, step);
  }

  // ---- changes while running -------------------------------------------------------------------

  protected applyChange(name: string, value: ParamValue): void {
    const v = value as number;
    switch (name) {
      case 'servers':
        this.p.servers = v;
        this.srv.resize(v, (s) => this.takeNext(s));
        break;
      case 'serve':
        this.srv.rescale(0, this.p.servePerSec / v, this.nowSec, this.heap);
        this.p.servePerSec = v;
        break;
      case 'buffer':
        this.p.buffer = v;
        break;
      case 'timeout':
        this.p.timeoutSec = v;
        this.timeout.cancel();
        this.timeout.arm(v, this.nowSec, this.heap);
        break;
      case 'risk':
        this.p.risk = v;
        break;
      case 'workers':
        this.p.workers = v;
        if (this.p.mode === 'async') for (const g of this.steps) g.setWorkers(v, this.nowSec, this.heap);
        break;
      case 'order':
      case 'sms':
      case 'stats': {
        const i = STEP_NAMES.indexOf(name);
        const g = this.steps[i];
        this.srv.rescale(i + 1, g.ratePerSec / v, this.nowSec, this.heap);
        g.setRate(v, this.nowSec, this.heap);
        if (name === 'order') this.p.orderPerSec = v;
        else if (name === 'sms') this.p.smsPerSec = v;
        else this.p.statsPerSec = v;
        break;
      }
      // users, window, profile, stock, mode: fixed at t = 0.
    }
  }

  // ---- statistics ------------------------------------------------------------------------------

  private inWindowNow(): boolean {
    return this.nowSec > this.warmupSec;
  }

  protected accumulate(tSec: number): void {
    const dt = tSec - this.lastSec;
    if (dt <= 0) return;
    this.areaInconsistency += this.steps[0].backlog * dt;
    this.lastSec = tSec;
  }

  protected resetWindow(): void {
    this.areaInconsistency = 0;
    this.response.reset();
    this.responseSucceeded.reset();
    for (const g of this.steps) g.resetWindow();
  }

  protected sampleInto(row: number[]): void {
    seckillRow(this, row);
    this.recentResponse.percentilesInto(row, 14);
  }

  /** The CLI summary of CONTRACT §2 (without `wallMs`, which the caller measures). */
  summary(): SeckillSummary {
    const w = { sec: this.windowSec(), area: this.areaInconsistency, lastSec: this.lastSec };
    return seckillSummary(this, w, this.lastStepDoneSec);
  }

  /** Messages stored anywhere: the peak-shaving queue and the three async backlogs. */
  storedMessages(): number {
    return this.queue.length + this.steps[0].backlog + this.steps[1].backlog + this.steps[2].backlog;
  }

  /** Latest response times of served requests, for the live histogram. */
  recentLatencies(): Float64Array {
    return this.recentResponse.values();
  }

  /** A small plain object for the flow view (see SeckillView). */
  view(): SeckillView {
    return seckillView(this, this.arrivalRate.perSec(this.nowSec));
  }
}
