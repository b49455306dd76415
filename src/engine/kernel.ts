// The simulation kernel every scenario model extends: the clock, the event loop, scheduled changes, sampling, warm-up.
import type { ParamValue } from '../scenarios/schema.ts';
import { EventHeap } from './heap.ts';
import { SampledSeries } from './series.ts';
import type { EventTrace } from './trace.ts';

/**
 * Most messages a run may hold in its queues (about 30 bytes each: ~600 MB). An unbounded queue fed far
 * faster than it drains reaches this in seconds at full speed; the run stops with a clear message instead
 * of exhausting the browser's or Node's memory.
 */
export const MAX_STORED_MESSAGES = 20_000_000;

/** The message both the page and the CLI give when a run passes MAX_STORED_MESSAGES. */
export function tooManyMessages(atSec: number): string {
  return `more than ${MAX_STORED_MESSAGES.toLocaleString('en-US')} messages are waiting at t = ${atSec.toFixed(3)} s; bound the queue (capacity, hwm, buffer) or slow the producers`;
}

/** Event kind reserved by the kernel for a scheduled parameter change (`at=`); models use kinds below it. */
const KIND_CHANGE = 255;
/** Changes run after every other event at the same instant, so a change made live and one replayed agree. */
const PRIORITY_CHANGE = 250;

export interface PendingChange {
  readonly atSec: number;
  readonly name: string;
  readonly value: ParamValue;
}

/**
 * A discrete-event simulation. Subclasses implement `handle` (one event), `accumulate` (integrate
 * time-weighted statistics up to a time), `resetWindow` (start the measurement window at warm-up),
 * `sampleInto` (one row of the time series) and `applyChange` (a parameter changed now).
 *
 * `runUntil(T)` processes every event whose time is at most T and no later event, then sets the clock
 * to T; splitting a run into slices gives exactly the same result as one call.
 */
export abstract class Simulation {
  readonly heap = new EventHeap();
  nowSec = 0;
  /** Events processed so far (the CLI's `events`). */
  events = 0;
  /** Statistics in `stats` cover (warmupSec, now]. */
  readonly warmupSec: number;
  private inWindow: boolean;
  protected readonly series: SampledSeries;
  private readonly sampleRow: number[];
  private readonly changes: PendingChange[] = [];
  /** When set, models write what happens into it (the page's log and animation). */
  trace: EventTrace | null = null;

  protected constructor(columns: readonly string[], sampleIntervalSec: number, warmupSec: number) {
    this.series = new SampledSeries(columns, sampleIntervalSec);
    this.sampleRow = new Array<number>(columns.length).fill(0);
    this.warmupSec = warmupSec;
    this.inWindow = warmupSec <= 0;
  }

  /** Handles one event. `seq` identifies it (models compare it to recognise cancelled events). */
  protected abstract handle(kind: number, target: number, seq: number): void;
  /** Adds the time-weighted areas from the last accounted time up to `tSec`. */
  protected abstract accumulate(tSec: number): void;
  /** Clears window statistics (called once, at the warm-up time). */
  protected abstract resetWindow(): void;
  /** Writes the current time-series row (one value per column). */
  protected abstract sampleInto(row: number[]): void;
  /** Applies a parameter change at the current time. */
  protected abstract applyChange(name: string, value: ParamValue): void;

  /** The CLI summary of CONTRACT §2 (without `wallMs`). */
  abstract summary(): object;
  /** Small plain data the flow view draws (who is busy, what waits). */
  abstract view(): object;
  /** Latest latencies in seconds (sojourn, delivery or response), for the live histogram. */
  abstract recentLatencies(): Float64Array;
  /** Messages held in queues right now: what memory grows with (the page and the CLI stop a run past a limit). */
  abstract storedMessages(): number;
  /** True when nothing more can happen (a flash sale that has drained); open-ended scenarios never finish. */
  isFinished(): boolean {
    return this.heap.size === 0;
  }

  /** Schedules a parameter change at `atSec` (>= now). Changes at equal times apply in call order. */
  scheduleChange(atSec: number, name: string, value: ParamValue): void {
    const idx = this.changes.length;
    this.changes.push({ atSec, name, value });
    this.heap.push(Math.max(atSec, this.nowSec), PRIORITY_CHANGE, KIND_CHANGE, idx);
  }

  /** Time of the next pending event (Infinity if none). */
  nextEventSec(): number {
    return this.heap.peekTime();
  }

  /**
   * Processes events with time <= untilSec. Stops early after `maxEvents` events (for the worker's time
   * slices) and returns false; returns true once the clock has reached untilSec.
   */
  runUntil(untilSec: number, maxEvents = Infinity): boolean {
    if (!this.process(untilSec, maxEvents)) return false;
    if (untilSec > this.nowSec) this.advanceClock(untilSec, true);
    return true;
  }

  /**
   * Processes the next `maxEvents` events, however far apart, leaving the clock at the last one (runs
   * "as fast as possible"). Returns false when no event is left.
   */
  runEvents(maxEvents: number): boolean {
    this.process(Infinity, maxEvents);
    return this.heap.size > 0;
  }

  /** The event loop: events with time <= untilSec, at most maxEvents; false when the budget ran out first. */
  private process(untilSec: number, maxEvents: number): boolean {
    const heap = this.heap;
    let budget = maxEvents;
    while (heap.size > 0 && heap.peekTime() <= untilSec) {
      if (budget-- <= 0) return false;
      heap.pop();
      const t = heap.poppedTimeSec;
      if (t > this.nowSec) this.advanceClock(t, false);
      this.events++;
      const kind = heap.poppedKind;
      if (kind === KIND_CHANGE) {
        const c = this.changes[heap.poppedTarget];
        this.applyChange(c.name, c.value);
      } else this.handle(kind, heap.poppedTarget, heap.poppedSeq);
    }
    return true;
  }

  /**
   * Moves the clock to `tSec`. Samples at time s show the state after every event at or before s, so a
   * sample at exactly the next event's time is taken only once that event is known to be later (`inclusive`).
   */
  private advanceClock(tSec: number, inclusive: boolean): void {
    if (!this.inWindow && tSec > this.warmupSec) {
      this.accumulate(this.warmupSec);
      this.resetWindow();
      this.inWindow = true;
    }
    const s = this.series;
    while (s.nextSampleSec < tSec || (inclusive && s.nextSampleSec === tSec)) {
      const at = s.nextSampleSec;
      this.sampleInto(this.sampleRow);
      s.push(at, this.sampleRow);
    }
    // Areas are integrated only up to event times (and the warm-up), never to slice ends or sample times,
    // so floating-point sums do not depend on slicing or sampling; summaries add the tail themselves.
    if (!inclusive) this.accumulate(tSec);
    this.nowSec = tSec;
  }

  /** Length of the measurement window so far, in seconds. */
  protected windowSec(): number {
    return Math.max(0, this.nowSec - this.warmupSec);
  }

  /** The sampled time series (columns named by the model). */
  timeSeries(): SampledSeries {
    return this.series;
  }
}
