// Seckill log lines: purchases with stock left, readable rejections, noisy kinds skipped, both languages.
import { describe, expect, it } from 'vitest';
import { SeckillTrace } from '../engine/seckill-types.ts';
import { parseScenario } from '../scenarios/codec.ts';
import { formatSeckillTrace } from './log-format-seckill.ts';

const rec = (kind: number, msg = 123, comp = 0, extra = 0) => ({ timeSec: 0.01, kind, msg, comp, extra });
const asyncSc = parseScenario('s=seckill').scenario;
const syncSc = parseScenario('s=seckill&mode=sync').scenario;

describe('formatSeckillTrace', () => {
  it('says who bought and how much stock is left, in both languages', () => {
    expect(formatSeckillTrace(rec(SeckillTrace.lock, 123, 0, 42), asyncSc, 'en')?.text).toBe(
      'user #123 bought an item (stock left 42)',
    );
    expect(formatSeckillTrace(rec(SeckillTrace.lock, 123, 0, 42), asyncSc, 'zh')?.text).toContain(
      '剩余库存 42',
    );
  });
  it('skips the noisy kinds and the async duplicate of the lock', () => {
    expect(formatSeckillTrace(rec(SeckillTrace.arrive), asyncSc, 'en')).toBeNull();
    expect(formatSeckillTrace(rec(SeckillTrace.enqueue), asyncSc, 'en')).toBeNull();
    expect(formatSeckillTrace(rec(SeckillTrace.rejectSoldOut, 5, -1), asyncSc, 'en')).toBeNull();
    expect(formatSeckillTrace(rec(SeckillTrace.success), asyncSc, 'en')).toBeNull();
    expect(formatSeckillTrace(rec(SeckillTrace.success), syncSc, 'en')?.tone).toBe('good');
  });
  it('names rejections, timeouts and async steps', () => {
    expect(formatSeckillTrace(rec(SeckillTrace.rejectFull, 7, -1), asyncSc, 'en')?.text).toMatch(
      /queue is full/,
    );
    expect(formatSeckillTrace(rec(SeckillTrace.timeout, 7, -1), asyncSc, 'zh')?.text).toMatch(/超时/);
    expect(formatSeckillTrace(rec(SeckillTrace.stepDone, 9, 1), asyncSc, 'en')?.text).toBe(
      'SMS sent to user #9',
    );
  });
});
