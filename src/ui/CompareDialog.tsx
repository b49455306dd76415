// The seckill lesson's heart: the same crowd and seed run both synchronously and asynchronously, side by side.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Chart } from '../charts/Chart.tsx';
import { createLineChart, type LineChartOptions } from '../charts/line-chart.ts';
import type { SeckillSummary } from '../engine/seckill-types.ts';
import { formatNumber, formatSeconds, type MessageKey } from '../i18n/index.ts';
import { serializeScenario } from '../scenarios/codec.ts';
import type { Lang } from '../scenarios/schema.ts';
import { selectLang, useQs } from '../state/store.ts';
import { mergeTimelines, speedup, type CompareReply, type CompareResult } from '../worker/compare-run.ts';
import { useT, type T } from './hooks.ts';
import './compare.css';

type Mode = 'async' | 'sync';

interface Row {
  /** Test-id suffix: the summary field, nested names joined with '-'. */
  id: string;
  label: MessageKey;
  get: (s: SeckillSummary) => number | null;
  unit: 'count' | 'sec';
  /** A key line of the lesson: 'win' (async much better) or 'cost' (what async pays). */
  key?: 'win' | 'cost';
}

const ROWS: readonly Row[] = [
  { id: 'succeeded', label: 'compareBought', get: (s) => s.succeeded, unit: 'count' },
  { id: 'soldOutAtSec', label: 'compareSoldOutAt', get: (s) => s.soldOutAtSec, unit: 'sec' },
  { id: 'response-mean', label: 'compareRespMean', get: (s) => s.response.mean, unit: 'sec', key: 'win' },
  { id: 'response-p50', label: 'compareRespP50', get: (s) => s.response.p50, unit: 'sec' },
  { id: 'response-p95', label: 'compareRespP95', get: (s) => s.response.p95, unit: 'sec', key: 'win' },
  { id: 'response-p99', label: 'compareRespP99', get: (s) => s.response.p99, unit: 'sec' },
  { id: 'rejected-full', label: 'rejectedFull', get: (s) => s.rejected.full, unit: 'count' },
  { id: 'rejected-risk', label: 'rejectedRisk', get: (s) => s.rejected.risk, unit: 'count' },
  { id: 'rejected-soldOut', label: 'rejectedSoldOut', get: (s) => s.rejected.soldOut, unit: 'count' },
  { id: 'timedOut', label: 'timedOut', get: (s) => s.timedOut, unit: 'count' },
  {
    id: 'inconsistency-max',
    label: 'compareInconsistency',
    get: (s) => s.inconsistency.max,
    unit: 'count',
    key: 'cost',
  },
  { id: 'order-lagMean', label: 'compareOrderLag', get: (s) => s.order.lagMean, unit: 'sec', key: 'cost' },
  { id: 'drainedAtSec', label: 'compareDrained', get: (s) => s.drainedAtSec, unit: 'sec' },
];

function cellText(lang: Lang, t: T, row: Row, s: SeckillSummary): string {
  const v = row.get(s);
  if (v === null)
    return row.id === 'drainedAtSec'
      ? t('compareNotDrained', { t: formatNumber(lang, s.until) })
      : t('compareNever');
  return row.unit === 'sec' ? formatSeconds(lang, v) : formatNumber(lang, v, 0);
}

/** Horizontal bars of p50 / p95 / p99 for both modes, on one linear scale. */
function PercentileBars({ result, lang, t }: { result: CompareResult; lang: Lang; t: T }) {
  const qs = ['p50', 'p95', 'p99'] as const;
  const max = Math.max(
    1e-9,
    ...qs.flatMap((q) => [result.async.summary.response[q], result.sync.summary.response[q]]),
  );
  const rowH = 22;
  const labelW = 84;
  const height = qs.length * (rowH * 2 + 12);
  return (
    <figure className="cmp-bars">
      <figcaption>{t('chartResponse')}</figcaption>
      <svg viewBox={`0 0 480 ${height}`} role="img" aria-label={t('chartResponse')}>
        {qs.map((q, i) =>
          (['async', 'sync'] as const).map((m, j) => {
            const v = result[m].summary.response[q];
            const y = i * (rowH * 2 + 12) + j * rowH;
            const bw = Math.max(2, ((480 - labelW - 90) * v) / max);
            return (
              <g key={`${q}-${m}`}>
                <text x={0} y={y + rowH * 0.7} className="cmp-bar-label">
                  {j === 0 ? q : ''} {t(m === 'async' ? 'compareAsyncShort' : 'compareSyncShort')}
                </text>
                <rect x={labelW} y={y + 3} width={bw} height={rowH - 6} rx={3} className={`cmp-bar-${m}`} />
                <text x={labelW + bw + 6} y={y + rowH * 0.7} className="cmp-bar-value">
                  {formatSeconds(lang, v)}
                </text>
              </g>
            );
          }),
        )}
      </svg>
    </figure>
  );
}

