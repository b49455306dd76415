// Translation lookup with typed keys, `{name}` placeholders and locale-aware number formatting.
import type { Lang } from '../scenarios/schema.ts';
import { en, type MessageKey } from './en.ts';
import { zh } from './zh.ts';

const TABLES = { en, zh } as const;

export type { MessageKey };

/** The message for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = TABLES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A number for people: grouped digits, at most `digits` decimals (Infinity as ∞). */
export function formatNumber(lang: Lang, value: number, digits = 2): string {
  if (value === Infinity) return '∞';
  if (!Number.isFinite(value)) return '–';
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** Seconds for people: ms below one second, otherwise seconds with sensible precision. */
export function formatSeconds(lang: Lang, sec: number): string {
  const unit = translate(lang, 'seconds');
  if (sec > 0 && sec < 1)
    return `${formatNumber(lang, sec * 1000, sec < 0.01 ? 2 : 0)} ${lang === 'zh' ? '毫秒' : 'ms'}`;
  return `${formatNumber(lang, sec, sec < 100 ? 2 : 0)} ${unit}`;
}

/** The language to start in: the URL's, else the browser's if Chinese, else English. */
export function initialLang(fromUrl: Lang | null, browser: readonly string[]): Lang {
  if (fromUrl) return fromUrl;
  return browser.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}
