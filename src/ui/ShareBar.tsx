// The shareable link of the current scenario, a copy button, and "copy link to this moment".
import { useState } from 'react';
import { selectScenario, shareUrl, useQs } from '../state/store.ts';
import { useT } from './hooks.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareBar() {
  const t = useT();
  const scenario = useQs(selectScenario);
  const url = shareUrl(scenario);
  const [status, setStatus] = useState<string | null>(null);
  const report = (ok: boolean) => {
    setStatus(ok ? t('copied') : t('copyFailed'));
    setTimeout(() => setStatus(null), 2500);
  };
  const copyMoment = async () => {
    const tSec = useQs.getState().freezeMoment();
    report(await copyText(shareUrl({ ...useQs.getState().scenario, t: tSec })));
  };
  return (
    <div className="qs-share">
      <label className="share-field">
        <span className="visually-hidden">{t('shareLink')}</span>
        <input
          data-testid="share-link"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          aria-label={t('shareLink')}
        />
      </label>
      <button type="button" data-testid="copy-link" onClick={async () => report(await copyText(url))}>
        {t('copyLink')}
      </button>
      <button type="button" data-testid="copy-moment" onClick={copyMoment}>
        {t('copyMoment')}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
