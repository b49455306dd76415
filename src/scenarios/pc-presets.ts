// Producer/consumer presets: the article's queue.Queue program and five situations worth showing a class.
import type { Preset } from './schema.ts';

export const pcPresets: readonly Preset[] = [
  {
    id: 'python-queue',
    title: { zh: '文章里的 queue.Queue 程序', en: 'The article’s queue.Queue program' },
    explain: {
      zh: '一个生产者每 2 秒放入一对数字，一个消费者每处理一条就随机休息 0 到 10 秒，平均 5 秒。消费比生产慢，而队列没有上限，所以积压会一直增长下去。',
      en: 'One producer puts a pair of numbers every 2 s; one consumer rests 0–10 s (5 s on average) after each. It consumes slower than it produces and the queue has no limit, so the backlog grows without end.',
    },
    values: {
      producers: 1,
      produce: 0.5,
      arrival: 'const',
      consumers: 1,
      consume: 0.2,
      service: 'uniform',
      capacity: Infinity,
      overflow: 'drop-new',
      ttl: Infinity,
    },
    speed: 5,
  },
  {
    id: 'balanced',
    title: { zh: '供需平衡', en: 'A balanced system' },
    explain: {
      zh: '平均每秒来 0.8 条、能处理 1 条，利用率 80%。队列偶尔变长又很快消化，这就是缓冲区的作用：吸收随机波动。',
      en: 'On average 0.8 messages arrive per second and 1 can be processed: 80% utilisation. The queue grows now and then and drains again: a buffer absorbs random bursts.',
    },
    values: { producers: 1, produce: 0.8, arrival: 'exp', consumers: 1, consume: 1, service: 'exp' },
    speed: 10,
  },
  {
    id: 'overload',
    title: { zh: '过载的有界队列', en: 'An overloaded bounded queue' },
    explain: {
      zh: '生产是消费能力的两倍，队列只能放 20 条。队列很快被填满，此后大约一半的新消息被直接丢弃。',
      en: 'Messages arrive twice as fast as they can be processed and only 20 may wait. The queue fills quickly; from then on about half of the new messages are dropped.',
    },
    values: { producers: 2, produce: 1, consumers: 1, consume: 1, capacity: 20, overflow: 'drop-new' },
    speed: 5,
  },
  {
    id: 'backpressure',
    title: { zh: '阻塞式背压', en: 'Blocking backpressure' },
    explain: {
      zh: '同样过载，但队列满时生产者会阻塞等待，就像 queue.Queue(maxsize).put（）。一条消息都不丢，代价是生产者被拖慢到消费者的速度。',
      en: 'The same overload, but a full queue makes the producer wait, like queue.Queue(maxsize).put(). Nothing is lost; the price is that producers are slowed to the consumer’s pace.',
    },
    values: { producers: 2, produce: 1, consumers: 1, consume: 1, capacity: 10, overflow: 'block' },
    speed: 5,
  },
  {
    id: 'competing-consumers',
    title: { zh: '多个消费者竞争', en: 'Competing consumers' },
    explain: {
      zh: '每秒 20 条消息，单个消费者每秒只能处理 3 条，于是开 8 个消费者从同一个队列里抢活干。把消费者减到 6 个试试：利用率超过 100%，队列会一直增长。',
      en: '20 messages a second, and one consumer handles only 3, so eight consumers share one queue. Try six: the load exceeds their capacity and the queue grows without end.',
    },
    values: { producers: 4, produce: 5, consumers: 8, consume: 3, service: 'exp' },
    speed: 2,
  },
  {
    id: 'ttl-expiry',
    title: { zh: '消息过期（TTL）', en: 'Messages expiring (TTL)' },
    explain: {
      zh: '消费者跟不上，消息在队列里最多等 5 秒。等太久的消息会过期作废：队列不会无限增长，但过期的消息就再也不会被处理了。',
      en: 'The consumer cannot keep up and a message may wait at most 5 s. Messages that wait too long expire: the queue stays short, but expired messages are never processed.',
    },
    values: { producers: 1, produce: 2, consumers: 1, consume: 1.5, capacity: Infinity, ttl: 5 },
    speed: 5,
  },
];
