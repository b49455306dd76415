// Which charts each scenario draws: test id, title, and the line specs over the engine's series columns.
import type { LineChartOptions } from '../charts/line-chart.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { ScenarioId } from '../scenarios/schema.ts';
import type { T } from './hooks.ts';

export interface LineChartConfig {
  testId: string;
  title: MessageKey;
  options: LineChartOptions;
}

const C = (i: number) => `var(--c${((i - 1) % 8) + 1})`;

function pcCharts(t: T): LineChartConfig[] {
  const x = t('axisTime');
  return [
    {
      testId: 'chart-queue-depth',
      title: 'chartQueueDepth',
      options: {
        ariaLabel: t('chartQueueDepth'),
        xLabel: x,
        yLabel: t('axisMessages'),
        yMin0: true,
        lines: [
          { key: 'waiting', label: t('waiting'), color: C(1), area: true, step: true },
          { key: 'inService', label: t('inService'), color: C(3), step: true },
          { key: 'blocked', label: t('blocked'), color: C(4), step: true, dash: true },
        ],
        refLine: { key: 'capacity', label: t('capacity') },
      },
    },
    {
      testId: 'chart-drops',
      title: 'chartDrops',
      options: {
        ariaLabel: t('chartDrops'),
        xLabel: x,
        yLabel: t('axisPerSec'),
        yMin0: true,
        lines: [
          {
            key: 'droppedOverflow',
            label: t('droppedOverflow'),
            color: 'var(--danger, #dc2626)',
            transform: 'rate',
          },
          { key: 'droppedExpired', label: t('droppedExpired'), color: C(5), transform: 'rate', dash: true },
        ],
      },
    },
    {
      testId: 'chart-throughput',
      title: 'chartThroughput',
      options: {
        ariaLabel: t('chartThroughput'),
        xLabel: x,
        yLabel: t('axisPerSec'),
        yMin0: true,
        lines: [
          { key: 'produced', label: t('inRate'), color: C(1), transform: 'rate' },
          { key: 'consumed', label: t('outRate'), color: C(2), transform: 'rate' },
        ],
      },
    },
    {
      testId: 'chart-latency',
      title: 'chartLatency',
      options: {
        ariaLabel: t('chartLatency'),
        xLabel: x,
        yLabel: t('axisLatency'),
        yMin0: true,
        lines: [
          { key: 'sojournP50', label: 'p50', color: C(2) },
          { key: 'sojournP95', label: 'p95', color: C(4) },
          { key: 'sojournP99', label: 'p99', color: C(5), dash: true },
        ],
      },
    },
  ];
}

function pubsubCharts(t: T, subscribers: number): LineChartConfig[] {
  const x = t('axisTime');
  const subs = Array.from({ length: subscribers }, (_, k) => k + 1);
  const per = (field: string, transform?: 'rate') =>
    subs.map((i) => ({
      key: `sub${i}${field}`,
      label: t('subscriber', { i }),
      color: C(i),
      ...(transform ? { transform } : {}),
    }));
  return [
    {
      testId: 'chart-queue-depth',
      title: 'chartSubDepth',
      options: {
        ariaLabel: t('chartSubDepth'),
        xLabel: x,
        yLabel: t('axisMessages'),
        yMin0: true,
        lines: per('Waiting').map((l) => ({ ...l, step: true })),
      },
    },
    {
      testId: 'chart-drops',
      title: 'chartSubDrops',
      options: {
        ariaLabel: t('chartSubDrops'),
        xLabel: x,
        yLabel: t('axisPerSec'),
        yMin0: true,
        lines: per('Dropped', 'rate'),
      },
    },
    {
      testId: 'chart-delivered',
      title: 'chartSubDelivered',
      options: {
        ariaLabel: t('chartSubDelivered'),
        xLabel: x,
        yLabel: t('axisPerSec'),
        yMin0: true,
        lines: [
          { key: 'published', label: t('published'), color: 'var(--fg)', transform: 'rate', dash: true },
          ...per('Consumed', 'rate'),
        ],
      },
    },
  ];
}

function seckillCharts(t: T): LineChartConfig[] {
  const x = t('axisTime');
  return [
    {
      testId: 'chart-peak',
      title: 'chartPeak',
      options: {
        ariaLabel: t('chartPeak'),
        xLabel: x,
        yLabel: t('axisPerSecLog'),
        yLog: true,
        lines: [
          { key: 'arrivals', label: t('arrivals'), color: C(1), transform: 'rate', area: true },
          { key: 'served', label: t('served'), color: C(2), transform: 'rate' },
        ],
      },
    },
    {
      testId: 'chart-queue-depth',
      title: 'chartSeckillQueue',
      options: {
        ariaLabel: t('chartSeckillQueue'),
        xLabel: x,
        yLabel: t('axisMessages'),
        yMin0: true,
        lines: [
          { key: 'waiting', label: t('waiting'), color: C(1), area: true, step: true },
          { key: 'inService', label: t('inService'), color: C(3), step: true },
        ],
      },
    },
    {
      testId: 'chart-drops',
      title: 'chartRejections',
      options: {
        ariaLabel: t('chartRejections'),
        xLabel: x,
        yLabel: t('axisPerSec'),
        yMin0: true,
        lines: [
          {
            key: 'rejectedFull',
            label: t('rejectedFull'),
            color: 'var(--danger, #dc2626)',
            transform: 'rate',
          },
          { key: 'timedOut', label: t('timedOut'), color: C(4), transform: 'rate' },
          { key: 'rejectedRisk', label: t('rejectedRisk'), color: C(6), transform: 'rate', dash: true },
          { key: 'rejectedSoldOut', label: t('rejectedSoldOut'), color: C(7), transform: 'rate', dash: true },
        ],
      },
    },
    {
      testId: 'chart-latency',
      title: 'chartResponse',
      options: {
        ariaLabel: t('chartResponse'),
        xLabel: x,
        yLabel: t('axisSeconds'),
        yMin0: true,
        lines: [
          { key: 'responseP50', label: 'p50', color: C(2) },
          { key: 'responseP95', label: 'p95', color: C(4) },
          { key: 'responseP99', label: 'p99', color: C(5), dash: true },
        ],
      },
    },
    {
      testId: 'chart-backlogs',
      title: 'chartBacklogs',
      options: {
        ariaLabel: t('chartBacklogs'),
        xLabel: x,
        yLabel: t('axisMessages'),
        yMin0: true,
        lines: [
          { key: 'orderBacklog', label: t('order'), color: C(1), step: true },
          { key: 'smsBacklog', label: t('sms'), color: C(4), step: true },
          { key: 'statsBacklog', label: t('stats'), color: C(6), step: true },
        ],
      },
    },
    {
      testId: 'chart-stock',
      title: 'chartStock',
      options: {
        ariaLabel: t('chartStock'),
        xLabel: x,
        yLabel: t('axisMessages'),
        yMin0: true,
        lines: [
          { key: 'stockLeft', label: t('stock'), color: C(2), step: true },
          {
            key: 'inconsistency',
            label: t('inconsistency'),
            color: 'var(--danger, #dc2626)',
            step: true,
            area: true,
          },
        ],
      },
    },
  ];
}

export function chartsFor(s: ScenarioId, t: T, subscribers: number): LineChartConfig[] {
  if (s === 'pc') return pcCharts(t);
  if (s === 'pubsub') return pubsubCharts(t, subscribers);
  return seckillCharts(t);
}
