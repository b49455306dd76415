// Ring-buffer FIFO of waiting messages (id, birth time, enqueue time, source tag); grows by doubling.

/**
 * Waiting messages live here, never in the event heap. Columns are parallel typed arrays, so a queue of
 * millions costs a few bytes per message and no garbage. Read the head with `headX()`, remove it with `shift()`.
 */
export class MessageFifo {
  private ids: Float64Array;
  private born: Float64Array;
  private enq: Float64Array;
  private tags: Int32Array;
  private head = 0;
  private n = 0;
  private mask: number;

  constructor(initialCapacity = 64) {
    let cap = 1;
    while (cap < initialCapacity) cap *= 2;
    this.ids = new Float64Array(cap);
    this.born = new Float64Array(cap);
    this.enq = new Float64Array(cap);
    this.tags = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.n;
  }

  push(id: number, bornSec: number, enqueuedSec: number, tag: number): void {
    if (this.n > this.mask) this.grow();
    const i = (this.head + this.n) & this.mask;
    this.ids[i] = id;
    this.born[i] = bornSec;
    this.enq[i] = enqueuedSec;
    this.tags[i] = tag;
    this.n++;
  }

  headId(): number {
    return this.ids[this.head];
  }
  headBornSec(): number {
    return this.born[this.head];
  }
  headEnqueuedSec(): number {
    return this.enq[this.head];
  }
  headTag(): number {
    return this.tags[this.head];
  }

  /** Removes the head (call only when length > 0). */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.n--;
  }

  /** The i-th waiting message from the head (0 = oldest), for drawing. */
  idAt(i: number): number {
    return this.ids[(this.head + i) & this.mask];
  }
  tagAt(i: number): number {
    return this.tags[(this.head + i) & this.mask];
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const copy = <T extends Float64Array | Int32Array>(src: T, dst: T): T => {
      for (let k = 0; k < this.n; k++) dst[k] = src[(this.head + k) & this.mask];
      return dst;
    };
    this.ids = copy(this.ids, new Float64Array(cap));
    this.born = copy(this.born, new Float64Array(cap));
    this.enq = copy(this.enq, new Float64Array(cap));
    this.tags = copy(this.tags, new Int32Array(cap));
    this.head = 0;
    this.mask = cap - 1;
  }
}
