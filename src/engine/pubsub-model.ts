// The pub/sub broker model (CONTRACT §1 s=pubsub): publishers, a broker with prefix filters and per-subscriber HWM queues, subscribers.
import type { ParamValue } from '../scenarios/schema.ts';
import { Simulation } from './kernel.ts';
import { RandomStream } from './rng.ts';
import { MessageFifo } from './fifo.ts';
import { rescalePending } from './rescale.ts';
import { QuantileSketch, RecentWindow } from './sketch.ts';
import { sampleDurationSec, type Variability } from './variability.ts';
import {
  expandPubSubList,
  firstEventNo,
  messageId,
  MAX_PUBLISHERS,
  MAX_SUBSCRIBERS,
  PUBSUB_COLUMNS,
  PubSubTrace,
  SUB_COLUMNS_OFFSET,
  type PubSubMode,
  type PubSubParams,
  type PubSubSummary,
  type PubSubView,
} from './pubsub-types.ts';
import { pubsubSummary, pubsubView } from './pubsub-report.ts';

export { pubsubParamsFrom, PUBSUB_COLUMNS, PubSubTrace } from './pubsub-types.ts';

/**
 * Event kinds; as priorities they order simultaneous events: completions, then connections, then
 * publications. So a subscriber that connects at t receives what is published at t (and misses t' < t).
 */
const EV_DONE = 0;
const EV_JOIN = 1;
const EV_PUBLISH = 2;

/**
 * Semantics (DESIGN §2, ZeroMQ PUB/SUB):
 * - A subscription matches when the publisher's topic starts with the filter (case-sensitive, '' = all).
 * - Each matching subscriber gets its own copy. A connected subscriber that is idle with nothing waiting
 *   starts on it at once; otherwise it waits in the subscriber's FIFO. `hwm` bounds the WAITING messages
 *   (the one in service does not count); in `zmq` mode a copy that meets a full queue is dropped for that
 *   subscriber only (the newest is dropped, nothing queued is evicted). Publishers never block.
 * - zmq: a subscriber that is not connected (before `join`) counts the copies it would get as `missed`.
 *   durable: the broker queues them for it, unbounded, and it works through the backlog once connected.
 * - A subscriber consumes only while connected; when it disconnects (a later `join`) it finishes the
 *   message in service and its queue waits. Lowering `subscribers` removes the highest ones the same
 *   way, and removed subscribers are not offered messages at all (nothing counted) until raised again.
 * - Changing `mode`, `hwm`, `filters` or `topics` affects future messages only: nothing queued is evicted.
 */
export class PubSubModel extends Simulation {
  readonly seed: number;
  readonly p: PubSubParams;

  // Publishers (arrays grow when `publishers` is raised; a lowered count deactivates the highest).
  private pubRng: RandomStream[] = [];
  private pubActive: boolean[] = [];
  private pubPendingSeq: number[] = [];
  private pubNextSec: number[] = [];
  /** Messages published so far, per publisher. */
  readonly published: number[] = [];
  publishedTotal = 0;
  /** Copies routed to subscriber queues (including those dropped at the HWM), for `fanout`. */
  routed = 0;
  /** matches[p * MAX_SUBSCRIBERS + s] = 1 when publisher p's topic starts with subscriber s's filter. */
  private readonly matches = new Uint8Array(MAX_PUBLISHERS * MAX_SUBSCRIBERS);

  // Subscribers (the read-only ones are also read by pubsub-report.ts).
  private subRng: RandomStream[] = [];
  private subActive: boolean[] = [];
  readonly subConnected: boolean[] = [];
  private subJoinSeq: number[] = [];
  readonly queues: MessageFifo[] = [];
  readonly subBusy: boolean[] = [];
  readonly subMsg: number[] = [];
  private subBornSec: number[] = [];
  private subDoneSec: number[] = [];
  private subPendingSeq: number[] = [];
  readonly latency: QuantileSketch[] = [];
  /** Latest delivery latencies over all subscribers, for the live histogram. */
  private recentLatency = new RecentWindow(256);
  readonly matched: number[] = [];
  readonly missed: number[] = [];
  readonly consumed: number[] = [];
  readonly droppedHwm: number[] = [];
  readonly maxWaiting: number[] = [];

  constructor(
    params: PubSubParams,
    seed: number,
    opts: { warmupSec?: number; sampleIntervalSec?: number } = {},
  ) {
    super(PUBSUB_COLUMNS, opts.sampleIntervalSec ?? 0.1, opts.warmupSec ?? 0);
    this.seed = seed;
    this.p = {
      ...params,
      publish: [...params.publish],
      topics: [...params.topics],
      filters: [...params.filters],
      consume: [...params.consume],
      hwm: [...params.hwm],
      join: [...params.join],
    };
    this.computeMatches();
    this.setSubscribers(params.subscribers);
    this.setPublishers(params.publishers);
  }

