// Producer/consumer scenario schema (CONTRACT §1, s=pc): producers put, competing consumers take from one queue.
import type { EnumSpec, NumberSpec, ScenarioSchema, Text } from './schema.ts';
import { pcPresets } from './pc-presets.ts';

const perSec: Text = { zh: '条/秒', en: 'msg/s' };

const variabilityHelp = {
  const: { zh: '固定：每次都正好是平均值', en: 'constant: always exactly the mean' },
  exp: {
    zh: '指数分布：随机，偶尔很长（泊松过程）',
    en: 'exponential: random, sometimes long (a Poisson process)',
  },
  uniform: { zh: '均匀分布：在 0 到两倍平均值之间', en: 'uniform: anywhere between 0 and twice the mean' },
};

const variability = (name: string, label: Text, help: Text, def: string): EnumSpec => ({
  kind: 'enum',
  name,
  label,
  help,
  values: ['const', 'exp', 'uniform'],
  valueHelp: variabilityHelp,
  default: def,
});

const count = (name: string, label: Text, help: Text): NumberSpec => ({
  kind: 'number',
  name,
  label,
  help,
  min: 1,
  max: 50,
  integer: true,
  scale: 'linear',
  default: 1,
});

const rate = (name: string, label: Text, help: Text, def: number): NumberSpec => ({
  kind: 'number',
  name,
  label,
  help,
  unit: perSec,
  min: 0.001,
  max: 100000,
  scale: 'log',
  default: def,
});

export const pcSchema: ScenarioSchema = {
  id: 'pc',
  title: { zh: '生产者与消费者', en: 'Producers and consumers' },
  params: [
    count(
      'producers',
      { zh: '生产者数量', en: 'Producers' },
      { zh: '往队列里放消息的生产者有几个。', en: 'How many producers put messages into the queue.' },
    ),
    rate(
      'produce',
      { zh: '生产速率', en: 'Production rate' },
      {
        zh: '每个生产者平均每秒产生多少条消息。',
        en: 'Messages per second each producer sends, on average.',
      },
      1,
    ),
    variability(
      'arrival',
      { zh: '生产间隔的波动', en: 'Arrival variability' },
      {
        zh: '同一个生产者两条消息之间的间隔如何变化。',
        en: 'How the gaps between one producer’s messages vary.',
      },
      'exp',
    ),
    count(
      'consumers',
      { zh: '消费者数量', en: 'Consumers' },
      {
        zh: '从同一个队列里抢消息处理的消费者有几个。',
        en: 'How many competing consumers take from the one shared queue.',
      },
    ),
    rate(
      'consume',
      { zh: '消费速率', en: 'Processing rate' },
      { zh: '一个消费者平均每秒能处理多少条消息。', en: 'Messages per second one consumer can process.' },
      1.25,
    ),
    variability(
      'service',
      { zh: '处理时间的波动', en: 'Service variability' },
      { zh: '处理一条消息所需的时间如何变化。', en: 'How the time to process one message varies.' },
      'exp',
    ),
    {
      kind: 'number',
      name: 'capacity',
      label: { zh: '队列容量', en: 'Queue capacity' },
      help: {
        zh: '最多能有多少条消息在队列里排队（正在处理的不算）;inf 表示不设上限。',
        en: 'How many messages may wait in the queue (those being processed do not count); inf means no limit.',
      },
      unit: { zh: '条', en: 'msgs' },
      min: 0,
      max: 1000000,
      integer: true,
      allowInf: true,
      scale: 'log',
      default: Infinity,
    },
    {
      kind: 'enum',
      name: 'overflow',
      label: { zh: '队列满时', en: 'When full' },
      help: {
        zh: '队列已满时，新来的消息会遇到什么。',
        en: 'What a producer’s new message meets when the queue is full.',
      },
      values: ['drop-new', 'drop-old', 'block'],
      valueHelp: {
        'drop-new': { zh: '丢弃新消息', en: 'drop the new message' },
        'drop-old': {
          zh: '丢弃等得最久的旧消息，新消息入队',
          en: 'drop the oldest waiting message, queue the new one',
        },
        block: {
          zh: '生产者阻塞，等到有空位再放（背压）',
          en: 'the producer waits until there is room (backpressure)',
        },
      },
      default: 'drop-new',
    },
    {
      kind: 'number',
      name: 'ttl',
      label: { zh: '消息有效期 TTL', en: 'Message TTL' },
      help: {
        zh: '消息在队列里等待超过这么多秒就过期丢弃；inf 表示永不过期。',
        en: 'A message that waits longer than this many seconds expires and is dropped; inf means never.',
      },
      unit: { zh: '秒', en: 's' },
      min: 0,
      minExclusive: true,
      max: 1e9,
      allowInf: true,
      scale: 'log',
      default: Infinity,
    },
  ],
  presets: pcPresets,
};
