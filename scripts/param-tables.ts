// Renders the README's parameter tables from the scenario schemas (the one source), and checks or rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { seedSpec, speedSpec, timeSpec } from '../src/scenarios/common.ts';
import { formatValue } from '../src/scenarios/codec.ts';
import { SCHEMAS } from '../src/scenarios/registry.ts';
import { describeAllowed, SCENARIO_IDS, type ParamSpec } from '../src/scenarios/schema.ts';

function row(spec: ParamSpec): string {
  const def = spec.kind === 'text' ? (formatValue(spec.default) || 'empty (everything)') : formatValue(spec.default);
  const allowed = spec.kind === 'enum' ? spec.values.map((v) => `\`${v}\``).join(', ') : describeAllowed(spec);
  const valueHelp =
    spec.kind === 'enum' && spec.valueHelp ? ` (${spec.values.map((v) => `\`${v}\`: ${spec.valueHelp?.[v]?.en ?? ''}`).join('; ')})` : '';
  const unit = spec.unit ? spec.unit.en : '';
  return `| \`${spec.name}\` | ${spec.label.en}: ${spec.help.en}${valueHelp} | ${unit} | ${allowed} | \`${def}\` |`;
}

const HEAD = '| name | meaning | unit | values | default |\n| --- | --- | --- | --- | --- |';

/** The markdown table for one scenario's parameters, or for the common ones (`common`). */
export function paramTable(id: string): string {
  if (id === 'common') {
    return [
      HEAD,
      '| `s` | Scenario | | `pc`, `pubsub`, `seckill` | `pc` |',
      row(seedSpec),
      row(timeSpec).replace('`0` |', 'absent: open paused at 0 |'),
      row(speedSpec).replace(/\| ([^|]*) \| `1` \|$/, '| $1, or `max` | `1` (or the preset’s) |'),
      '| `lang` | Interface language | | `zh`, `en` | the browser’s language, else `en` |',
      '| `preset` | A named preset: its values load first, explicit parameters override them | | see the presets below | none |',
      '| `at` | A change made while running: `at=<seconds>:<name>=<value>`, repeatable | | any scenario parameter | none |',
    ].join('\n');
  }
  const schema = SCHEMAS[id as keyof typeof SCHEMAS];
  const presets = schema.presets.map((p) => `\`${p.id}\` (${p.title.en})`).join(', ');
  return `${HEAD}\n${schema.params.map(row).join('\n')}\n\nPresets: ${presets || 'none'}.`;
}

const marker = (id: string) => [`<!-- params:${id} -->`, `<!-- /params:${id} -->`] as const;

/** README text with every generated table replaced by the current one. */
export function refreshReadme(text: string): string {
  let out = text;
  for (const id of ['common', ...SCENARIO_IDS]) {
    const [open, close] = marker(id);
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`README is missing ${open} … ${close}`);
    out = `${out.slice(0, a + open.length)}\n${paramTable(id)}\n${out.slice(b)}`;
  }
  return out;
}

if (process.argv[1]?.endsWith('param-tables.ts')) {
  const path = new URL('../README.md', import.meta.url);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, refreshReadme(text));
  console.log('README parameter tables refreshed');
}
