// Pure logic of the sync-vs-async comparison: run one seckill scenario both ways to the end and merge their timelines.
import { createModel } from '../engine/create.ts';
import type { SeckillModel, SeckillMode, SeckillSummary } from '../engine/seckill-model.ts';
import { parseScenario } from '../scenarios/codec.ts';

/** Page → compare worker: the scenario as its canonical query string (the same text as the URL). */
export interface CompareRequest {
  id: number;
  query: string;
}

/** One mode's result: the CLI summary at the end and two cumulative/level series for the chart. */
export interface CompareSide {
  summary: SeckillSummary;
  /** False when the run hit the simulated-time limit before everything drained. */
  finished: boolean;
  t: Float64Array;
  succeeded: Float64Array;
  inconsistency: Float64Array;
}

export interface CompareResult {
  async: CompareSide;
  sync: CompareSide;
  wallMs: number;
}

export type CompareReply =
  { id: number; ok: true; result: CompareResult } | { id: number; ok: false; message: string };

/** Simulated seconds after which a run is cut off (a sale that never drains, e.g. with a tiny step rate). */
export const COMPARE_LIMIT_SEC = 1e6;

/** Runs the scenario in `query` with `mode` forced, to the end (same crowd and seed for both modes). */
export function runSide(query: string, mode: SeckillMode, limitSec = COMPARE_LIMIT_SEC): CompareSide {
  const { scenario } = parseScenario(query);
  if (scenario.s !== 'seckill') throw new Error(`compare: not a seckill scenario (${scenario.s})`);
  const model = createModel({ ...scenario, params: { ...scenario.params, mode } }) as SeckillModel;
  const finished = model.runToEnd(limitSec);
  const { t, columns } = model.timeSeries().toColumns();
  return {
    summary: model.summary(),
    finished,
    t,
    succeeded: columns.succeeded,
    inconsistency: columns.inconsistency,
  };
}

export function runCompare(query: string, nowMs: () => number = () => Date.now()): CompareResult {
  const start = nowMs();
  const async = runSide(query, 'async');
  const sync = runSide(query, 'sync');
  return { async, sync, wallMs: nowMs() - start };
}

/**
 * Both sides' series on one time axis (the union of their sample times), each value held from its last
 * sample (a finished run keeps its final value). Columns: asyncSucceeded, syncSucceeded,
 * asyncInconsistency, syncInconsistency.
 */
export function mergeTimelines(
  a: CompareSide,
  b: CompareSide,
): { t: Float64Array; columns: Record<string, Float64Array> } {
  const times = Array.from(new Set([0, ...a.t, ...b.t])).sort((x, y) => x - y);
  const n = times.length;
  const cols = {
    asyncSucceeded: new Float64Array(n),
    syncSucceeded: new Float64Array(n),
    asyncInconsistency: new Float64Array(n),
    syncInconsistency: new Float64Array(n),
  };
  let ia = -1;
  let ib = -1;
  for (let k = 0; k < n; k++) {
    const tk = times[k];
    while (ia + 1 < a.t.length && a.t[ia + 1] <= tk) ia++;
    while (ib + 1 < b.t.length && b.t[ib + 1] <= tk) ib++;
    cols.asyncSucceeded[k] = ia >= 0 ? a.succeeded[ia] : 0;
    cols.asyncInconsistency[k] = ia >= 0 ? a.inconsistency[ia] : 0;
    cols.syncSucceeded[k] = ib >= 0 ? b.succeeded[ib] : 0;
    cols.syncInconsistency[k] = ib >= 0 ? b.inconsistency[ib] : 0;
  }
  return { t: Float64Array.from(times), columns: cols };
}

/** How many times faster async answers than sync at p95 (null when either is not measurable). */
export function speedup(async: SeckillSummary, sync: SeckillSummary): number | null {
  const a = async.response.p95;
  const s = sync.response.p95;
  return a > 0 && Number.isFinite(a) && Number.isFinite(s) && s > 0 ? s / a : null;
}
