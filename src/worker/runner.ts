// The worker's logic, free of worker globals so Node tests can drive it: pacing, commands, snapshots.
import { createModel, type AnyModel } from '../engine/create.ts';
import { MAX_STORED_MESSAGES, tooManyMessages } from '../engine/kernel.ts';
import { EventTrace } from '../engine/trace.ts';
import { parseScenario } from '../scenarios/codec.ts';
import type { ParamValue, ScenarioId } from '../scenarios/schema.ts';
import type { Command, Reply, Snapshot, TraceBatch } from './protocol.ts';

/** Longest stretch of simulation between two snapshots, in wall milliseconds. */
export const SLICE_MS = 8;
/** Most trace records sent per snapshot; beyond this the newest are sent and the rest counted as lost. */
const MAX_TRACE_PER_FRAME = 600;
/** Series and histogram travel at most this often while running (they are large). */
const SERIES_EVERY_MS = 250;
/** Most events a jump to a moment may take in the page (about 10–20 s of work). */
const MAX_JUMP_EVENTS = 100_000_000;

/**
 * The moment a live change takes effect: now, rounded up to a whole millisecond so the URL stays short, and
 * never earlier than now (the change recorded in the link must be the change the engine made).
 */
export function changeTimeSec(nowSec: number): number {
  let at = Math.ceil(nowSec * 1000 - 1e-6) / 1000;
  if (at < nowSec) at = Math.ceil(nowSec * 1000) / 1000;
  if (at < nowSec) at = (Math.ceil(nowSec * 1000) + 1) / 1000;
  return at;
}

/** A bound on `max`-speed chunks per frame, whatever the clock says. */
const MAX_CHUNKS_PER_TICK = 64;
/** Events processed between two looks at the clock. */
const EVENTS_PER_CHECK = 4096;

export interface RunnerHost {
  post(reply: Reply): void;
  nowMs(): number;
  /** Stop a run whose queues hold more than this many messages (default MAX_STORED_MESSAGES). */
  maxStoredMessages?: number;
}

export class Runner {
  private model: AnyModel | null = null;
  private query = '';
  private scenarioId: ScenarioId = 'pc';
  /** Changes made since the load (`change` commands), re-applied when a backward seek rebuilds the model. */
  private liveChanges: { atSec: number; name: string; value: ParamValue }[] = [];
  private loadId = 0;
  private running = false;
  private speed: number | 'max' = 1;
  private lastWallMs = 0;
  private traceRead = 0;
  private seriesSentMs = -Infinity;
  private seriesSentLength = -1;
  private seriesSentTime = -1;

  constructor(private readonly host: RunnerHost) {}

  get isRunning(): boolean {
    return this.running;
  }

