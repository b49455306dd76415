// Event-log lines for the flash-sale scenario (arrivals, queueing and gateway sold-outs are too many to list).
import { SeckillTrace } from '../engine/seckill-types.ts';
import { translate, type MessageKey } from '../i18n/index.ts';
import type { Scenario } from '../scenarios/codec.ts';
import type { Lang } from '../scenarios/schema.ts';
import type { LogRecord, LogText } from './log-format.ts';

const STEP_KEYS: readonly MessageKey[] = ['logSkOrder', 'logSkSms', 'logSkStats'];

export function formatSeckillTrace(r: LogRecord, sc: Scenario, lang: Lang): LogText | null {
  const line = (key: MessageKey, tone: LogText['tone'], vars: Record<string, string | number> = {}) => ({
    text: translate(lang, key, { id: r.msg, ...vars }),
    tone,
  });
  switch (r.kind) {
    case SeckillTrace.lock:
      return line('logSkLock', 'good', { left: r.extra });
    case SeckillTrace.success:
      // Async: the lock line above already says it (same moment). Sync: the reply comes after three more steps.
      return sc.params.mode === 'sync' ? line('logSkReplied', 'good') : null;
    case SeckillTrace.rejectFull:
      return line('logSkRejectFull', 'bad');
    case SeckillTrace.rejectRisk:
      return line('logSkRejectRisk', 'bad');
    case SeckillTrace.rejectSoldOut:
      // Fast-fails at the gateway (comp −1) number in the tens of thousands: the SOLD OUT line covers them.
      return r.comp >= 0 ? line('logSkSoldOutServer', 'info') : null;
    case SeckillTrace.timeout:
      return line('logSkTimeout', 'bad');
    case SeckillTrace.soldOut:
      return line('logSkSoldOut', 'bad');
    case SeckillTrace.stepDone:
      return STEP_KEYS[r.comp] ? line(STEP_KEYS[r.comp], 'info') : null;
    default:
      return null;
  }
}
