// The declarative parameter schema: one entry per URL parameter drives the codec, the controls, the README and validation.

export type Lang = 'zh' | 'en';
export type Text = Readonly<Record<Lang, string>>;
export type ScenarioId = 'pc' | 'pubsub' | 'seckill';
export const SCENARIO_IDS: readonly ScenarioId[] = ['pc', 'pubsub', 'seckill'];

/** A parameter's value: a number (Infinity allowed where the spec says so), a word, or a list of either. */
export type ParamValue = number | string | readonly number[] | readonly string[];
export type ParamValues = Readonly<Record<string, ParamValue>>;

interface BaseSpec {
  /** The URL name, e.g. `produce`. Public: never renamed. */
  readonly name: string;
  readonly label: Text;
  /** One sentence a student can read under the control. */
  readonly help: Text;
  /** Unit shown beside the value (empty for counts and words). */
  readonly unit?: Text;
  /** True when the URL may hold a comma-separated list, one entry per publisher or subscriber. */
  readonly list?: boolean;
  /**
   * False for a parameter fixed at t = 0 (the crowd, the stock): changing it restarts the run, and an
   * `at=` entry for it is reported and skipped.
   */
  readonly live?: boolean;
}

export interface NumberSpec extends BaseSpec {
  readonly kind: 'number';
  readonly min: number;
  /** True when the minimum itself is not allowed (`> 0`). */
  readonly minExclusive?: boolean;
  readonly max: number;
  readonly integer?: boolean;
  /** `inf` allowed (an unbounded queue, no timeout). */
  readonly allowInf?: boolean;
  /** Slider scale: rates and sizes span decades, so most are logarithmic. */
  readonly scale: 'log' | 'linear';
  readonly default: number | readonly number[];
}

export interface EnumSpec extends BaseSpec {
  readonly kind: 'enum';
  readonly values: readonly string[];
  /** Per-value explanations, shown as option titles. */
  readonly valueHelp?: Readonly<Record<string, Text>>;
  readonly default: string;
}

export interface TextSpec extends BaseSpec {
  readonly kind: 'text';
  /** Default list; `{i}` in an entry is replaced by the 1-based index when the list is expanded. */
  readonly default: readonly string[];
  readonly maxLength: number;
}

export type ParamSpec = NumberSpec | EnumSpec | TextSpec;

export interface Preset {
  readonly id: string;
  readonly title: Text;
  /** Two or three sentences: what to look at and why. */
  readonly explain: Text;
  readonly values: ParamValues;
  /** Optional suggested speed. */
  readonly speed?: number | 'max';
}

export interface ScenarioSchema {
  readonly id: ScenarioId;
  readonly title: Text;
  readonly params: readonly ParamSpec[];
  readonly presets: readonly Preset[];
}

/** The allowed values of a spec, in words, for notices and the README. */
export function describeAllowed(spec: ParamSpec): string {
  if (spec.kind === 'enum') return spec.values.join(', ');
  if (spec.kind === 'text')
    return `text, up to ${spec.maxLength} characters${spec.list ? ' per entry, comma-separated' : ''}`;
  const lo = spec.minExclusive ? `> ${spec.min}` : `${spec.min}`;
  let s = spec.minExclusive ? `${lo}${spec.max < Infinity ? ` … ${spec.max}` : ''}` : `${lo} … ${spec.max}`;
  if (spec.max === Infinity && !spec.minExclusive) s = `≥ ${spec.min}`;
  if (spec.integer) s += ' (whole number)';
  if (spec.allowInf) s += ', or inf';
  if (spec.list) s += '; a comma-separated list allowed';
  return s;
}

/** Expands a list-or-single value to `count` entries (a single value applies to all; a short list repeats its last). */
export function expandList<T extends number | string>(value: T | readonly T[], count: number): T[] {
  const list = (Array.isArray(value) ? value : [value]) as readonly T[];
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(list[Math.min(i, list.length - 1)]);
  return out;
}
