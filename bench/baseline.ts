// A minimal hand-written M/M/1 simulation (binary heap + FIFO, mean sojourn only): the yardstick for the engine.
import { RandomStream } from '../src/engine/rng.ts';

/** Simulates `customers` arrivals of an M/M/1 queue; returns the mean sojourn so the work cannot be optimised away. */
export function minimalMM1(customers: number, lambda: number, mu: number, seed: number): number {
  const arrivals = new RandomStream(seed, 'a');
  const services = new RandomStream(seed, 's');
  // Heap of at most two events: arrival (kind 0) and departure (kind 1).
  const times = new Float64Array(4);
  const kinds = new Int8Array(4);
  let n = 0;
  const push = (t: number, k: number) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const pop = () => {
    const last = --n;
    const t = times[last];
    const k = kinds[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && times[c + 1] < times[c]) c++;
      if (t <= times[c]) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  let queue = new Float64Array(1024);
  let head = 0;
  let tail = 0;
  let busy = false;
  let arrived = 0;
  let done = 0;
  let sojournSum = 0;
  push(-Math.log(1 - arrivals.next()) / lambda, 0);
  while (done < customers) {
    const now = times[0];
    const kind = kinds[0];
    pop();
    if (kind === 0) {
      arrived++;
      if (arrived < customers) push(now - Math.log(1 - arrivals.next()) / lambda, 0);
      if (tail === queue.length) {
        const q = new Float64Array(queue.length * 2);
        q.set(queue.subarray(head, tail));
        tail -= head;
        head = 0;
        queue = q;
      }
      queue[tail++] = now;
      if (!busy) {
        busy = true;
        push(now - Math.log(1 - services.next()) / mu, 1);
      }
    } else {
      sojournSum += now - queue[head++];
      done++;
      if (head === tail) {
        head = tail = 0;
        busy = false;
      } else push(now - Math.log(1 - services.next()) / mu, 1);
    }
  }
  return sojournSum / customers;
}
