// Turns engine trace records into event-log lines in plain words, per scenario (and the article's wording).
import { productPair } from '../engine/payload.ts';
import { PcTrace } from '../engine/pc-model.ts';
import { translate } from '../i18n/index.ts';
import type { Scenario } from '../scenarios/codec.ts';
import type { Lang } from '../scenarios/schema.ts';
import { formatPubsubTrace } from './log-format-pubsub.ts';
import { formatSeckillTrace } from './log-format-seckill.ts';

export type LogTone = 'info' | 'good' | 'bad';

export interface LogRecord {
  timeSec: number;
  kind: number;
  msg: number;
  comp: number;
  extra: number;
}

export interface LogText {
  text: string;
  tone: LogTone;
}

/** The article's program prints exactly these two kinds of line. */
function pythonQueueLine(r: LogRecord, seed: number): LogText | null {
  const [a, b] = productPair(seed, r.msg);
  if (r.kind === PcTrace.produce)
    return { text: `Produce A「number」: ${a}, Produce B「number」: ${b}`, tone: 'info' };
  if (r.kind === PcTrace.start) return { text: `Consume products: ${a} & ${b}`, tone: 'good' };
  return null;
}

function pcLine(r: LogRecord, lang: Lang): LogText | null {
  const vars = { id: r.msg, p: r.comp + 1, c: r.comp + 1 };
  switch (r.kind) {
    case PcTrace.produce:
      return { text: translate(lang, 'logProduce', vars), tone: 'info' };
    case PcTrace.enqueue:
      return null; // the produce line already says it; keeps the log readable
    case PcTrace.start:
      return { text: translate(lang, 'logStart', vars), tone: 'info' };
    case PcTrace.done:
      return { text: translate(lang, 'logDone', vars), tone: 'good' };
    case PcTrace.dropOverflow:
      return { text: translate(lang, 'logDropOverflow', vars), tone: 'bad' };
    case PcTrace.dropExpired:
      return { text: translate(lang, 'logDropExpired', vars), tone: 'bad' };
    case PcTrace.block:
      return { text: translate(lang, 'logBlock', vars), tone: 'bad' };
    case PcTrace.unblock:
      return { text: translate(lang, 'logUnblock', vars), tone: 'info' };
    default:
      return null;
  }
}

/** One log line for a trace record, or null when the record is not worth a line. */
export function formatTrace(r: LogRecord, sc: Scenario, lang: Lang): LogText | null {
  switch (sc.s) {
    case 'pc':
      return sc.preset === 'python-queue' ? pythonQueueLine(r, sc.seed) : pcLine(r, lang);
    case 'pubsub':
      return formatPubsubTrace(r, sc, lang);
    case 'seckill':
      return formatSeckillTrace(r, sc, lang);
  }
}
