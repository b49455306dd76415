// Golden summaries: every preset, run to a fixed time, must print exactly the stored summary (UPDATE_GOLDEN=1 rewrites).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModel } from '../engine/create.ts';
import { parseScenario } from './codec.ts';
import { SCHEMAS } from './registry.ts';

const DIR = new URL('./golden/', import.meta.url);
const UNTIL: Record<string, number> = { pc: 300, pubsub: 120, seckill: 30 };

describe('golden preset summaries', () => {
  for (const schema of Object.values(SCHEMAS)) {
    for (const preset of schema.presets) {
      it(`${schema.id} preset=${preset.id}`, () => {
        const { scenario, problems } = parseScenario(`s=${schema.id}&preset=${preset.id}&seed=7`);
        expect(problems).toEqual([]);
        const model = createModel(scenario, { sampleIntervalSec: 1 });
        model.runUntil(UNTIL[schema.id]);
        const summary = JSON.parse(JSON.stringify(model.summary()));
        const file = new URL(`${schema.id}-${preset.id}.json`, DIR);
        if (process.env.UPDATE_GOLDEN || (!existsSync(file) && !process.env.CI)) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
        }
        expect(summary).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      });
    }
  }
});
