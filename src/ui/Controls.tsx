// The settings panel: every parameter of the scenario's schema, plus the seed.
import { useState } from 'react';
import { SCHEMAS } from '../scenarios/registry.ts';
import { currentValues, selectLang, selectScenario, selectTime, useQs } from '../state/store.ts';
import { ParamControl } from './ParamControl.tsx';
import { useT } from './hooks.ts';

function SeedControl() {
  const t = useT();
  const seed = useQs((s) => selectScenario(s).seed);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const v = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(v)) useQs.getState().setSeed(v);
    setDraft(null);
  };
  return (
    <div className="param">
      <div className="param-head">
        <label className="param-label" htmlFor="qs-seed">
          {t('seed')}
        </label>
        <code className="param-name">seed</code>
      </div>
      <div className="param-inputs">
        <input
          id="qs-seed"
          type="text"
          inputMode="numeric"
          className="exact"
          data-testid="param-seed"
          value={draft ?? String(seed)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <button
          type="button"
          data-testid="new-seed"
          onClick={() => useQs.getState().newSeed()}
          title={t('newSeedHelp')}
        >
          {t('newSeed')}
        </button>
      </div>
    </div>
  );
}

export function Controls() {
  const t = useT();
  const lang = useQs(selectLang);
  const scenario = useQs(selectScenario);
  // The values shown depend on the time only when changes were made while running.
  const timeSec = useQs((s) => (s.scenario.at.length > 0 ? selectTime(s) : 0));
  const setParam = useQs((s) => s.setParam);
  const values = currentValues(scenario, timeSec + 1e-3);
  return (
    <section className="panel qs-controls" aria-labelledby="qs-settings-h">
      <h2 id="qs-settings-h">{t('settings')}</h2>
      {scenario.at.length > 0 && <p className="muted small">{t('changedAt', { n: scenario.at.length })}</p>}
      {SCHEMAS[scenario.s].params.map((spec) => (
        <ParamControl
          key={`${scenario.s}-${spec.name}`}
          spec={spec}
          value={values[spec.name]}
          lang={lang}
          onCommit={(v) => setParam(spec.name, v)}
        />
      ))}
      <SeedControl />
    </section>
  );
}
