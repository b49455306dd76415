// The numbers panel: counters and measures from the latest snapshot, each with its raw value in data-value.
import { formatNumber, formatSeconds } from '../i18n/index.ts';
import type { Lang } from '../scenarios/schema.ts';
import { selectLang, selectSnapshot, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';
import { statsFor, type StatFormat } from './stats-config.ts';

function show(lang: Lang, v: number, f: StatFormat, perSec: string): string {
  switch (f) {
    case 'int':
      return formatNumber(lang, v, 0);
    case 'pct':
      return `${formatNumber(lang, v * 100, 1)}%`;
    case 'sec':
      return formatSeconds(lang, v);
    case 'rate':
      return `${formatNumber(lang, v, 2)}${perSec}`;
    case 'ratio':
      return formatNumber(lang, v, 2);
  }
}

export function Stats() {
  const t = useT();
  const lang = useQs(selectLang);
  const snap = useQs(selectSnapshot);
  if (!snap) return <section className="panel qs-stats" aria-busy="true" />;
  const groups = statsFor(snap.s, snap.summary);
  return (
    <section className="panel qs-stats" aria-labelledby="qs-numbers-h">
      <h2 id="qs-numbers-h">{t('numbers')}</h2>
      <div className="stat-groups">
        {groups.map((g, gi) => (
          <div className="stat-group" key={gi}>
            {g.title && <h3>{t(g.title.key, g.title.vars)}</h3>}
            <dl>
              {g.items.map((it) => (
                <div key={it.testId} className={`stat${it.sub ? ' sub' : ''}${it.tone ? ` ${it.tone}` : ''}`}>
                  <dt>{it.labelText ?? t(it.label, it.labelVars)}</dt>
                  <dd data-testid={it.testId} data-value={it.value}>
                    {show(lang, it.value, it.format, t('perSec'))}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
