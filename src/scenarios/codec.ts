// Scenario URL codec (CONTRACT §1): parse a query into a Scenario plus problems (never throws); canonical serialisation.
import { seedSpec, speedSpec, timeSpec } from './common.ts';
import { findSchema } from './registry.ts';
import type {
  Lang,
  NumberSpec,
  ParamSpec,
  ParamValue,
  ParamValues,
  ScenarioId,
  ScenarioSchema,
} from './schema.ts';
import { describeAllowed, SCENARIO_IDS } from './schema.ts';

/** A control changed while running: from `atSec` on, parameter `name` has `value` (CONTRACT §1 `at`). */
export interface Change {
  readonly atSec: number;
  readonly name: string;
  readonly value: ParamValue;
}

/** The whole scenario as plain data: what the URL says, with defaults and the preset filled in. */
export interface Scenario {
  readonly s: ScenarioId;
  readonly seed: number;
  readonly speed: number | 'max';
  /** Open paused at this simulated time (a moment link); null: paused at 0. */
  readonly t: number | null;
  readonly lang: Lang | null;
  readonly preset: string | null;
  /** Every parameter of the scenario's schema, at t = 0. */
  readonly params: ParamValues;
  readonly at: readonly Change[];
}

/** One piece of bad input: which parameter, what was given, what is used instead, what is allowed. */
export interface Problem {
  readonly param: string;
  readonly given: string;
  readonly used: string;
  readonly allowed: string;
  readonly reason: 'unknown' | 'malformed' | 'range' | 'duplicate';
}

