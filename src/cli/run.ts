// Runs a scenario headless for the CLI: parse, validate, simulate to `until`, summarise (JSON) or dump the series (CSV).
import { createModel } from '../engine/create.ts';
import { MAX_STORED_MESSAGES, tooManyMessages } from '../engine/kernel.ts';
import { parseScenario, problemMessage } from '../scenarios/codec.ts';
import { parseArgs } from './args.ts';

export interface CliResult {
  /** 0 success, 2 bad input, 1 the run was stopped (too many messages held). */
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The sampled time series as CSV, one row per sample. */
function csvOf(series: { t: Float64Array; columns: Record<string, Float64Array> }): string {
  const names = Object.keys(series.columns);
  const lines = [['t', ...names].join(',')];
  for (let i = 0; i < series.t.length; i++) {
    lines.push(
      [series.t[i], ...names.map((n) => series.columns[n][i])]
        .map((v) => (v === Infinity ? 'inf' : String(v)))
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** The whole command, as a function of its arguments (tests call it directly). */
export function runCli(argv: readonly string[], now: () => number = () => performance.now()): CliResult {
  const args = parseArgs(argv);
  if ('error' in args) return { code: 2, stdout: '', stderr: `sim: ${args.error}\n` };
  const { scenario, problems } = parseScenario(args.query);
  if (problems.length > 0) {
    return { code: 2, stdout: '', stderr: problems.map((p) => `sim: ${problemMessage(p, 'en')}\n`).join('') };
  }
  // A thousand samples over the run, whatever its length (the series halves its resolution if it fills).
  const model = createModel(scenario, {
    warmupSec: args.warmupSec,
    sampleIntervalSec: Math.max(args.untilSec / 1000, 1e-6),
  });
  const t0 = now();
  // In slices, so that a run whose queues grow without bound stops with a message, not out of memory.
  while (!model.runUntil(args.untilSec, 1_000_000)) {
    if (model.storedMessages() > MAX_STORED_MESSAGES)
      return { code: 1, stdout: '', stderr: `sim: stopped: ${tooManyMessages(model.nowSec)}\n` };
  }
  const wallMs = now() - t0;
  if (args.format === 'csv') return { code: 0, stdout: csvOf(model.timeSeries().toColumns()), stderr: '' };
  const { scenario: s, seed, until, warmup, events, ...rest } = model.summary();
  const summary = {
    scenario: s,
    seed,
    until,
    warmup,
    events,
    wallMs: Math.round(wallMs * 1000) / 1000,
    ...rest,
  };
  return { code: 0, stdout: JSON.stringify(summary, null, 2) + '\n', stderr: '' };
}
