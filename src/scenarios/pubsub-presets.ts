// Pub/sub presets: the article's ZeroMQ example and the situations that show PUB/SUB semantics.
import type { Preset } from './schema.ts';

export const pubsubPresets: readonly Preset[] = [
  {
    id: 'zmq-article',
    title: { zh: '文章里的 ZeroMQ 例子', en: 'The article’s ZeroMQ example' },
    explain: {
      zh: '两个发布者各自每秒发一条事件，两个订阅者都连上这两个发布者，并且订阅全部主题。每条消息都会被复制成两份，每个订阅者各收一份：这就是服务之间的观察者模式，也是一种广播。',
      en: 'Two publishers each send one event a second; two subscribers connect to both and subscribe to everything. Every message is copied, one copy per subscriber: the observer pattern between services, and a broadcast.',
    },
    values: {
      publishers: 2,
      publish: [1],
      arrival: 'const',
      topics: ['publisher{i}'],
      subscribers: 2,
      filters: [''],
      consume: [10],
      mode: 'zmq',
    },
    speed: 1,
  },
  {
    id: 'topic-filter',
    title: { zh: '按主题前缀过滤', en: 'Filtering by topic prefix' },
    explain: {
      zh: '三个发布者的主题分别是 weather.bj、weather.sh 和 sports.nba。订阅 “weather.” 的只收天气，订阅 “sports.” 的只收体育，留空的什么都收，而订阅 “weather.sh” 的只收上海天气。过滤只看主题开头的字节，区分大小写，而且在进队列之前就做完了。',
      en: 'Three publishers use the topics weather.bj, weather.sh and sports.nba. The “weather.” subscriber gets only weather, “sports.” only sports, the empty filter everything, and “weather.sh” only Shanghai’s weather. A filter is a case-sensitive byte prefix, applied before anything is queued.',
    },
    values: {
      publishers: 3,
      publish: [1],
      arrival: 'exp',
      topics: ['weather.bj', 'weather.sh', 'sports.nba'],
      subscribers: 4,
      filters: ['weather.', 'sports.', '', 'weather.sh'],
      consume: [10],
      mode: 'zmq',
    },
    speed: 2,
  },
  {
    id: 'slow-subscriber',
    title: { zh: '慢订阅者撞上高水位', en: 'A slow subscriber hits its high-water mark' },
    explain: {
      zh: '每秒一共发布 4 条消息，订阅者 1 每秒能处理 20 条，订阅者 2 每秒只能处理 1 条。订阅者 2 的队列几秒内就涨到高水位 20，之后发给它的新消息直接被丢掉；订阅者 1 一条不丢，发布者也从不被阻塞。',
      en: 'Four messages a second are published in all; subscriber 1 handles 20 a second, subscriber 2 only 1. Within seconds subscriber 2’s queue reaches its high-water mark of 20 and new messages for it are dropped, while subscriber 1 loses nothing and the publishers never wait.',
    },
    values: {
      publishers: 2,
      publish: [2],
      arrival: 'exp',
      subscribers: 2,
      filters: [''],
      consume: [20, 1],
      service: 'exp',
      hwm: [20],
      mode: 'zmq',
    },
    speed: 2,
  },
  {
    id: 'slow-joiner',
    title: { zh: '迟到的订阅者（slow joiner）', en: 'The slow joiner' },
    explain: {
      zh: '订阅者 2 在第 10 秒才连上。ZeroMQ 不会替它保存之前的消息，所以前 10 秒里两个发布者发出的 18 条它永远收不到，统计里记为“错过”。',
      en: 'Subscriber 2 connects only at 10 s. ZeroMQ keeps nothing for it, so the 18 messages the two publishers sent before that never reach it: they are counted as missed.',
    },
    values: {
      publishers: 2,
      publish: [1],
      arrival: 'const',
      subscribers: 2,
      filters: [''],
      consume: [4],
      join: [0, 10],
      mode: 'zmq',
    },
    speed: 2,
  },
  {
    id: 'durable',
    title: { zh: '持久订阅：迟到也不丢', en: 'Durable subscriptions: late but complete' },
    explain: {
      zh: '和“迟到的订阅者”完全一样，只是代理换成持久模式：从第 0 秒起就替每个订阅者保存消息。订阅者 2 在第 10 秒连上时，先收到积压的 18 条，再慢慢追上来，一条都不错过；代价是代理要替它存下这些消息。',
      en: 'The same as the slow joiner, but the broker is durable: it keeps every subscriber’s messages from t = 0. When subscriber 2 connects at 10 s it receives the backlog of 18 and then catches up, missing nothing; the price is the storage the broker spends on it.',
    },
    values: {
      publishers: 2,
      publish: [1],
      arrival: 'const',
      subscribers: 2,
      filters: [''],
      consume: [4],
      join: [0, 10],
      mode: 'durable',
    },
    speed: 2,
  },
];
