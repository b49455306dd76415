// Read-outs of the pub/sub model: the CLI summary and the flow view, built from its state.
import type { PubSubModel } from './pubsub-model.ts';
import type { PubSubSummary, PubSubView } from './pubsub-types.ts';

/** Messages listed per subscriber queue in the flow view (the head of the queue). */
const VIEW_QUEUED = 20;

/** The CLI summary of CONTRACT §2 (without `wallMs`, which the caller measures). */
export function pubsubSummary(m: PubSubModel): PubSubSummary {
  const subscribers: PubSubSummary['subscribers'] = [];
  for (let s = 0; s < m.p.subscribers; s++) {
    const waiting = m.queues[s].length;
    const inService = m.subBusy[s] ? 1 : 0;
    subscribers.push({
      filter: m.p.filters[s],
      matched: m.matched[s],
      missed: m.missed[s],
      received: waiting + inService + m.consumed[s],
      consumed: m.consumed[s],
      dropped: { hwm: m.droppedHwm[s] },
      waiting,
      inService,
      latency: m.latency[s].summary(),
      connected: m.subConnected[s],
      hwm: m.p.hwm[s],
      maxWaiting: m.maxWaiting[s],
    });
  }
  return {
    scenario: 'pubsub',
    seed: m.seed,
    until: m.nowSec,
    warmup: m.warmupSec,
    events: m.events,
    mode: m.p.mode,
    published: m.published.slice(0, m.p.publishers),
    topics: m.p.topics.slice(0, m.p.publishers),
    publishedTotal: m.publishedTotal,
    fanout: m.publishedTotal > 0 ? m.routed / m.publishedTotal : 0,
    subscribers,
  };
}

/** What the flow view draws: per publisher its topic and count; per subscriber its queue and state. */
export function pubsubView(m: PubSubModel): PubSubView {
  const durable = m.p.mode === 'durable';
  const publishers: PubSubView['publishers'] = [];
  for (let p = 0; p < m.p.publishers; p++)
    publishers.push({ topic: m.p.topics[p], published: m.published[p] });
  const subscribers: PubSubView['subscribers'] = [];
  for (let s = 0; s < m.p.subscribers; s++) {
    const q = m.queues[s];
    const shown = Math.min(q.length, VIEW_QUEUED);
    const queuedIds: number[] = [];
    const queuedPublishers: number[] = [];
    for (let i = 0; i < shown; i++) {
      queuedIds.push(q.idAt(i));
      queuedPublishers.push(q.tagAt(i));
    }
    subscribers.push({
      connected: m.subConnected[s],
      joinSec: m.p.join[s],
      filter: m.p.filters[s],
      waiting: q.length,
      hwm: durable ? Infinity : m.p.hwm[s],
      busy: m.subBusy[s],
      inServiceId: m.subBusy[s] ? m.subMsg[s] : 0,
      queuedIds,
      queuedPublishers,
    });
  }
  return { mode: m.p.mode, publishers, subscribers };
}