  // ---- events ----------------------------------------------------------------------------------

  protected handle(kind: number, target: number, seq: number): void {
    if (kind === EV_PUBLISH) this.onPublish(target, seq);
    else if (kind === EV_DONE) this.onDone(target, seq);
    else if (seq === this.subJoinSeq[target]) {
      this.subJoinSeq[target] = -1;
      this.updateConnection(target);
    }
  }

  private onPublish(p: number, seq: number): void {
    if (seq !== this.pubPendingSeq[p]) return; // rescheduled or cancelled
    this.pubPendingSeq[p] = -1;
    const id = messageId(p, firstEventNo(p) + this.published[p]);
    this.published[p]++;
    this.publishedTotal++;
    const now = this.nowSec;
    const durable = this.p.mode === 'durable';
    const n = this.queues.length;
    const row = p * MAX_SUBSCRIBERS;
    if (this.trace) {
      let copies = 0;
      for (let s = 0; s < n; s++)
        if (this.subActive[s] && this.matches[row + s] && (durable || this.subConnected[s])) copies++;
      this.trace.write(now, PubSubTrace.publish, id, p, copies);
    }
    for (let s = 0; s < n; s++) {
      if (!this.subActive[s] || this.matches[row + s] === 0) continue;
      this.matched[s]++;
      const connected = this.subConnected[s];
      if (!connected && !durable) {
        this.missed[s]++;
        this.trace?.write(now, PubSubTrace.missed, id, s);
        continue;
      }
      this.routed++;
      const q = this.queues[s];
      if (connected && !this.subBusy[s] && q.length === 0) {
        this.trace?.write(now, PubSubTrace.deliver, id, s, 0);
        this.startService(s, id, now);
      } else if (durable || q.length < this.p.hwm[s]) {
        q.push(id, now, now, p);
        if (q.length > this.maxWaiting[s]) this.maxWaiting[s] = q.length;
        this.trace?.write(now, PubSubTrace.deliver, id, s, q.length);
      } else {
        this.droppedHwm[s]++;
        this.trace?.write(now, PubSubTrace.dropHwm, id, s, this.p.hwm[s]);
      }
    }
    this.schedulePublish(p);
  }

  private startService(s: number, id: number, bornSec: number): void {
    const now = this.nowSec;
    this.subBusy[s] = true;
    this.subMsg[s] = id;
    this.subBornSec[s] = bornSec;
    const done = now + sampleDurationSec(this.p.service, this.p.consume[s], this.subRng[s]);
    this.subDoneSec[s] = done;
    this.subPendingSeq[s] = this.heap.push(done, EV_DONE, EV_DONE, s);
    this.trace?.write(now, PubSubTrace.start, id, s, now - bornSec);
  }

  private onDone(s: number, seq: number): void {
    if (seq !== this.subPendingSeq[s]) return;
    this.subPendingSeq[s] = -1;
    this.subBusy[s] = false;
    this.consumed[s]++;
    const latencySec = this.nowSec - this.subBornSec[s];
    this.latency[s].add(latencySec);
    this.recentLatency.add(latencySec);
    this.trace?.write(this.nowSec, PubSubTrace.done, this.subMsg[s], s, latencySec);
    this.takeNext(s);
  }

  /** A connected, idle subscriber takes the head of its queue. */
  private takeNext(s: number): void {
    const q = this.queues[s];
    if (!this.subConnected[s] || this.subBusy[s] || q.length === 0) return;
    const id = q.headId();
    const born = q.headBornSec();
    q.shift();
    this.startService(s, id, born);
  }

  private schedulePublish(p: number): void {
    if (!this.pubActive[p]) return;
    const at = this.nowSec + sampleDurationSec(this.p.arrival, this.p.publish[p], this.pubRng[p]);
    this.pubNextSec[p] = at;
    this.pubPendingSeq[p] = this.heap.push(at, EV_PUBLISH, EV_PUBLISH, p);
  }

  /** Connects or disconnects subscriber s to match "active and join time reached"; arms the join event. */
  private updateConnection(s: number): void {
    const joinSec = this.p.join[s];
    const want = this.subActive[s] && this.nowSec >= joinSec;
    if (this.subActive[s] && !want && this.subJoinSeq[s] === -1) {
      this.subJoinSeq[s] = this.heap.push(joinSec, EV_JOIN, EV_JOIN, s);
    }
    if (want === this.subConnected[s]) return;
    this.subConnected[s] = want;
    this.trace?.write(this.nowSec, want ? PubSubTrace.connect : PubSubTrace.disconnect, 0, s);
    if (want) this.takeNext(s);
  }

  // ---- changes while running -------------------------------------------------------------------

