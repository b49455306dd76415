// The servers of the flash sale's critical path: per-server state as parallel arrays, an idle stack, timed phases.
import type { EventHeap } from './heap.ts';
import { rescalePending } from './rescale.ts';
import { RandomStream } from './rng.ts';
import { sampleDurationSec } from './variability.ts';

/**
 * Server s works on request `req[s]` (clicked at `clickSec[s]`) in `phase[s]`: 0 = critical path (risk
 * control + inventory lock), 1/2/3 = order/SMS/statistics inside the request (sync mode only). Each
 * phase takes an exponential time drawn from the server's own stream (`server1`, `server2`, …); its end
 * is one event of kind `kind` with the server's index as target, recognised by `pendingSeq[s]`.
 */
export class ServerPool {
  readonly rng: RandomStream[] = [];
  readonly active: boolean[] = [];
  readonly busy: boolean[] = [];
  readonly phase: number[] = [];
  readonly req: number[] = [];
  readonly clickSec: number[] = [];
  readonly lockSec: number[] = [];
  readonly doneSec: number[] = [];
  readonly pendingSeq: number[] = [];
  /** Idle active servers; the top of the stack is the lowest index. */
  readonly idle: number[] = [];
  busyCount = 0;

  constructor(
    private readonly seed: number,
    private readonly kind: number,
  ) {}

  /**
   * Sets the number of active servers. A new or re-activated idle server calls `takeNext(s)`; a
   * removed busy server finishes its request, then stops.
   */
  resize(n: number, takeNext: (s: number) => void): void {
    for (let s = this.rng.length; s < n; s++) {
      this.rng.push(new RandomStream(this.seed, `server${s + 1}`));
      this.active.push(false);
      this.busy.push(false);
      this.phase.push(0);
      this.req.push(0);
      this.clickSec.push(0);
      this.lockSec.push(0);
      this.doneSec.push(0);
      this.pendingSeq.push(-1);
    }
    // Highest index first, so that idle servers are handed work from server 1 upwards.
    for (let s = this.rng.length - 1; s >= 0; s--) {
      const want = s < n;
      if (want === this.active[s]) continue;
      this.active[s] = want;
      if (want) {
        if (!this.busy[s]) takeNext(s);
      } else {
        const i = this.idle.indexOf(s);
        if (i >= 0) this.idle.splice(i, 1);
      }
    }
  }

  /** Server s starts on request `id` (phase 0). */
  occupy(s: number, id: number, clickSec: number): void {
    this.busy[s] = true;
    this.busyCount++;
    this.req[s] = id;
    this.clickSec[s] = clickSec;
    this.phase[s] = 0;
  }

  release(s: number): void {
    this.busy[s] = false;
    this.busyCount--;
  }

  /** Schedules the end of server s's current phase, an exponential time at `ratePerSec` from now. */
  schedule(s: number, ratePerSec: number, nowSec: number, heap: EventHeap): void {
    const at = nowSec + sampleDurationSec('exp', ratePerSec, this.rng[s]);
    this.doneSec[s] = at;
    this.pendingSeq[s] = heap.push(at, this.kind, this.kind, s);
  }

  /** Work in progress in `phase` continues at a new rate: its remaining time is multiplied by `ratio`. */
  rescale(phase: number, ratio: number, nowSec: number, heap: EventHeap): void {
    rescalePending(heap, nowSec, this.pendingSeq, this.doneSec, this.kind, (s) =>
      this.phase[s] === phase ? ratio : null,
    );
  }
}
