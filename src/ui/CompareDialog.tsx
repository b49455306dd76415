// The seckill lesson's heart: the same crowd and seed run both synchronously and asynchronously, side by side.
import { useT } from './hooks.ts';

export function CompareDialog() {
  const t = useT();
  return <p className="muted small">{t('compareHelp')}</p>;
}
