// What this scenario teaches, and what to watch in the chosen preset.
import { SCHEMAS } from '../scenarios/registry.ts';
import { selectLang, selectScenario, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';
import type { MessageKey } from '../i18n/index.ts';

const LESSON: Record<string, MessageKey> = {
  pc: 'lessonPc',
  pubsub: 'lessonPubsub',
  seckill: 'lessonSeckill',
};

export function Lesson() {
  const t = useT();
  const lang = useQs(selectLang);
  const scenario = useQs(selectScenario);
  const preset = SCHEMAS[scenario.s].presets.find((p) => p.id === scenario.preset);
  return (
    <section className="panel qs-lesson" aria-label={t('whatToWatch')}>
      <p>{t(LESSON[scenario.s])}</p>
      {preset && (
        <p className="preset-explain">
          <strong>{preset.title[lang]}</strong> — {preset.explain[lang]}
        </p>
      )}
    </section>
  );
}