export interface ParseResult {
  readonly scenario: Scenario;
  readonly problems: readonly Problem[];
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Shows a value the way the URL writes it. */
export function formatValue(v: ParamValue): string {
  if (Array.isArray(v)) return (v as readonly (number | string)[]).map((x) => formatValue(x)).join(',');
  if (typeof v === 'number') return v === Infinity ? 'inf' : String(v);
  return v as string;
}

/** Chinese for the English fragments that `allowed` and `used` are built from (the CLI keeps English). */
const ZH_FRAGMENTS: [RegExp, string][] = [
  [/text, up to (\d+) characters per entry, comma-separated/g, '文本，每项最多 $1 个字符，用逗号分隔'],
  [/text, up to (\d+) characters/g, '文本，最多 $1 个字符'],
  [/ \(whole number\)/g, '（整数）'],
  [/; a comma-separated list allowed/g, '；可用逗号分隔给出多个值'],
  [/, or inf/g, '，或 inf'],
  [/, or max/g, '，或 max'],
  [/<seconds>:<parameter>=<value>, parameter one of /g, '<秒>:<参数>=<值>，参数可以是：'],
  [/^nothing \(entry skipped\)$/, '无（此项已忽略）'],
  [/^nothing$/, '无'],
  [/^none$/, '无'],
  [/^one value$/, '只给一个值'],
  [/^the browser’s language$/, '浏览器的语言'],
];

function zhText(text: string): string {
  return ZH_FRAGMENTS.reduce((t, [re, zh]) => t.replace(re, zh), text);
}

/** The message for a problem, in English (the CLI's) or Chinese. */
export function problemMessage(p: Problem, lang: Lang = 'en'): string {
  const given = p.given.length > 60 ? `${p.given.slice(0, 57)}...` : p.given;
  if (lang === 'zh') {
    const used = zhText(p.used);
    const allowed = zhText(p.allowed);
    if (p.reason === 'unknown') return `未知参数“${p.param}”（值“${given}”）已忽略。可用的参数：${allowed}`;
    if (p.reason === 'duplicate') return `参数“${p.param}”出现了多次，使用最后一个值 ${used}。`;
    const what = p.reason === 'range' ? '超出范围' : '无效';
    return `参数“${p.param}”的值“${given}”${what}，已改用 ${used}（允许：${allowed}）。`;
  }
  if (p.reason === 'unknown')
    return `unknown parameter "${p.param}" (value "${given}") ignored; known parameters: ${p.allowed}`;
  if (p.reason === 'duplicate')
    return `parameter "${p.param}" given more than once; using the last value, ${p.used}`;
  const what = p.reason === 'range' ? 'is out of range' : 'is not valid';
  return `parameter "${p.param}": "${given}" ${what}; using ${p.used} (allowed: ${p.allowed})`;
}

type Parsed = { value: ParamValue; problem?: Omit<Problem, 'param' | 'given'> };

function parseNumber(
  spec: NumberSpec,
  raw: string,
  fallback: number,
): { value: number; bad?: Problem['reason'] } {
  const text = raw.trim().toLowerCase();
  if (spec.allowInf && (text === 'inf' || text === 'infinity')) return { value: Infinity };
  if (!NUMBER_RE.test(text)) return { value: fallback, bad: 'malformed' };
  let v = Number(text);
  let bad: Problem['reason'] | undefined;
  if (!Number.isFinite(v)) return { value: fallback, bad: 'malformed' };
  if (spec.integer && !Number.isInteger(v)) {
    v = Math.round(v);
    bad = 'range';
  }
  if (v < spec.min || (spec.minExclusive && v <= spec.min)) {
    v = spec.minExclusive ? fallback : spec.min;
    bad = 'range';
  } else if (v > spec.max) {
    v = spec.max;
    bad = 'range';
  }
  return bad ? { value: v, bad } : { value: v };
}

/** Parses one raw URL value by its spec. Bad entries fall back to `fallback` (the preset or default value). */
export function parseParam(spec: ParamSpec, raw: string, fallback: ParamValue): Parsed {
  const allowed = describeAllowed(spec);
  if (spec.kind === 'enum') {
    if (spec.values.includes(raw)) return { value: raw };
    return { value: fallback, problem: { used: formatValue(fallback), allowed, reason: 'malformed' } };
  }
  const parts = spec.list ? raw.split(',') : [raw];
  if (spec.kind === 'text') {
    let bad = false;
    const values = parts.map((p) => {
      const clean = p.trim();
      if (clean.length > spec.maxLength) {
        bad = true;
        return clean.slice(0, spec.maxLength);
      }
      return clean;
    });
    return bad
      ? { value: values, problem: { used: values.join(','), allowed, reason: 'range' } }
      : { value: values };
  }
  const fallbacks = Array.isArray(fallback) ? (fallback as number[]) : [fallback as number];
  let worst: Problem['reason'] | undefined;
  const values = parts.map((p, i) => {
    const r = parseNumber(spec, p, fallbacks[Math.min(i, fallbacks.length - 1)]);
    if (r.bad && worst !== 'malformed') worst = r.bad;
    return r.value;
  });
  const value: ParamValue = spec.list ? values : values[0];
  return worst ? { value, problem: { used: formatValue(value), allowed, reason: worst } } : { value };
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Splits `a=1&b=2` (or a full URL) into decoded pairs, keeping order and repeats. */
function splitQuery(input: string): [string, string][] {
  let q = input.trim();
  const hash = q.indexOf('#');
  if (hash >= 0) q = q.slice(0, hash);
  const qm = q.indexOf('?');
  if (qm >= 0) q = q.slice(qm + 1);
  const pairs: [string, string][] = [];
  for (const part of q.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = decode(eq >= 0 ? part.slice(0, eq) : part);
    const v = decode(eq >= 0 ? part.slice(eq + 1) : '');
    pairs.push([k ?? part, v ?? (eq >= 0 ? part.slice(eq + 1) : '')]);
  }
  return pairs;
}

/** The parameter values of a scenario at t = 0 from its defaults and (optionally) a preset. */
export function baseValues(schema: ScenarioSchema, presetId: string | null): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const spec of schema.params) values[spec.name] = spec.default;
  const preset = schema.presets.find((p) => p.id === presetId);
  if (preset) Object.assign(values, preset.values);
  return values;
}

