// The pub/sub model's public shapes: parameters, summary (CONTRACT §2), flow view, trace kinds, series columns, message ids.
import type { ParamValue, ParamValues } from '../scenarios/schema.ts';
import { expandList } from '../scenarios/schema.ts';
import type { QuantileSummary } from './sketch.ts';
import type { Variability } from './variability.ts';

/** Schema maxima (CONTRACT §1): per-publisher and per-subscriber lists are always expanded to these lengths. */
export const MAX_PUBLISHERS = 20;
export const MAX_SUBSCRIBERS = 20;

export type PubSubMode = 'zmq' | 'durable';

/**
 * Typed parameters. List-valued parameters hold one entry per possible publisher/subscriber (length 20),
 * so that raising `publishers` or `subscribers` while running finds the values the URL gave.
 */
export interface PubSubParams {
  publishers: number;
  /** Messages per second, per publisher. */
  publish: number[];
  arrival: Variability;
  /** Each publisher's topic (`{i}` already replaced by its 1-based index). */
  topics: string[];
  subscribers: number;
  /** Each subscriber's subscription: a case-sensitive topic prefix; '' matches everything. */
  filters: string[];
  /** Messages per second, per subscriber. */
  consume: number[];
  service: Variability;
  /** Most messages WAITING for one subscriber (the one in service does not count). */
  hwm: number[];
  /** Simulated second at which each subscriber connects. */
  join: number[];
  mode: PubSubMode;
}

function numbers(v: ParamValue, n: number): number[] {
  return expandList(v as number | readonly number[], n);
}
function texts(v: ParamValue, n: number): string[] {
  return expandList(v as string | readonly string[], n).map((s, i) => s.replaceAll('{i}', String(i + 1)));
}

/** Reads one list parameter's value into the model's expanded form (also used for `at=` changes). */
export function expandPubSubList(name: string, v: ParamValue): number[] | string[] {
  if (name === 'topics') return texts(v, MAX_PUBLISHERS);
  if (name === 'filters') return texts(v, MAX_SUBSCRIBERS);
  return numbers(v, name === 'publish' ? MAX_PUBLISHERS : MAX_SUBSCRIBERS);
}

/** Reads a scenario's parameter values into typed model parameters. */
export function pubsubParamsFrom(values: ParamValues): PubSubParams {
  return {
    publishers: values.publishers as number,
    publish: numbers(values.publish, MAX_PUBLISHERS),
    arrival: values.arrival as Variability,
    topics: texts(values.topics, MAX_PUBLISHERS),
    subscribers: values.subscribers as number,
    filters: texts(values.filters, MAX_SUBSCRIBERS),
    consume: numbers(values.consume, MAX_SUBSCRIBERS),
    service: values.service as Variability,
    hwm: numbers(values.hwm, MAX_SUBSCRIBERS),
    join: numbers(values.join, MAX_SUBSCRIBERS),
    mode: values.mode as PubSubMode,
  };
}

// ---- message ids -------------------------------------------------------------------------------

/**
 * A message id packs its publisher and that publisher's event number: id = eventNo × 32 + publisher
 * (0-based). Ids are unique, exact up to event numbers of 2^48, and need no per-message storage.
 */
export const ID_STRIDE = 32;
/** The article's publisher1 counts from 99 ("publisher1 pushes event 99"); every other publisher from 1. */
export function firstEventNo(publisher: number): number {
  return publisher === 0 ? 99 : 1;
}
export function messageId(publisher: number, eventNo: number): number {
  return eventNo * ID_STRIDE + publisher;
}
export function messagePublisher(id: number): number {
  return id % ID_STRIDE;
}
export function messageEventNo(id: number): number {
  return Math.floor(id / ID_STRIDE);
}
/** The message's text, as the article's publishers send it: it begins with the topic. */
export function messageText(topic: string, eventNo: number): string {
  return `${topic} pushes event ${eventNo}`;
}

