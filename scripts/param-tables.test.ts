// The README's parameter tables are exactly what the schemas say (run `npm run docs` to refresh them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refreshReadme } from './param-tables.ts';

describe('README', () => {
  it('documents every parameter as the schema defines it', () => {
    const text = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(refreshReadme(text)).toBe(text);
  });
});
