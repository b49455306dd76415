// Producer/consumer model types: parameters, trace kinds, series columns, the flow view's data and the CLI summary.
import type { ParamValues } from '../scenarios/schema.ts';
import type { QuantileSummary } from './sketch.ts';
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
