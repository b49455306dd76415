// The command line: exit codes, JSON fields of CONTRACT §2, CSV, and one-line messages for bad input.
import { describe, expect, it } from 'vitest';
import { runCli } from './run.ts';

describe('npm run sim', () => {
  it('prints the CONTRACT §2 summary for s=pc', () => {
    const r = runCli(['s=pc&produce=0.9&consume=1&seed=3', '--until', '1000', '--warmup', '100']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of [
      'scenario',
      'seed',
      'until',
      'warmup',
      'events',
      'wallMs',
      'produced',
      'consumed',
      'dropped',
      'waiting',
      'inService',
      'blocked',
      'stats',
    ])
      expect(j).toHaveProperty(k);
    for (const k of ['throughput', 'queueLength', 'inSystem', 'wait', 'sojourn', 'utilization', 'dropRate'])
      expect(j.stats).toHaveProperty(k);
    expect(j).toMatchObject({ scenario: 'pc', seed: 3, until: 1000, warmup: 100 });
    expect(j.produced).toBe(
      j.consumed + j.dropped.overflow + j.dropped.expired + j.waiting + j.inService + j.blocked,
    );
  });

  it('is deterministic apart from wallMs', () => {
    const strip = (s: string) => ({ ...JSON.parse(s), wallMs: 0 });
    const a = runCli(['s=pc&produce=2&consume=1&capacity=5', '--until', '300']);
    const b = runCli(['?s=pc&produce=2&consume=1&capacity=5', '--until=300']);
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });

  it('prints the time series as CSV', () => {
    const r = runCli(['s=pc', '--until', '10', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].startsWith('t,waiting,inService')).toBe(true);
    expect(lines.length).toBe(1001); // header + one sample every until/1000 s
  });

  it.each([
    [['s=pc&produce=-5', '--until', '10'], 'produce'],
    [['s=pc&capacity=abc', '--until', '10'], 'capacity'],
    [['s=nope', '--until', '10'], '"s"'],
    [['s=pc&consumers=0', '--until', '10'], 'consumers'],
    [['s=pc'], '--until'],
    [['s=pc', '--until', 'soon'], '--until'],
    [['s=pc', '--until', '10', '--format', 'xml'], '--format'],
    [['s=pc', '--until', '10', '--bogus'], '--bogus'],
    [['s=pc', '--until', '10', '--warmup', '20'], '--warmup'],
  ])('exits 2 with a one-line message for %j', (argv, name) => {
    const r = runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});

describe('the real process', () => {
  it('exits with status 2 and no stack trace on bad input', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', 's=pc&produce=-5', '--until', '10'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('produce');
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', 's=pc', '--until', '10'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).scenario).toBe('pc');
  });
});
