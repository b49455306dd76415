// What the numbers panel shows for each scenario: test id (after the CLI field), label, raw value, format.
import type { MessageKey } from '../i18n/index.ts';
import type { ScenarioId } from '../scenarios/schema.ts';

export type StatFormat = 'int' | 'sec' | 'pct' | 'rate' | 'ratio';

export interface StatItem {
  /** `stat-<field>`: the CLI summary field, nested fields joined with `-`. */
  testId: string;
  label: MessageKey;
  labelVars?: Record<string, string | number>;
  /** A label that is data, not interface text (a publisher's topic); shown as text. */
  labelText?: string;
  value: number;
  format: StatFormat;
  /** Drawn smaller, under the item before it (a breakdown). */
  sub?: boolean;
  tone?: 'good' | 'bad';
}

export interface StatGroup {
  title?: { key: MessageKey; vars?: Record<string, string | number> };
  items: StatItem[];
}

type Json = Record<string, unknown>;
const num = (o: unknown, ...path: string[]): number => {
  let v: unknown = o;
  for (const p of path) v = (v as Json | undefined)?.[p];
  return typeof v === 'number' ? v : 0;
};

function pcStats(s: Json): StatGroup[] {
  const overflow = num(s, 'dropped', 'overflow');
  const expired = num(s, 'dropped', 'expired');
  return [
    {
      items: [
        { testId: 'stat-produced', label: 'produced', value: num(s, 'produced'), format: 'int' },
        {
          testId: 'stat-consumed',
          label: 'consumed',
          value: num(s, 'consumed'),
          format: 'int',
          tone: 'good',
        },
        { testId: 'stat-dropped', label: 'dropped', value: overflow + expired, format: 'int', tone: 'bad' },
        {
          testId: 'stat-dropped-overflow',
          label: 'droppedOverflow',
          value: overflow,
          format: 'int',
          sub: true,
        },
        { testId: 'stat-dropped-expired', label: 'droppedExpired', value: expired, format: 'int', sub: true },
        { testId: 'stat-waiting', label: 'waiting', value: num(s, 'waiting'), format: 'int' },
        { testId: 'stat-inService', label: 'inService', value: num(s, 'inService'), format: 'int' },
        { testId: 'stat-blocked', label: 'blocked', value: num(s, 'blocked'), format: 'int' },
      ],
    },
    {
      items: [
        {
          testId: 'stat-stats-utilization',
          label: 'utilization',
          value: num(s, 'stats', 'utilization'),
          format: 'pct',
        },
        {
          testId: 'stat-stats-throughput',
          label: 'throughput',
          value: num(s, 'stats', 'throughput'),
          format: 'rate',
        },
        {
          testId: 'stat-stats-wait-mean',
          label: 'meanWait',
          value: num(s, 'stats', 'wait', 'mean'),
          format: 'sec',
        },
        {
          testId: 'stat-stats-sojourn-mean',
          label: 'meanSojourn',
          value: num(s, 'stats', 'sojourn', 'mean'),
          format: 'sec',
        },
      ],
    },
  ];
}

function pubsubStats(s: Json): StatGroup[] {
  const published = (s.published as number[] | undefined) ?? [];
  const topics = (s.topics as string[] | undefined) ?? [];
  const subs = (s.subscribers as Json[] | undefined) ?? [];
  const groups: StatGroup[] = [
    {
      items: [
        {
          testId: 'stat-published',
          label: 'published',
          value: published.reduce((a, b) => a + b, 0),
          format: 'int',
        },
        ...published.map((v, i) => ({
          testId: `stat-published-${i + 1}`,
          label: 'published' as MessageKey,
          value: v,
          format: 'int' as StatFormat,
          sub: true,
          labelText: topics[i] ?? `#${i + 1}`,
        })),
        { testId: 'stat-fanout', label: 'fanout', value: num(s, 'fanout'), format: 'ratio' },
      ],
    },
  ];
  subs.forEach((sub, k) => {
    const i = k + 1;
    groups.push({
      title: { key: 'subscriber', vars: { i } },
      items: [
        {
          testId: `stat-subscriber${i}-matched`,
          label: 'matched',
          value: num(sub, 'matched'),
          format: 'int',
        },
        { testId: `stat-subscriber${i}-missed`, label: 'missed', value: num(sub, 'missed'), format: 'int' },
        {
          testId: `stat-subscriber${i}-consumed`,
          label: 'consumed',
          value: num(sub, 'consumed'),
          format: 'int',
          tone: 'good',
        },
        {
          testId: `stat-subscriber${i}-dropped`,
          label: 'hwmDrops',
          value: num(sub, 'dropped', 'hwm'),
          format: 'int',
          tone: 'bad',
        },
        {
          testId: `stat-subscriber${i}-waiting`,
          label: 'waiting',
          value: num(sub, 'waiting'),
          format: 'int',
        },
        {
          testId: `stat-subscriber${i}-latency-p95`,
          label: 'latencyP95',
          value: num(sub, 'latency', 'p95'),
          format: 'sec',
        },
      ],
    });
  });
  return groups;
}

function seckillStats(s: Json): StatGroup[] {
  return [
    {
      items: [
        { testId: 'stat-requests', label: 'requests', value: num(s, 'requests'), format: 'int' },
        {
          testId: 'stat-succeeded',
          label: 'succeeded',
          value: num(s, 'succeeded'),
          format: 'int',
          tone: 'good',
        },
        { testId: 'stat-stockLeft', label: 'stockLeft', value: num(s, 'stockLeft'), format: 'int' },
        {
          testId: 'stat-rejected-full',
          label: 'rejectedFull',
          value: num(s, 'rejected', 'full'),
          format: 'int',
          tone: 'bad',
        },
        {
          testId: 'stat-rejected-risk',
          label: 'rejectedRisk',
          value: num(s, 'rejected', 'risk'),
          format: 'int',
          tone: 'bad',
        },
        {
          testId: 'stat-rejected-soldOut',
          label: 'rejectedSoldOut',
          value: num(s, 'rejected', 'soldOut'),
          format: 'int',
        },
        { testId: 'stat-timedOut', label: 'timedOut', value: num(s, 'timedOut'), format: 'int', tone: 'bad' },
        { testId: 'stat-waiting', label: 'waiting', value: num(s, 'waiting'), format: 'int' },
        { testId: 'stat-inService', label: 'inService', value: num(s, 'inService'), format: 'int' },
      ],
    },
    {
      items: [
        {
          testId: 'stat-response-p95',
          label: 'responseP95',
          value: num(s, 'response', 'p95'),
          format: 'sec',
        },
        {
          testId: 'stat-order-backlog',
          label: 'orderBacklog',
          value: num(s, 'order', 'backlog'),
          format: 'int',
        },
        { testId: 'stat-sms-backlog', label: 'smsBacklog', value: num(s, 'sms', 'backlog'), format: 'int' },
        {
          testId: 'stat-stats-backlog',
          label: 'statsBacklog',
          value: num(s, 'stats', 'backlog'),
          format: 'int',
        },
        {
          testId: 'stat-inconsistency-max',
          label: 'inconsistencyMax',
          value: num(s, 'inconsistency', 'max'),
          format: 'int',
        },
        { testId: 'stat-oversold', label: 'oversold', value: num(s, 'oversold'), format: 'int', sub: true },
      ],
    },
  ];
}

export function statsFor(s: ScenarioId, summary: Json): StatGroup[] {
  if (s === 'pc') return pcStats(summary);
  if (s === 'pubsub') return pubsubStats(summary);
  return seckillStats(summary);
}
