// Event-log lines for the flash-sale scenario.
import type { Scenario } from '../scenarios/codec.ts';
import type { Lang } from '../scenarios/schema.ts';
import type { LogRecord, LogText } from './log-format.ts';

export function formatSeckillTrace(_r: LogRecord, _sc: Scenario, _lang: Lang): LogText | null {
  return null;
}
