// Seckill presets: the article's flash sale and the comparisons that show why the queue helps.
import type { Preset } from './schema.ts';

export const seckillPresets: readonly Preset[] = [];
