// Small hooks shared by the components: the translator for the current language.
import { useCallback } from 'react';
import { translate, type MessageKey } from '../i18n/index.ts';
import { selectLang, useQs } from '../state/store.ts';

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** `t(key, vars)` in the current language. */
export function useT(): T {
  const lang = useQs(selectLang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
