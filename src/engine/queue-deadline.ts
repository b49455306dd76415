// A waiting limit for a FIFO queue (pc's TTL, the flash sale's timeout): one pending check for the head, removing whoever waited too long.
import type { MessageFifo } from './fifo.ts';
import type { EventHeap } from './heap.ts';
import type { EventTrace } from './trace.ts';

/** At most one check is pending, never later than the head's deadline; a superseded check is stale and ignored. */
export class QueueDeadline {
  /** Sequence number of the pending check, -1 when none. */
  private seq = -1;

  constructor(
    private readonly queue: MessageFifo,
    /** Event kind (and priority) of a check. */
    private readonly kind: number,
    /** Trace kind written for each message removed. */
    private readonly traceKind: number,
  ) {}

  /** Keeps one check pending for the head of the queue (never later than the head's deadline). */
  arm(timeoutSec: number, nowSec: number, heap: EventHeap): void {
    if (this.seq !== -1 || timeoutSec === Infinity || this.queue.length === 0) return;
    const at = Math.max(nowSec, this.queue.headEnqueuedSec() + timeoutSec);
    this.seq = heap.push(at, this.kind, this.kind, 0);
  }

  /** Forgets the pending check (it becomes stale); the caller re-arms for a new `timeout`. */
  cancel(): void {
    this.seq = -1;
  }

  /** Check `seq` fired: unless stale, removes every head that has waited `timeoutSec`, re-arms, and returns how many. */
  expire(seq: number, timeoutSec: number, nowSec: number, heap: EventHeap, trace: EventTrace | null): number {
    if (seq !== this.seq) return 0;
    this.seq = -1;
    const q = this.queue;
    let n = 0;
    while (q.length > 0 && q.headEnqueuedSec() + timeoutSec <= nowSec) {
      n++;
      trace?.write(nowSec, this.traceKind, q.headId(), -1);
      q.shift();
    }
    this.arm(timeoutSec, nowSec, heap);
    return n;
  }
}