const COMMON = ['s', 'seed', 't', 'speed', 'lang', 'preset', 'at'];

/** Parses a scenario URL or query string. Never throws: bad input becomes defaults plus problems. */
export function parseScenario(input: string): ParseResult {
  const problems: Problem[] = [];
  const pairs = splitQuery(input);
  const seen = new Map<string, string>();
  const last = new Map<string, string>();
  const atRaw: string[] = [];
  for (const [k, v] of pairs) {
    if (k === 'at') {
      atRaw.push(v);
      continue;
    }
    if (last.has(k)) seen.set(k, v);
    last.set(k, v);
  }

  let s: ScenarioId = 'pc';
  const sRaw = last.get('s');
  if (sRaw !== undefined) {
    if ((SCENARIO_IDS as readonly string[]).includes(sRaw)) s = sRaw as ScenarioId;
    else
      problems.push({
        param: 's',
        given: sRaw,
        used: 'pc',
        allowed: SCENARIO_IDS.join(', '),
        reason: 'malformed',
      });
  }
  const schema = findSchema(s);

  let preset: string | null = null;
  const presetRaw = last.get('preset');
  if (presetRaw !== undefined) {
    if (schema.presets.some((p) => p.id === presetRaw)) preset = presetRaw;
    else
      problems.push({
        param: 'preset',
        given: presetRaw,
        used: 'none',
        allowed: schema.presets.map((p) => p.id).join(', '),
        reason: 'malformed',
      });
  }
  const presetSpec = schema.presets.find((p) => p.id === preset);

  const one = (spec: NumberSpec, fallback: number): number => {
    const raw = last.get(spec.name);
    if (raw === undefined) return fallback;
    const r = parseParam(spec, raw, fallback);
    if (r.problem) problems.push({ param: spec.name, given: raw, ...r.problem });
    return r.value as number;
  };
  const seed = one(seedSpec, 1);
  let speed: number | 'max' = presetSpec?.speed ?? 1;
  const speedRaw = last.get('speed');
  if (speedRaw === 'max') speed = 'max';
  else if (speedRaw !== undefined) {
    const r = parseParam(speedSpec, speedRaw, typeof speed === 'number' ? speed : 1);
    if (r.problem)
      problems.push({
        param: 'speed',
        given: speedRaw,
        ...r.problem,
        allowed: `${r.problem.allowed}, or max`,
      });
    speed = r.value as number;
  }
  const t = last.has('t') ? one(timeSpec, 0) : null;
  let lang: Lang | null = null;
  const langRaw = last.get('lang');
  if (langRaw === 'zh' || langRaw === 'en') lang = langRaw;
  else if (langRaw !== undefined)
    problems.push({
      param: 'lang',
      given: langRaw,
      used: 'the browser’s language',
      allowed: 'zh, en',
      reason: 'malformed',
    });

  const params = baseValues(schema, preset);
  const specs = new Map(schema.params.map((p) => [p.name, p]));
  for (const [k, raw] of last) {
    if (COMMON.includes(k)) continue;
    const spec = specs.get(k);
    if (!spec) {
      problems.push({
        param: k,
        given: raw,
        used: 'nothing',
        allowed: [...COMMON, ...specs.keys()].join(', '),
        reason: 'unknown',
      });
      continue;
    }
    const r = parseParam(spec, raw, params[k]);
    if (r.problem) problems.push({ param: k, given: raw, ...r.problem });
    params[k] = r.value;
  }
  for (const [k] of seen) {
    if (COMMON.includes(k) || specs.has(k))
      problems.push({
        param: k,
        given: seen.get(k) ?? '',
        used: last.get(k) ?? '',
        allowed: 'one value',
        reason: 'duplicate',
      });
  }

  const at: Change[] = [];
  const lastValue = new Map<string, ParamValue>();
  for (const raw of atRaw) {
    const m = /^([^:]+):([^=]+)=(.*)$/.exec(raw);
    const atAllowed = `<seconds>:<parameter>=<value>, parameter one of ${[...specs.values()]
      .filter((p) => p.live !== false)
      .map((p) => p.name)
      .join(', ')}`;
    const bad = () =>
      problems.push({
        param: 'at',
        given: raw,
        used: 'nothing (entry skipped)',
        allowed: atAllowed,
        reason: 'malformed',
      });
    if (!m) {
      bad();
      continue;
    }
    const atSec = Number(m[1]);
    const spec = specs.get(m[2]);
    if (!NUMBER_RE.test(m[1]) || !Number.isFinite(atSec) || atSec < 0 || !spec || spec.live === false) {
      bad();
      continue;
    }
    const prev = lastValue.get(spec.name) ?? params[spec.name];
    const r = parseParam(spec, m[3], prev);
    if (r.problem?.reason === 'malformed') {
      // A value that is not a value at all: skip the change rather than invent one.
      problems.push({
        param: `at ${m[1]}:${spec.name}`,
        given: m[3],
        ...r.problem,
        used: 'nothing (entry skipped)',
      });
      continue;
    }
    if (r.problem) problems.push({ param: `at ${m[1]}:${spec.name}`, given: m[3], ...r.problem });
    at.push({ atSec, name: spec.name, value: r.value });
    lastValue.set(spec.name, r.value);
  }
  at.sort((a, b) => a.atSec - b.atSec);

  return { scenario: { s, seed, speed, t, lang, preset, params, at }, problems };
}