  handle(cmd: Command): void {
    try {
      this.dispatch(cmd);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(cmd: Command): void {
    switch (cmd.type) {
      case 'load':
        this.query = cmd.query;
        this.liveChanges = [];
        this.loadId++;
        this.build();
        this.runTo(cmd.untilSec);
        this.running = false;
        this.sendSnapshot(0, true);
        return;
      case 'play':
        if (!this.model || this.model.isFinished()) return this.sendSnapshot(0, true);
        this.running = true;
        this.lastWallMs = this.host.nowMs();
        return this.sendSnapshot(0, true);
      case 'pause':
        this.running = false;
        return this.sendSnapshot(0, true);
      case 'step':
        this.running = false;
        this.step();
        return this.sendSnapshot(0, true);
      case 'speed':
        this.speed = cmd.speed;
        return;
      case 'seek':
        this.running = false;
        if (this.model && cmd.timeSec < this.model.nowSec) this.build();
        this.runTo(cmd.timeSec);
        return this.sendSnapshot(0, true);
      case 'change':
        return this.change(cmd.name, cmd.value);
      default: {
        const never: never = cmd;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  private build(): void {
    const { scenario } = parseScenario(this.query);
    this.scenarioId = scenario.s;
    this.model = createModel(scenario);
    for (const c of this.liveChanges) this.model.scheduleChange(c.atSec, c.name, c.value);
    this.model.trace = new EventTrace(8192);
    this.traceRead = 0;
    this.seriesSentLength = -1;
  }

  /**
   * Runs to a moment (a `t=` link or a seek) in bounded slices: a moment too far for the browser, or one
   * whose queues would exhaust memory, stops with a message instead of freezing the tab.
   */
  private runTo(untilSec: number): void {
    const m = this.model;
    if (!m) return;
    const limit = this.host.maxStoredMessages ?? MAX_STORED_MESSAGES;
    let events = 0;
    while (!m.runUntil(untilSec, EVENTS_PER_CHECK * 16)) {
      events += EVENTS_PER_CHECK * 16;
      if (m.storedMessages() > limit) throw new Error(tooManyMessages(m.nowSec));
      if (events > MAX_JUMP_EVENTS)
        throw new Error(
          `reaching t = ${untilSec} s would take more than ${MAX_JUMP_EVENTS.toLocaleString('en-US')} events; stopped at t = ${m.nowSec.toFixed(3)} s (the command line has no such limit)`,
        );
    }
    this.traceRead = m.trace?.written ?? 0; // a jump shows no animation of what it skipped
  }

  private step(): void {
    const m = this.model;
    if (!m || !m.trace) return;
    const before = m.trace.written;
    for (let guard = 0; guard < 100_000 && m.trace.written === before; guard++) {
      const next = m.nextEventSec();
      if (!Number.isFinite(next)) break;
      m.runUntil(next);
    }
  }

  private change(name: string, value: ParamValue): void {
    const m = this.model;
    if (!m) return;
    const atSec = changeTimeSec(m.nowSec);
    m.scheduleChange(atSec, name, value);
    this.liveChanges.push({ atSec, name, value });
    if (!this.running) m.runUntil(m.nowSec); // apply at once when it is due now
    this.host.post({ type: 'changed', loadId: this.loadId, atSec, name, value });
    this.sendSnapshot(0, true);
  }

  /** One frame: simulate for at most SLICE_MS of wall time, then post a snapshot. */
  tick(): void {
    const m = this.model;
    if (!m || !this.running) return;
    try {
      const start = this.host.nowMs();
      const dtWallSec = Math.min(start - this.lastWallMs, 250) / 1000;
      this.lastWallMs = start;
      const deadline = start + SLICE_MS;
      if (this.speed === 'max') {
        for (
          let chunk = 0;
          chunk < MAX_CHUNKS_PER_TICK && this.host.nowMs() < deadline && !m.isFinished();
          chunk++
        ) {
          if (!m.runEvents(EVENTS_PER_CHECK)) break;
        }
      } else {
        const target = m.nowSec + this.speed * dtWallSec;
        while (!m.runUntil(target, EVENTS_PER_CHECK)) {
          if (this.host.nowMs() >= deadline) break; // cannot keep up: the rest of the debt is dropped
        }
      }
      if (m.isFinished()) this.running = false;
      if (m.storedMessages() > (this.host.maxStoredMessages ?? MAX_STORED_MESSAGES)) {
        this.running = false;
        this.host.post({ type: 'error', message: tooManyMessages(m.nowSec) });
      }
      this.sendSnapshot(this.host.nowMs() - start, !this.running);
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.running = false;
    const message = e instanceof Error ? e.message : String(e);
    this.host.post({ type: 'error', message });
    try {
      this.sendSnapshot(0, true); // show where the run stopped
    } catch {
      // the model itself is broken: the message above is all there is to show
    }
  }

  private readTrace(): TraceBatch {
    const tr = this.model?.trace;
    const empty = (n: number): TraceBatch => ({
      timeSec: new Float64Array(n),
      kind: new Uint8Array(n),
      msg: new Float64Array(n),
      comp: new Int32Array(n),
      extra: new Float64Array(n),
      lost: 0,
    });
    if (!tr) return empty(0);
    const from = Math.max(this.traceRead, tr.written - Math.min(tr.capacity, MAX_TRACE_PER_FRAME));
    const lost = from - this.traceRead;
    const batch = empty(tr.written - from);
    for (let w = from, j = 0; w < tr.written; w++, j++) {
      const i = w % tr.capacity;
      batch.timeSec[j] = tr.timeSec[i];
      batch.kind[j] = tr.kind[i];
      batch.msg[j] = tr.msg[i];
      batch.comp[j] = tr.comp[i];
      batch.extra[j] = tr.extra[i];
    }
    batch.lost = lost;
    this.traceRead = tr.written;
    return batch;
  }

  private sendSnapshot(busyMs: number, forceSeries: boolean): void {
    const m = this.model;
    if (!m) return;
    const series = m.timeSeries();
    const now = this.host.nowMs();
    const changed = series.length !== this.seriesSentLength || m.nowSec !== this.seriesSentTime;
    const withSeries = changed && (forceSeries || now - this.seriesSentMs >= SERIES_EVERY_MS);
    if (withSeries) {
      this.seriesSentMs = now;
      this.seriesSentLength = series.length;
      this.seriesSentTime = m.nowSec;
    }
    const snapshot: Snapshot = {
      s: this.scenarioId,
      loadId: this.loadId,
      timeSec: m.nowSec,
      running: this.running,
      finished: m.isFinished(),
      events: m.events,
      summary: m.summary() as unknown as Record<string, unknown>,
      view: m.view() as unknown as Record<string, unknown>,
      series: withSeries ? series.toColumns() : null,
      trace: this.readTrace(),
      latencies: withSeries ? m.recentLatencies() : null,
      busyMs,
    };
    this.host.post({ type: 'snapshot', snapshot });
  }
}