function Results({ result, lang, t }: { result: CompareResult; lang: Lang; t: T }) {
  const a = result.async.summary;
  const s = result.sync.summary;
  const x = speedup(a, s);
  const timeline = useMemo(() => mergeTimelines(result.async, result.sync), [result]);
  const options = useMemo<LineChartOptions>(
    () => ({
      ariaLabel: t('compareTimeline'),
      xLabel: t('axisTime'),
      yLabel: t('axisCount'),
      yMin0: true,
      lines: [
        {
          key: 'asyncSucceeded',
          label: `${t('compareBought')} · ${t('compareAsyncShort')}`,
          color: 'var(--c1)',
          step: true,
        },
        {
          key: 'syncSucceeded',
          label: `${t('compareBought')} · ${t('compareSyncShort')}`,
          color: 'var(--c4)',
          step: true,
        },
        {
          key: 'asyncInconsistency',
          label: `${t('inconsistency')} · ${t('compareAsyncShort')}`,
          color: 'var(--c1)',
          dash: true,
          step: true,
        },
        {
          key: 'syncInconsistency',
          label: `${t('inconsistency')} · ${t('compareSyncShort')}`,
          color: 'var(--c4)',
          dash: true,
          step: true,
        },
      ],
    }),
    [t],
  );
  return (
    <>
      {x !== null && (
        <p className="cmp-takeaway" data-testid="compare-takeaway">
          {t('compareTakeaway', {
            x: formatNumber(lang, x, x < 10 ? 1 : 0),
            a: formatSeconds(lang, a.response.p95),
            s: formatSeconds(lang, s.response.p95),
            ia: formatNumber(lang, a.inconsistency.max, 0),
            is: formatNumber(lang, s.inconsistency.max, 0),
          })}
        </p>
      )}
      <div className="cmp-table-wrap">
        <table className="cmp-table">
          <thead>
            <tr>
              <th scope="col">{t('compareMetric')}</th>
              <th scope="col" className="cmp-async">
                {t('compareAsync')}
              </th>
              <th scope="col" className="cmp-sync">
                {t('compareSync')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.id} className={row.key ? `cmp-key cmp-${row.key}` : undefined}>
                <th scope="row">{t(row.label)}</th>
                {(['async', 'sync'] as const).map((m: Mode) => {
                  const sum = result[m].summary;
                  return (
                    <td
                      key={m}
                      data-testid={`compare-${m}-${row.id}`}
                      data-value={String(row.get(sum) ?? '')}
                    >
                      {cellText(lang, t, row, sum)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="cmp-charts">
        <PercentileBars result={result} lang={lang} t={t} />
        <Chart
          factory={createLineChart}
          options={options}
          data={timeline}
          title={t('compareTimeline')}
          testId="compare-chart"
        />
      </div>
    </>
  );
}

interface RunState {
  query: string;
  result: CompareResult | null;
  error: string | null;
}

export function CompareDialog() {
  const t = useT();
  const lang = useQs(selectLang);
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState<RunState | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const worker = useRef<Worker | null>(null);
  const reqId = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const start = (query: string) => {
    if (!worker.current) {
      const w = new Worker(new URL('../worker/compare-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<CompareReply>) => {
        const r = e.data;
        if (r.id !== reqId.current) return;
        setRun((prev) =>
          prev ? { ...prev, result: r.ok ? r.result : null, error: r.ok ? null : r.message } : prev,
        );
      };
      w.onerror = (e) => setRun((prev) => (prev ? { ...prev, error: e.message || 'worker error' } : prev));
      worker.current = w;
    }
    const id = ++reqId.current;
    setRun({ query, result: null, error: null });
    worker.current.postMessage({ id, query });
  };

  const onOpen = () => {
    const query = serializeScenario(useQs.getState().scenario);
    if (!run || run.query !== query || run.error) start(query);
    setOpen(true);
  };
  const onClose = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const sc = useQs.getState().scenario;
  const busy = run !== null && run.result === null && run.error === null;
  return (
    <div className="cmp-launch">
      <button type="button" className="primary" ref={opener} data-testid="compare-open" onClick={onOpen}>
        {t('compare')}
      </button>
      <span className="muted small">{t('compareHelp')}</span>
      <dialog ref={dialog} className="cmp-dialog" aria-labelledby="cmp-title" onClose={onClose}>
        <div className="cmp-head">
          <h2 id="cmp-title">{t('compareTitle')}</h2>
          <button type="button" onClick={onClose} data-testid="compare-close" autoFocus>
            {t('compareClose')}
          </button>
        </div>
        <p className="muted small">
          {t('compareScope', {
            seed: sc.seed,
            users: formatNumber(lang, sc.params.users as number, 0),
            stock: formatNumber(lang, sc.params.stock as number, 0),
          })}
        </p>
        <div aria-live="polite">
          {busy && <p data-testid="compare-running">{t('compareRunning')}</p>}
          {run?.error && (
            <p role="alert" className="cmp-error">
              {t('compareError', { msg: run.error })}{' '}
              <button type="button" onClick={() => start(run.query)}>
                {t('compareAgain')}
              </button>
            </p>
          )}
        </div>
        {open && run?.result && <Results result={run.result} lang={lang} t={t} />}
      </dialog>
    </div>
  );
}
