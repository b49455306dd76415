// One control per schema parameter: slider + exact field for numbers (with `inf`), a select for words, text for lists.
import { useEffect, useId, useRef, useState } from 'react';
import { formatValue, parseParam, problemMessage } from '../scenarios/codec.ts';
import type { Lang, NumberSpec, ParamSpec, ParamValue } from '../scenarios/schema.ts';
import { fromSlider, SLIDER_STEPS, toSlider } from './scale.ts';
import { useT } from './hooks.ts';

/** Slider moves are sent after the hand rests this long, so one drag is one recorded change. */
const COMMIT_AFTER_MS = 350;

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  lang: Lang;
  onCommit(value: ParamValue): void;
  /** Id of the element that labels this control. */
  labelId?: string;
}

function NumberInputs({ spec, value, lang, onCommit, labelId }: Props & { spec: NumberSpec }) {
  const t = useT();
  const num = value as number;
  const [draft, setDraft] = useState(formatValue(value));
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isInf = num === Infinity;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const commitText = (text: string) => {
    const r = parseParam(spec, text.trim(), value);
    setError(r.problem ? problemMessage({ param: spec.name, given: text, ...r.problem }, lang) : null);
    setDraft(formatValue(r.value));
    if (formatValue(r.value) !== formatValue(value)) onCommit(r.value);
  };

  const onSlide = (pos: number) => {
    const v = fromSlider(spec, pos);
    setDraft(formatValue(v));
    setError(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onCommit(v), COMMIT_AFTER_MS);
  };

  return (
    <div className="param-inputs">
      <input
        type="range"
        min={0}
        max={SLIDER_STEPS}
        step={1}
        aria-labelledby={labelId}
        aria-valuetext={draft}
        data-testid={`param-${spec.name}-slider`}
        value={isInf ? SLIDER_STEPS : toSlider(spec, Number(draft) || num)}
        disabled={isInf}
        onChange={(e) => onSlide(Number(e.target.value))}
      />
      <input
        type="text"
        inputMode="decimal"
        className="exact"
        aria-labelledby={labelId}
        data-testid={`param-${spec.name}`}
        value={isInf ? 'inf' : draft}
        disabled={isInf}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commitText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitText((e.target as HTMLInputElement).value);
        }}
      />
      {spec.allowInf && (
        <label className="inf-toggle">
          <input
            type="checkbox"
            checked={isInf}
            data-testid={`param-${spec.name}-inf`}
            onChange={(e) =>
              onCommit(
                e.target.checked
                  ? Infinity
                  : spec.max === Infinity
                    ? 100
                    : Math.min(spec.max, Math.max(spec.min || 1, 10)),
              )
            }
          />
          {t('inf')}
        </label>
      )}
      {error && (
        <p className="param-error" role="status">
          {error}
        </p>
      )}
    </div>
  );
}

function TextInput({ spec, value, lang, onCommit }: Props) {
  const [draft, setDraft] = useState(formatValue(value));
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const r = parseParam(spec, text, value);
    setError(r.problem ? problemMessage({ param: spec.name, given: text, ...r.problem }, lang) : null);
    setDraft(formatValue(r.value));
    if (formatValue(r.value) !== formatValue(value)) onCommit(r.value);
  };
  return (
    <div className="param-inputs">
      <input
        type="text"
        className="wide"
        data-testid={`param-${spec.name}`}
        aria-label={spec.label[lang]}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
      {error && (
        <p className="param-error" role="status">
          {error}
        </p>
      )}
    </div>
  );
}

export function ParamControl(props: Props) {
  const { spec, value, lang, onCommit } = props;
  const labelId = useId();
  const withLabel = { ...props, labelId };
  let body;
  if (spec.kind === 'enum') {
    body = (
      <select
        data-testid={`param-${spec.name}`}
        aria-label={spec.label[lang]}
        value={value as string}
        onChange={(e) => onCommit(e.target.value)}
      >
        {spec.values.map((v) => (
          <option key={v} value={v} title={spec.valueHelp?.[v]?.[lang]}>
            {spec.valueHelp?.[v] ? `${v} — ${spec.valueHelp[v][lang]}` : v}
          </option>
        ))}
      </select>
    );
  } else if (spec.kind === 'text' || spec.list) body = <TextInput key={formatValue(value)} {...withLabel} />;
  else body = <NumberInputs key={formatValue(value)} {...withLabel} spec={spec} />;
  return (
    <div className="param" data-param={spec.name}>
      <div className="param-head" id={labelId}>
        <span className="param-label">{spec.label[lang]}</span>
        {spec.unit && <span className="param-unit">{spec.unit[lang]}</span>}
        <code className="param-name">{spec.name}</code>
      </div>
      {body}
      <p className="param-help">{spec.help[lang]}</p>
    </div>
  );
}
