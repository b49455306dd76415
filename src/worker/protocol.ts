// The one typed protocol between the page and the engine worker: commands in, replies out.
import type { ScenarioId, ParamValue } from '../scenarios/schema.ts';

/**
 * Commands (page → worker). The scenario travels as its canonical query string, the same text as the URL,
 * so the worker builds exactly what a shared link builds.
 */
export type Command =
  /** Build the scenario and run it paused to `untilSec` (0, or a moment link's `t`). */
  | { type: 'load'; query: string; untilSec: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** While paused: advance until something visible happens (one event that changes the picture). */
  | { type: 'step' }
  /** Simulated seconds per wall-clock second, or as fast as possible. */
  | { type: 'speed'; speed: number | 'max' }
  /** Jump to a simulated time (forward: run to it; backward: rebuild and run to it). Stays paused. */
  | { type: 'seek'; timeSec: number }
  /** Change a parameter now; the worker picks the exact moment (now, rounded up to 1 ms) and reports it. */
  | { type: 'change'; name: string; value: ParamValue };

/** Recent engine events, column-wise (see EventTrace); `lost` counts events not sent (sampling). */
export interface TraceBatch {
  timeSec: Float64Array;
  kind: Uint8Array;
  msg: Float64Array;
  comp: Int32Array;
  extra: Float64Array;
  lost: number;
}

export interface SeriesBatch {
  t: Float64Array;
  columns: Record<string, Float64Array>;
}

/** One frame of the simulation: small numbers plus transferred typed arrays. */
export interface Snapshot {
  s: ScenarioId;
  /** Increments with every load, so replies from an earlier scenario can be ignored. */
  loadId: number;
  timeSec: number;
  running: boolean;
  /** Nothing more can happen (a flash sale that has drained). */
  finished: boolean;
  events: number;
  /** The CLI summary (CONTRACT §2) at this moment. */
  summary: Record<string, unknown>;
  /** The scenario's flow-view data (PcView, PubSubView or SeckillView). */
  view: Record<string, unknown>;
  /** Present only when the series changed since the last snapshot that carried it. */
  series: SeriesBatch | null;
  trace: TraceBatch;
  /** Recent latencies in seconds for the histogram (present with the series). */
  latencies: Float64Array | null;
  /** Wall milliseconds the worker spent simulating for this frame (for the bench and a load indicator). */
  busyMs: number;
}

export type Reply =
  | { type: 'snapshot'; snapshot: Snapshot }
  /** A `change` took effect at `atSec`: the page records it as `at=<atSec>:<name>=<value>`. */
  | { type: 'changed'; loadId: number; atSec: number; name: string; value: ParamValue }
  /** Something went wrong in the engine; the run is paused and the page shows `message`. */
  | { type: 'error'; message: string };

/** Typed arrays inside a reply that can be transferred instead of copied. */
export function transferablesOf(reply: Reply): Transferable[] {
  if (reply.type !== 'snapshot') return [];
  const s = reply.snapshot;
  const list: Transferable[] = [
    s.trace.timeSec.buffer,
    s.trace.kind.buffer,
    s.trace.msg.buffer,
    s.trace.comp.buffer,
    s.trace.extra.buffer,
  ];
  if (s.series) {
    list.push(s.series.t.buffer);
    for (const c of Object.values(s.series.columns)) list.push(c.buffer);
  }
  if (s.latencies) list.push(s.latencies.buffer);
  return list as Transferable[];
}
