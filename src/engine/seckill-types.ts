// Plain types and constants of the flash-sale model: parameters, trace kinds, series columns, summary and view shapes.
import type { ParamValues } from '../scenarios/schema.ts';
import type { QuantileSummary } from './sketch.ts';
import type { CrowdProfile } from './seckill-crowd.ts';
import type { StepName, StepSummary } from './seckill-steps.ts';

export type SeckillMode = 'async' | 'sync';

export interface SeckillParams {
  users: number;
  windowSec: number;
  profile: CrowdProfile;
  stock: number;
  servers: number;
  servePerSec: number;
  /** Most requests WAITING for a server; Infinity = unbounded, 0 = no queue. */
  buffer: number;
  /** Seconds a request may wait in the queue; Infinity = never times out. */
  timeoutSec: number;
  /** Fraction of served requests that risk control rejects. */
  risk: number;
  mode: SeckillMode;
  orderPerSec: number;
  smsPerSec: number;
  statsPerSec: number;
  workers: number;
}

/** What the trace records (msg = request id; comp = server, worker or step index). */
export const SeckillTrace = {
  arrive: 1,
  enqueue: 2,
  start: 3,
  rejectFull: 4,
  rejectSoldOut: 5,
  timeout: 6,
  rejectRisk: 7,
  /** Stock locked; extra = stock left after the lock. */
  lock: 8,
  /** The user got "you bought it" (async: at the lock; sync: after the last step). */
  success: 9,
  /** A step finished for a purchase; comp = 0 order, 1 SMS, 2 statistics. */
  stepDone: 10,
  /** The last item was locked. */
  soldOut: 11,
} as const;

export const SECKILL_COLUMNS = [
  'arrivals',
  'served',
  'waiting',
  'inService',
  'rejectedFull',
  'rejectedRisk',
  'rejectedSoldOut',
  'timedOut',
  'succeeded',
  'stockLeft',
  'orderBacklog',
  'smsBacklog',
  'statsBacklog',
  'inconsistency',
  'responseP50',
  'responseP95',
  'responseP99',
] as const;

/** Seconds between time-series samples: a 1-s rush gets 100 points (the series coarsens itself as a run grows). */
export const SECKILL_SAMPLE_INTERVAL_SEC = 0.01;

export interface SeckillSummary {
  scenario: 'seckill';
  seed: number;
  until: number;
  warmup: number;
  events: number;
  mode: SeckillMode;
  requests: number;
  rejected: { full: number; risk: number; soldOut: number };
  timedOut: number;
  succeeded: number;
  stockLeft: number;
  oversold: number;
  waiting: number;
  inService: number;
  /** Requests a server finished and replied to (the "answered" ones behind `response`). */
  served: number;
  response: QuantileSummary;
  /** Click → "you bought it", over successful purchases only. */
  responseSucceeded: QuantileSummary;
  order: StepSummary;
  sms: StepSummary;
  stats: StepSummary;
  /** Purchases with stock locked but no order yet: most at once, and time-averaged over the window. */
  inconsistency: { max: number; mean: number };
  maxWaiting: number;
  /** When the last item was locked (null while stock is left). */
  soldOutAtSec: number | null;
  /** When the last async step finished, once the sale is over and every backlog is zero (else null). */
  drainedAtSec: number | null;
}

/** What the flow view draws at one moment. */
export interface SeckillView {
  timeSec: number;
  mode: SeckillMode;
  /** Clicks per second over the last complete 10-ms bucket. */
  arrivalsPerSec: number;
  crowdLeft: number;
  queue: { waiting: number; capacity: number; timeoutSec: number };
  servers: { count: number; busy: number };
  stock: { left: number; initial: number; soldOut: boolean };
  steps: {
    name: StepName;
    backlog: number;
    waiting: number;
    workersBusy: number;
    workers: number;
    ratePerSec: number;
  }[];
}

/** Reads a scenario's parameter values into typed model parameters. */
export function seckillParamsFrom(values: ParamValues): SeckillParams {
  return {
    users: values.users as number,
    windowSec: values.window as number,
    profile: values.profile as CrowdProfile,
    stock: values.stock as number,
    servers: values.servers as number,
    servePerSec: values.serve as number,
    buffer: values.buffer as number,
    timeoutSec: values.timeout as number,
    risk: values.risk as number,
    mode: values.mode as SeckillMode,
    orderPerSec: values.order as number,
    smsPerSec: values.sms as number,
    statsPerSec: values.stats as number,
    workers: values.workers as number,
  };
}
