// The parameters every scenario shares (CONTRACT §1 "Common parameters"): seed, t, speed, lang, preset.
import type { NumberSpec, Text } from './schema.ts';

export const SEED_MAX = 4294967295;
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 10000;

export const seedSpec: NumberSpec = {
  kind: 'number',
  name: 'seed',
  label: { zh: '随机种子', en: 'Random seed' },
  help: {
    zh: '同一个种子、同样的参数，每次运行的每一个事件都完全相同。',
    en: 'The same seed and settings replay every event exactly the same way.',
  },
  min: 0,
  max: SEED_MAX,
  integer: true,
  scale: 'linear',
  default: 1,
};

export const timeSpec: NumberSpec = {
  kind: 'number',
  name: 't',
  label: { zh: '定格时刻', en: 'Moment' },
  help: {
    zh: '打开链接时暂停在这个模拟时刻（秒）。',
    en: 'Open the link paused at this simulated time (seconds).',
  },
  unit: { zh: '秒', en: 's' },
  min: 0,
  max: Infinity,
  scale: 'linear',
  default: 0,
};

export const speedSpec: NumberSpec = {
  kind: 'number',
  name: 'speed',
  label: { zh: '速度', en: 'Speed' },
  help: {
    zh: '每一秒真实时间推进多少秒模拟时间；max 表示尽可能快。',
    en: 'Simulated seconds per real second; max runs as fast as the machine allows.',
  },
  unit: { zh: '倍', en: '×' },
  min: SPEED_MIN,
  max: SPEED_MAX,
  scale: 'log',
  default: 1,
};

export const commonLabels: Readonly<Record<'s' | 'lang' | 'preset', Text>> = {
  s: { zh: '场景', en: 'Scenario' },
  lang: { zh: '语言', en: 'Language' },
  preset: { zh: '预设', en: 'Preset' },
};
