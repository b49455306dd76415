// A captioned figure whose svg is drawn by any chart factory through `useChart`.
import type { ReactNode } from 'react';
import { useChart } from './use-chart';
import type { ChartFactory } from './types';
import './charts.css';

export interface ChartProps<O extends { ariaLabel: string }, D, L = never> {
  factory: ChartFactory<O, D, L>;
  /** Memoise: a new identity recreates the chart. */
  options: O;
  data: D | null;
  title: ReactNode;
  testId?: string;
  className?: string;
  /** Extra values that force a redraw when they change (see `useChart`). */
  deps?: readonly unknown[];
}

export function Chart<O extends { ariaLabel: string }, D, L = never>({
  factory,
  options,
  data,
  title,
  testId,
  className,
  deps,
}: ChartProps<O, D, L>) {
  const ref = useChart(factory, options, data, deps);
  return (
    <figure className={className ? `qs-chart ${className}` : 'qs-chart'}>
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <svg ref={ref} data-testid={testId} role="img" aria-label={options.ariaLabel} />
      </div>
    </figure>
  );
}
