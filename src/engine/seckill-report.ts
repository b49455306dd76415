// Read-outs of the flash-sale model: the CLI summary, the flow view, the series row and the arrival-rate meter behind the view.
import type { SeckillModel } from './seckill-model.ts';
import type { SeckillSummary, SeckillView } from './seckill-types.ts';

/** Width of the buckets behind `view().arrivalsPerSec`. */
const RATE_BUCKET_SEC = 0.01;

/** Clicks counted in 10-ms buckets; the rate read is that of the last complete bucket. */
export class ArrivalRate {
  private bucketIndex = 0;
  private bucketCount = 0;
  private prevBucketCount = 0;

  count(nowSec: number): void {
    const b = Math.floor(nowSec / RATE_BUCKET_SEC);
    if (b !== this.bucketIndex) {
      this.prevBucketCount = b === this.bucketIndex + 1 ? this.bucketCount : 0;
      this.bucketIndex = b;
      this.bucketCount = 0;
    }
    this.bucketCount++;
  }

  perSec(nowSec: number): number {
    const b = Math.floor(nowSec / RATE_BUCKET_SEC);
    const lastFull =
      b === this.bucketIndex ? this.prevBucketCount : b === this.bucketIndex + 1 ? this.bucketCount : 0;
    return lastFull / RATE_BUCKET_SEC;
  }
}

/** The model's inconsistency integral: ∫ order backlog dt over the window, up to its last event at `lastSec`. */
export interface InconsistencyArea {
  /** Length of the window so far. */
  sec: number;
  area: number;
  lastSec: number;
}

/**
 * The CLI summary of CONTRACT §2 (without `wallMs`), from the model's state plus what only it keeps: its
 * inconsistency area and when the last async step finished.
 */
export function seckillSummary(
  m: SeckillModel,
  w: InconsistencyArea,
  lastStepDoneSec: number,
): SeckillSummary {
  const [order, sms, stats] = m.steps;
  const drained = m.isFinished();
  // The area runs up to the last event; the backlog has been constant since, up to now.
  const tail = order.backlog * Math.max(0, m.nowSec - Math.max(w.lastSec, m.warmupSec));
  return {
    scenario: 'seckill',
    seed: m.seed,
    until: m.nowSec,
    warmup: m.warmupSec,
    events: m.events,
    mode: m.p.mode,
    requests: m.requests,
    rejected: { full: m.rejectedFull, risk: m.rejectedRisk, soldOut: m.rejectedSoldOut },
    timedOut: m.timedOut,
    succeeded: m.succeeded,
    stockLeft: m.stockLeft,
    oversold: Math.max(0, -m.stockLeft),
    waiting: m.queue.length,
    inService: m.busy,
    served: m.served,
    response: m.response.summary(),
    responseSucceeded: m.responseSucceeded.summary(),
    order: order.summary(),
    sms: sms.summary(),
    stats: stats.summary(),
    inconsistency: { max: order.maxBacklog, mean: w.sec > 0 ? (w.area + tail) / w.sec : 0 },
    maxWaiting: m.maxWaiting,
    soldOutAtSec: m.soldOutAtSec,
    drainedAtSec: drained ? (order.done > 0 ? lastStepDoneSec : 0) : null,
  };
}

/** A small plain object for the flow view (see SeckillView). */
export function seckillView(m: SeckillModel, arrivalsPerSec: number): SeckillView {
  const p = m.p;
  return {
    timeSec: m.nowSec,
    mode: p.mode,
    arrivalsPerSec,
    crowdLeft: m.crowdLeft(),
    queue: { waiting: m.queue.length, capacity: p.buffer, timeoutSec: p.timeoutSec },
    servers: { count: p.servers, busy: m.busy },
    stock: { left: m.stockLeft, initial: p.stock, soldOut: m.stockLeft === 0 },
    steps: m.steps.map((g) => ({
      name: g.name,
      backlog: g.backlog,
      waiting: g.queue.length,
      workersBusy: g.busy,
      workers: p.mode === 'async' ? g.workers : 0,
      ratePerSec: g.ratePerSec,
    })),
  };
}

/** Fills one series row (SECKILL_COLUMNS) except the response percentiles, which the model adds from its window. */
export function seckillRow(m: SeckillModel, row: number[]): void {
  const steps = m.steps;
  row[0] = m.requests;
  row[1] = m.served;
  row[2] = m.queue.length;
  row[3] = m.busy;
  row[4] = m.rejectedFull;
  row[5] = m.rejectedRisk;
  row[6] = m.rejectedSoldOut;
  row[7] = m.timedOut;
  row[8] = m.succeeded;
  row[9] = m.stockLeft;
  row[10] = steps[0].backlog;
  row[11] = steps[1].backlog;
  row[12] = steps[2].backlog;
  row[13] = steps[0].backlog;
}