function sameValue(a: ParamValue, b: ParamValue): boolean {
  return formatValue(a) === formatValue(b);
}

/** Encodes a value for the query string, keeping `,` `:` `=` readable. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%3D/gi, '=');
}

/**
 * The canonical query string (no leading `?`): the same scenario always gives the same string.
 * Order: s, preset, the parameters that differ from the preset/defaults (schema order), seed, speed, lang, t, at.
 */
export function serializeScenario(sc: Scenario): string {
  const schema = findSchema(sc.s);
  const base = baseValues(schema, sc.preset);
  const parts: string[] = [`s=${sc.s}`];
  if (sc.preset) parts.push(`preset=${enc(sc.preset)}`);
  for (const spec of schema.params) {
    const v = sc.params[spec.name];
    if (v !== undefined && !sameValue(v, base[spec.name])) parts.push(`${spec.name}=${enc(formatValue(v))}`);
  }
  parts.push(`seed=${sc.seed}`);
  const presetSpeed = schema.presets.find((p) => p.id === sc.preset)?.speed ?? 1;
  if (sc.speed !== presetSpeed) parts.push(`speed=${sc.speed}`);
  if (sc.lang) parts.push(`lang=${sc.lang}`);
  if (sc.t !== null) parts.push(`t=${sc.t}`);
  for (const c of sc.at) parts.push(`at=${enc(`${c.atSec}:${c.name}=${formatValue(c.value)}`)}`);
  return parts.join('&');
}

/** A fresh scenario of the given kind with all defaults. */
export function defaultScenario(s: ScenarioId = 'pc'): Scenario {
  return {
    s,
    seed: 1,
    speed: 1,
    t: null,
    lang: null,
    preset: null,
    params: baseValues(findSchema(s), null),
    at: [],
  };
}

/** The value parameter `name` has at simulated time `atSec`, after the `at` changes up to then. */
export function valueAt(sc: Scenario, name: string, atSec: number): ParamValue {
  // The latest change at or before atSec; among changes at the same instant, the last one listed.
  let v = sc.params[name];
  let when = -Infinity;
  for (const c of sc.at)
    if (c.name === name && c.atSec <= atSec && c.atSec >= when) {
      v = c.value;
      when = c.atSec;
    }
  return v;
}

/** The change list with one more change, kept in time order (stable for equal times). */
export function withChange(at: readonly Change[], change: Change): Change[] {
  const i = at.findIndex((c) => c.atSec > change.atSec);
  return i < 0 ? [...at, change] : [...at.slice(0, i), change, ...at.slice(i)];
}
