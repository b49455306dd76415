// Top bar: title, scenario chooser, preset chooser and the language switch.
import { SCHEMAS } from '../scenarios/registry.ts';
import { SCENARIO_IDS, type Lang, type ScenarioId } from '../scenarios/schema.ts';
import { selectLang, selectScenario, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';

export function Header() {
  const t = useT();
  const lang = useQs(selectLang);
  const scenario = useQs(selectScenario);
  const chooseScenario = useQs((s) => s.chooseScenario);
  const choosePreset = useQs((s) => s.choosePreset);
  const setLang = useQs((s) => s.setLang);
  const presets = SCHEMAS[scenario.s].presets;
  return (
    <header className="qs-header">
      <div className="brand">
        <h1>{t('appTitle')}</h1>
        <span className="tagline">{t('appTagline')}</span>
      </div>
      <label className="field inline">
        <span>{t('scenario')}</span>
        <select
          data-testid="scenario-select"
          value={scenario.s}
          onChange={(e) => chooseScenario(e.target.value as ScenarioId)}
        >
          {SCENARIO_IDS.map((id) => (
            <option key={id} value={id}>
              {SCHEMAS[id].title[lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline">
        <span>{t('preset')}</span>
        <select
          data-testid="preset-select"
          value={scenario.preset ?? ''}
          onChange={(e) => choosePreset(e.target.value || null)}
        >
          <option value="">{t('presetNone')}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <div className="lang" role="group" aria-label={t('language')} data-testid="lang-switch">
        {(['zh', 'en'] as Lang[]).map((l) => (
          <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l}>
            {l === 'zh' ? '中文' : 'English'}
          </button>
        ))}
      </div>
    </header>
  );
}