  private computeMatches(): void {
    const { topics, filters } = this.p;
    for (let p = 0; p < MAX_PUBLISHERS; p++) {
      for (let s = 0; s < MAX_SUBSCRIBERS; s++) {
        this.matches[p * MAX_SUBSCRIBERS + s] = topics[p].startsWith(filters[s]) ? 1 : 0;
      }
    }
  }

  private setPublishers(n: number): void {
    for (let p = this.pubRng.length; p < n; p++) {
      this.pubRng.push(new RandomStream(this.seed, `publisher${p + 1}`));
      this.pubActive.push(false);
      this.pubPendingSeq.push(-1);
      this.pubNextSec.push(0);
      this.published.push(0);
    }
    this.p.publishers = n;
    for (let p = 0; p < this.pubRng.length; p++) {
      const want = p < n;
      if (want === this.pubActive[p]) continue;
      this.pubActive[p] = want;
      if (want) this.schedulePublish(p);
      else this.pubPendingSeq[p] = -1;
    }
  }

  private setSubscribers(n: number): void {
    for (let s = this.queues.length; s < n; s++) {
      this.subRng.push(new RandomStream(this.seed, `subscriber${s + 1}`));
      this.subActive.push(false);
      this.subConnected.push(false);
      this.subJoinSeq.push(-1);
      this.queues.push(new MessageFifo(16));
      this.subBusy.push(false);
      this.subMsg.push(0);
      this.subBornSec.push(0);
      this.subDoneSec.push(0);
      this.subPendingSeq.push(-1);
      this.latency.push(new QuantileSketch());
      this.matched.push(0);
      this.missed.push(0);
      this.consumed.push(0);
      this.droppedHwm.push(0);
      this.maxWaiting.push(0);
    }
    this.p.subscribers = n;
    for (let s = 0; s < this.queues.length; s++) {
      this.subActive[s] = s < n;
      this.updateConnection(s);
    }
  }

  protected applyChange(name: string, value: ParamValue): void {
    switch (name) {
      case 'publishers':
        this.setPublishers(value as number);
        break;
      case 'subscribers':
        this.setSubscribers(value as number);
        break;
      case 'publish': {
        // Rescale the time left to each pending publication: work continues at the new pace.
        const old = this.p.publish;
        this.p.publish = expandPubSubList(name, value) as number[];
        rescalePending(this.heap, this.nowSec, this.pubPendingSeq, this.pubNextSec, EV_PUBLISH, (i) =>
          old[i] === this.p.publish[i] ? null : old[i] / this.p.publish[i],
        );
        break;
      }
      case 'consume': {
        const old = this.p.consume;
        this.p.consume = expandPubSubList(name, value) as number[];
        rescalePending(this.heap, this.nowSec, this.subPendingSeq, this.subDoneSec, EV_DONE, (i) =>
          old[i] === this.p.consume[i] ? null : old[i] / this.p.consume[i],
        );
        break;
      }
      case 'topics':
      case 'filters':
        this.p[name] = expandPubSubList(name, value) as string[];
        this.computeMatches();
        break;
      case 'hwm':
        this.p.hwm = expandPubSubList(name, value) as number[];
        break;
      case 'join':
        this.p.join = expandPubSubList(name, value) as number[];
        for (let s = 0; s < this.queues.length; s++) {
          this.subJoinSeq[s] = -1; // re-armed for the new time by updateConnection
          this.updateConnection(s);
        }
        break;
      case 'arrival':
        this.p.arrival = value as Variability;
        break;
      case 'service':
        this.p.service = value as Variability;
        break;
      case 'mode':
        this.p.mode = value as PubSubMode;
        break;
    }
  }

  // ---- statistics ------------------------------------------------------------------------------

  protected accumulate(): void {
    // Nothing time-weighted: queue depths are sampled into the series.
  }

  protected resetWindow(): void {
    for (const l of this.latency) l.reset();
  }

  protected sampleInto(row: number[]): void {
    row[0] = this.publishedTotal;
    row[1] = this.p.publishers;
    row[2] = this.p.subscribers;
    for (let s = 0; s < this.queues.length; s++) {
      const c = SUB_COLUMNS_OFFSET + 3 * s;
      row[c] = this.queues[s].length;
      row[c + 1] = this.droppedHwm[s];
      row[c + 2] = this.consumed[s];
    }
  }

  /** The CLI summary of CONTRACT §2 (without `wallMs`, which the caller measures). */
  summary(): PubSubSummary {
    return pubsubSummary(this);
  }

  /** Messages waiting in all subscriber queues. */
  storedMessages(): number {
    let n = 0;
    for (const q of this.queues) n += q.length;
    return n;
  }

  /** Latest delivery latencies over all subscribers, for the live histogram. */
  recentLatencies(): Float64Array {
    return this.recentLatency.values();
  }

  /** What the flow view draws: per publisher its topic and count; per subscriber its queue and state. */
  view(): PubSubView {
    return pubsubView(this);
  }
}
