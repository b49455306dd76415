// Event calendar ordering: time first, then priority, then scheduling order; random pushes pop sorted.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventHeap } from './heap.ts';

describe('EventHeap', () => {
  it('orders by time, then priority, then sequence', () => {
    const h = new EventHeap(2);
    h.push(5, 1, 10, 0);
    h.push(1, 2, 11, 0);
    h.push(1, 0, 12, 0);
    h.push(1, 2, 13, 0);
    h.push(0.5, 9, 14, 0);
    const kinds: number[] = [];
    while (h.size > 0) {
      h.pop();
      kinds.push(h.poppedKind);
    }
    expect(kinds).toEqual([14, 12, 11, 13, 10]);
  });

  it('pops any sequence of pushes in (time, priority, seq) order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 300,
        }),
        (evs) => {
          const h = new EventHeap(1);
          const seqs = evs.map(([t, p], i) => h.push(t, p, i, i));
          const expected = evs
            .map(([t, p], i) => ({ t, p, seq: seqs[i] }))
            .sort((a, b) => a.t - b.t || a.p - b.p || a.seq - b.seq)
            .map((e) => e.seq);
          const got: number[] = [];
          while (h.size > 0) {
            h.pop();
            got.push(h.poppedSeq);
          }
          expect(got).toEqual(expected);
        },
      ),
    );
  });
});
