// Changing a rate while work is in progress: each pending event keeps its progress and finishes at the new pace.
import type { EventHeap } from './heap.ts';

/**
 * For every entry i with a pending event (pendingSeq[i] !== -1) for which `ratioOf(i)` gives a number
 * (old rate / new rate), the time left until dueSec[i] is multiplied by it and the event is scheduled again
 * (kind doubles as priority); the old event goes stale because its seq no longer matches. Entries for which
 * `ratioOf` returns null keep their event as it is.
 */
export function rescalePending(
  heap: EventHeap,
  nowSec: number,
  pendingSeq: number[],
  dueSec: number[],
  kind: number,
  ratioOf: (i: number) => number | null,
): void {
  for (let i = 0; i < pendingSeq.length; i++) {
    if (pendingSeq[i] === -1) continue;
    const ratio = ratioOf(i);
    if (ratio === null) continue;
    const at = nowSec + (dueSec[i] - nowSec) * ratio;
    dueSec[i] = at;
    pendingSeq[i] = heap.push(at, kind, kind, i);
  }
}
