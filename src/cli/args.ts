// Command-line argument parsing for `npm run sim` (CONTRACT §2); returns options or a one-line error.

export interface SimArgs {
  query: string;
  untilSec: number;
  warmupSec: number;
  format: 'json' | 'csv';
}

export const USAGE =
  "usage: npm run sim -- '<scenario URL or query string>' --until <seconds> [--warmup <seconds>] [--format json|csv]";

function seconds(flag: string, raw: string | undefined): number | string {
  if (raw === undefined) return `${flag} needs a value in seconds`;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0)
    return `${flag}: "${raw}" is not a number of seconds ≥ 0`;
  return v;
}

/** Parses argv (without node and script). Returns the options, or an error message for exit status 2. */
export function parseArgs(argv: readonly string[]): SimArgs | { error: string } {
  let query: string | undefined;
  let until: number | undefined;
  let warmup = 0;
  let format: 'json' | 'csv' = 'json';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--until') {
      const r = seconds('--until', value());
      if (typeof r === 'string') return { error: r };
      until = r;
    } else if (flag === '--warmup') {
      const r = seconds('--warmup', value());
      if (typeof r === 'string') return { error: r };
      warmup = r;
    } else if (flag === '--format') {
      const f = value();
      if (f !== 'json' && f !== 'csv') return { error: `--format: "${f ?? ''}" is not json or csv` };
      format = f;
    } else if (flag === '--help' || flag === '-h') {
      return { error: USAGE };
    } else if (flag.startsWith('--')) {
      return { error: `unknown option ${flag}; ${USAGE}` };
    } else if (query === undefined) {
      query = a;
    } else return { error: `unexpected argument "${a}"; ${USAGE}` };
  }
  if (query === undefined) return { error: `missing the scenario URL or query string; ${USAGE}` };
  if (until === undefined) return { error: `missing --until <seconds>; ${USAGE}` };
  if (warmup > until) return { error: `--warmup (${warmup}) must not be after --until (${until})` };
  return { query, untilSec: until, warmupSec: warmup, format };
}
