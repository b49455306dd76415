// A bounded ring buffer of recent engine events, which the page samples for its event log and animation.

/**
 * Models write (time, kind, message id, component, extra) tuples here when tracing is on. Consumers read
 * what is new since their last read; if they fall behind, the oldest entries are overwritten and
 * `lost` says how many they missed. Fixed size: nothing grows over a long run.
 */
export class EventTrace {
  readonly capacity: number;
  readonly timeSec: Float64Array;
  readonly kind: Uint8Array;
  readonly msg: Float64Array;
  readonly comp: Int32Array;
  readonly extra: Float64Array;
  /** Total number of events ever written. */
  written = 0;

  constructor(capacity = 4096) {
    this.capacity = capacity;
    this.timeSec = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.msg = new Float64Array(capacity);
    this.comp = new Int32Array(capacity);
    this.extra = new Float64Array(capacity);
  }

  write(timeSec: number, kind: number, msg: number, comp: number, extra = 0): void {
    const i = this.written % this.capacity;
    this.timeSec[i] = timeSec;
    this.kind[i] = kind;
    this.msg[i] = msg;
    this.comp[i] = comp;
    this.extra[i] = extra;
    this.written++;
  }
}

export interface TraceRecord {
  timeSec: number;
  kind: number;
  msg: number;
  comp: number;
  extra: number;
}

/** Reads events written since `fromWritten` (at most `limit`, the newest ones). */
export function readTrace(trace: EventTrace, fromWritten: number, limit: number): TraceRecord[] {
  const start = Math.max(fromWritten, trace.written - trace.capacity, trace.written - limit);
  const out: TraceRecord[] = [];
  for (let w = start; w < trace.written; w++) {
    const i = w % trace.capacity;
    out.push({
      timeSec: trace.timeSec[i],
      kind: trace.kind[i],
      msg: trace.msg[i],
      comp: trace.comp[i],
      extra: trace.extra[i],
    });
  }
  return out;
}
