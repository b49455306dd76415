// The bad-input notice (CONTRACT §1): names each parameter, the value given, the value used and what is allowed.
import { problemMessage } from '../scenarios/codec.ts';
import { selectLang, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';

export function Notice() {
  const t = useT();
  const lang = useQs(selectLang);
  const problems = useQs((s) => s.problems);
  const open = useQs((s) => s.noticeOpen);
  const error = useQs((s) => s.error);
  return (
    <>
      {open && problems.length > 0 && (
        <div className="notice" role="alert" data-testid="notice">
          <strong>{t('noticeTitle')}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemMessage(p, lang)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => useQs.getState().dismissNotice()}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {error && (
        <div className="notice error" role="alert" data-testid="engine-error">
          {t('workerError', { message: error })}
        </div>
      )}
    </>
  );
}
