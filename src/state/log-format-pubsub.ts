// Event-log lines for the pub/sub scenario, in the article's wording ("publisher1 pushes event 99", "message: b'…'").
import {
  expandPubSubList,
  messageEventNo,
  messagePublisher,
  messageText,
  PubSubTrace,
} from '../engine/pubsub-types.ts';
import { translate } from '../i18n/index.ts';
import type { Scenario } from '../scenarios/codec.ts';
import type { Lang, ParamValue } from '../scenarios/schema.ts';
import type { LogRecord, LogText } from './log-format.ts';

/** A parameter's value at simulated time `timeSec`: the URL's, then the last `at=` change before it. */
function paramAt(sc: Scenario, name: string, timeSec: number): ParamValue {
  let v = sc.params[name];
  for (const c of sc.at) if (c.name === name && c.atSec <= timeSec) v = c.value;
  return v;
}

/** What the message with this id says, as its publisher sent it. */
function textOf(sc: Scenario, id: number, timeSec: number): string {
  const topics = expandPubSubList('topics', paramAt(sc, 'topics', timeSec)) as string[];
  const p = messagePublisher(id);
  return messageText(topics[p] ?? `publisher${p + 1}`, messageEventNo(id));
}

/** Python's repr of the received bytes, as the article's subscriber prints them: b'…'. */
function pyBytes(text: string): string {
  return `b'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function formatPubsubTrace(r: LogRecord, sc: Scenario, lang: Lang): LogText | null {
  const s = r.comp + 1;
  switch (r.kind) {
    case PubSubTrace.publish:
      return { text: textOf(sc, r.msg, r.timeSec), tone: 'info' };
    case PubSubTrace.start: {
      const line = `message: ${pyBytes(textOf(sc, r.msg, r.timeSec))}`;
      const many = (paramAt(sc, 'subscribers', r.timeSec) as number) > 1;
      return { text: many ? translate(lang, 'logPsReceive', { s, line }) : line, tone: 'good' };
    }
    case PubSubTrace.dropHwm:
      return {
        text: translate(lang, 'logPsDropHwm', { s, hwm: r.extra, text: textOf(sc, r.msg, r.timeSec) }),
        tone: 'bad',
      };
    case PubSubTrace.missed:
      return {
        text: translate(lang, 'logPsMissed', { s, text: textOf(sc, r.msg, r.timeSec) }),
        tone: 'bad',
      };
    case PubSubTrace.connect: {
      const durable = paramAt(sc, 'mode', r.timeSec) === 'durable';
      return { text: translate(lang, durable ? 'logPsConnectDurable' : 'logPsConnect', { s }), tone: 'info' };
    }
    case PubSubTrace.disconnect:
      return { text: translate(lang, 'logPsDisconnect', { s }), tone: 'info' };
    default:
      return null; // deliver and done: the publish and receive lines already say it
  }
}
