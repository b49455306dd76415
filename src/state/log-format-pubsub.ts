// Event-log lines for the pub/sub scenario, in the article's wording where it has one.
import type { Scenario } from '../scenarios/codec.ts';
import type { Lang } from '../scenarios/schema.ts';
import type { LogRecord, LogText } from './log-format.ts';

export function formatPubsubTrace(_r: LogRecord, _sc: Scenario, _lang: Lang): LogText | null {
  return null;
}
