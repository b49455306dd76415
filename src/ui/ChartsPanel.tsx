// All charts of the current scenario, plus the live latency histogram.
import { useMemo } from 'react';
import { Chart } from '../charts/Chart.tsx';
import { createHistogramChart, type HistogramChartOptions } from '../charts/histogram-chart.ts';
import { createLineChart } from '../charts/line-chart.ts';
import { selectLatencies, selectScenario, selectSeries, selectTime, useQs } from '../state/store.ts';
import { currentValues } from '../state/store.ts';
import { chartsFor } from './chart-config.ts';
import { useT } from './hooks.ts';

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length ? sorted[Math.floor(q * (sorted.length - 1))] : 0;
}

export function ChartsPanel() {
  const t = useT();
  const scenario = useQs(selectScenario);
  const series = useQs(selectSeries);
  const latencies = useQs(selectLatencies);
  const timeSec = useQs(selectTime);
  const subscribers = scenario.s === 'pubsub' ? (currentValues(scenario, timeSec).subscribers as number) : 0;
  const s = scenario.s;
  const configs = useMemo(() => chartsFor(s, t, subscribers), [s, t, subscribers]);
  const histOptions = useMemo<HistogramChartOptions>(
    () => ({
      xLabel: t('axisLatency'),
      yLabel: t('axisCount'),
      color: 'var(--c1)',
      ariaLabel: t('chartHistogram'),
      xMin0: true,
      markers: [
        { key: 'p50', label: 'p50' },
        { key: 'p95', label: 'p95' },
        { key: 'p99', label: 'p99' },
      ],
    }),
    [t],
  );
  const hist = useMemo(() => {
    if (!latencies) return null;
    const sorted = Float64Array.from(latencies).sort();
    return {
      values: sorted,
      markers: { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) },
    };
  }, [latencies]);
  return (
    <section className="qs-charts" aria-label={t('charts')}>
      {configs.map((c) => (
        <Chart
          key={`${scenario.s}-${c.testId}`}
          factory={createLineChart}
          options={c.options}
          data={series}
          title={t(c.title)}
          testId={c.testId}
        />
      ))}
      <Chart
        key={`${scenario.s}-hist`}
        factory={createHistogramChart}
        options={histOptions}
        data={hist}
        title={t('chartHistogram')}
        testId="chart-histogram"
      />
    </section>
  );
}
