// Seckill presets: the article's flash sale and the comparisons that show why the queue helps.
import type { Preset } from './schema.ts';

export const seckillPresets: readonly Preset[] = [
  {
    id: 'article-sale',
    title: { zh: '文章里的秒杀：10 万人抢 100 件', en: 'The article’s sale: 100,000 people, 100 items' },
    explain: {
      zh: '开抢一瞬间涌进 10 万个请求，4 台服务器只做风控和锁库存，锁定成功就立刻回复用户；生成订单、发短信、更新统计放进消息队列慢慢做。100 件几十毫秒就卖光，之后的请求直接返回“已售罄”，而短信队列还要再忙将近一秒。',
      en: 'A hundred thousand requests arrive as the sale opens. Four servers do only risk control and the inventory lock and answer at once; order, SMS and statistics go into message queues for later. The 100 items are gone within tens of milliseconds, later requests fail fast with “sold out”, and the SMS queue keeps working for almost a second after that.',
    },
    values: { users: 100000, stock: 100 },
    speed: 0.1,
  },
  {
    id: 'sync',
    title: { zh: '同步处理：五步都做完才回复', en: 'Synchronous: all five steps before the reply' },
    explain: {
      zh: '人群和种子完全相同，只是服务器要把下单、短信、统计也做完才回复。每个成功的请求占用服务器的时间长了二十多倍，削峰队列被塞满，大批请求被直接拒绝，抢到的人也要多等几百毫秒。和“文章里的秒杀”对比着看。',
      en: 'The same crowd and seed, but each server also creates the order, sends the SMS and updates statistics before it answers. A successful request holds its server more than twenty times longer, the peak-shaving queue fills up, most requests are turned away, and even the winners wait hundreds of milliseconds longer. Compare it with the article’s sale.',
    },
    values: { users: 100000, stock: 100, mode: 'sync' },
    speed: 0.1,
  },
  {
    id: 'no-queue',
    title: { zh: '没有削峰队列', en: 'No peak-shaving queue' },
    explain: {
      zh: '队列容量为 0：请求来时恰好有空闲服务器才会被处理，否则立即以“队列已满”被拒绝。100 件照样几十毫秒卖完，但一万多人在售罄前就被挡在门外，谁能抢到靠的是运气，而不是先来后到。',
      en: 'The queue holds nothing: a request is served only if a server happens to be free at that instant, otherwise it is rejected at once as “full”. The 100 items still go within tens of milliseconds, but over ten thousand people are turned away before they do, and who gets an item is a matter of luck rather than of who came first.',
    },
    values: { buffer: 0 },
    speed: 0.1,
  },
  {
    id: 'short-timeout',
    title: { zh: '排队超时太短', en: 'A timeout that is too short' },
    explain: {
      zh: '这次有 2000 件商品，要卖半秒多，但请求在队列里最多只等 50 毫秒。排在后面的请求还没轮到服务器就超时失败，服务器处理的几乎都是刚好等了 50 毫秒的请求。把 timeout 改回 3 秒对比：超时的人变成了“队列已满”。',
      en: 'This time there are 2,000 items, which take over half a second to sell, but a request may wait only 50 ms in the queue. Requests further back time out before a server reaches them, and the ones served have nearly all waited the full 50 ms. Set timeout back to 3 s to compare: the timed-out requests become “queue full” rejections instead.',
    },
    values: { stock: 2000, timeout: 0.05 },
    speed: 0.1,
  },
  {
    id: 'tenfold-crowd',
    title: { zh: '人数是处理能力的十倍', en: 'A crowd ten times the servers’ capacity' },
    explain: {
      zh: '4 台服务器每秒共能处理 4000 个请求，1 秒内却均匀涌来 4 万人，而库存足够多（2 万件）。队列很快排满 1 万个，之后的请求被拒绝；队列要花两秒多才能消化完，这就是削峰：高峰被“压平”成服务器能承受的速度。',
      en: 'Four servers can handle 4,000 requests a second, and 40,000 people arrive evenly within one second; stock (20,000) is not the limit. The queue fills to 10,000 and later requests are rejected; the queue then takes over two seconds to work off. That is peak shaving: the peak is flattened to the pace the servers can sustain.',
    },
    values: { users: 40000, profile: 'uniform', stock: 20000 },
    speed: 0.2,
  },
  {
    id: 'slow-sms',
    title: { zh: '短信服务商很慢', en: 'A slow SMS provider' },
    explain: {
      zh: '短信接口每个工作者每秒只能发 2 条。秒杀在几十毫秒内就结束了，用户早已收到“抢购成功”，短信队列却要二十多秒才能发完。异步让慢步骤不拖累用户，代价是通知来得晚。',
      en: 'Each SMS worker can send only 2 messages a second. The sale is over within tens of milliseconds and buyers were told “success” at once, but the SMS queue needs over twenty seconds to drain. Going asynchronous keeps a slow step off the user’s path; the price is a late notification.',
    },
    values: { sms: 2 },
    speed: 1,
  },
];