// ---- trace -------------------------------------------------------------------------------------

/**
 * Trace kinds. `msg` is always the message id (see `messageId`). `comp` is the publisher index for
 * `publish` and the subscriber index (0-based) otherwise. `extra`: publish → copies routed to subscribers;
 * deliver → that subscriber's waiting count after it; start → seconds since published; done → latency
 * in seconds; dropHwm → the HWM; missed, connect, disconnect → 0 (connect/disconnect have msg 0).
 */
export const PubSubTrace = {
  publish: 1,
  deliver: 2,
  start: 3,
  done: 4,
  dropHwm: 5,
  missed: 6,
  connect: 7,
  disconnect: 8,
} as const;

// ---- time series -------------------------------------------------------------------------------

/** Per-subscriber series fields; column `sub<i><Field>` (i 1-based), e.g. `sub2Waiting`. */
export const SUB_FIELDS = ['Waiting', 'Dropped', 'Consumed'] as const;
export type SubField = (typeof SUB_FIELDS)[number];
export function subColumn(subscriber1Based: number, field: SubField): string {
  return `sub${subscriber1Based}${field}`;
}

/**
 * Columns: `published` (all publishers, cumulative), `publishers` and `subscribers` (current counts), then
 * for each of the 20 possible subscribers `sub<i>Waiting` (now), `sub<i>Dropped` (HWM drops, cumulative)
 * and `sub<i>Consumed` (cumulative). Subscribers beyond the current count hold their last values.
 */
export const PUBSUB_COLUMNS: readonly string[] = [
  'published',
  'publishers',
  'subscribers',
  ...Array.from({ length: MAX_SUBSCRIBERS }, (_, i) => SUB_FIELDS.map((f) => subColumn(i + 1, f))).flat(),
];
/** Index of column `sub<i><Field>`: 3 + 3 × (i − 1) + field index. */
export const SUB_COLUMNS_OFFSET = 3;

// ---- summary and view --------------------------------------------------------------------------

export interface PubSubSubscriberSummary {
  filter: string;
  /** Published messages whose topic starts with the filter (while this subscriber exists). */
  matched: number;
  /** Of those, the ones published while it was not connected (zmq mode only). */
  missed: number;
  /** Copies the broker accepted for it: matched − missed − dropped.hwm = waiting + inService + consumed. */
  received: number;
  consumed: number;
  dropped: { hwm: number };
  waiting: number;
  inService: number;
  /** Seconds from publish to end of processing, over the measurement window. */
  latency: QuantileSummary;
  connected: boolean;
  hwm: number;
  /** Most messages ever waiting at once. */
  maxWaiting: number;
}

export interface PubSubSummary {
  scenario: 'pubsub';
  seed: number;
  until: number;
  warmup: number;
  events: number;
  mode: PubSubMode;
  /** Messages published, per current publisher, since t = 0. */
  published: number[];
  topics: string[];
  /** All publishers, including any removed while running. */
  publishedTotal: number;
  /** Copies routed to subscribers per published message (dropped-at-HWM copies included, missed ones not). */
  fanout: number;
  subscribers: PubSubSubscriberSummary[];
}

/** What the flow view draws (one call per frame; small and plain). */
export interface PubSubView {
  mode: PubSubMode;
  publishers: { topic: string; published: number }[];
  subscribers: {
    /** Connected now (false before `join`). */
    connected: boolean;
    /** Simulated second at which it connects (its `join`). */
    joinSec: number;
    filter: string;
    waiting: number;
    /** Infinity in durable mode (no HWM applies). */
    hwm: number;
    busy: boolean;
    /** Id of the message in service (0 when idle). */
    inServiceId: number;
    /** Ids of the first ≤ 20 waiting messages, oldest first, and each one's publisher index (0-based). */
    queuedIds: number[];
    queuedPublishers: number[];
  }[];
}
