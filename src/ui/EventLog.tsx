// The event log: the latest events in plain words, newest at the bottom, sampled when they come too fast.
import { useEffect, useRef } from 'react';
import { formatNumber } from '../i18n/index.ts';
import type { Lang } from '../scenarios/schema.ts';
import { selectLang, selectLog, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';

/** Simulated time with a fixed number of decimals, so the log's time column lines up. */
function formatClock(lang: Lang, sec: number): string {
  return sec < 1000 ? sec.toFixed(3) : formatNumber(lang, sec, 1);
}

export function EventLog() {
  const t = useT();
  const lang = useQs(selectLang);
  const log = useQs(selectLog);
  const every = useQs((s) => s.logEvery);
  const box = useRef<HTMLOListElement>(null);
  // Scroll once per animation frame, not per snapshot: reading scrollHeight forces a layout of the whole page,
  // and at full speed several snapshots arrive per frame (the bench measured this as the main thread's top cost).
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const el = box.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(id);
  }, [log]);
  return (
    <section className="panel qs-log" aria-labelledby="qs-log-h">
      <h2 id="qs-log-h">
        {t('eventLog')} {every > 1 && <span className="muted small">({t('logSampled', { n: every })})</span>}
      </h2>
      <ol ref={box} data-testid="event-log" aria-live="off">
        {log.length === 0 && <li className="muted">{t('logEmpty')}</li>}
        {log.map((l) => (
          <li key={l.id} className={l.tone}>
            <time>{formatClock(lang, l.timeSec)}</time> <span>{l.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
