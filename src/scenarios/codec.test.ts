// URL codec: round trips, canonical form, presets, `at` entries and every kind of bad input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, problemMessage, serializeScenario, valueAt, withChange } from './codec.ts';
import { SCHEMAS } from './registry.ts';

describe('scenario URL codec', () => {
  it('parses defaults from an empty query', () => {
    const { scenario, problems } = parseScenario('');
    expect(problems).toEqual([]);
    expect(scenario.s).toBe('pc');
    expect(scenario.seed).toBe(1);
    expect(scenario.speed).toBe(1);
    expect(scenario.t).toBeNull();
    expect(scenario.params).toMatchObject({
      producers: 1,
      produce: 1,
      consume: 1.25,
      capacity: Infinity,
      overflow: 'drop-new',
    });
  });

  it('accepts a full URL and ignores the hash', () => {
    const { scenario } = parseScenario('https://example.org/qs/?s=pc&produce=3#x');
    expect(scenario.params.produce).toBe(3);
  });

  it('serialises canonically and round-trips', () => {
    const q =
      'capacity=inf&s=pc&seed=7&produce=2.5&overflow=block&lang=zh&t=30&at=62.5:consumers=3&at=30:produce=5';
    const { scenario } = parseScenario(q);
    const canon = serializeScenario(scenario);
    expect(canon).toBe(
      's=pc&produce=2.5&overflow=block&seed=7&lang=zh&t=30&at=30:produce=5&at=62.5:consumers=3',
    );
    expect(serializeScenario(parseScenario(canon).scenario)).toBe(canon);
  });

  it('loads a preset first and lets explicit parameters override it', () => {
    const { scenario, problems } = parseScenario('preset=python-queue&consume=0.5');
    expect(problems).toEqual([]);
    expect(scenario.params).toMatchObject({
      produce: 0.5,
      arrival: 'const',
      consume: 0.5,
      service: 'uniform',
    });
    expect(serializeScenario(scenario)).toBe('s=pc&preset=python-queue&consume=0.5&seed=1');
  });

  it('round-trips random valid scenarios of every kind', () => {
    for (const schema of Object.values(SCHEMAS)) {
      const arb = fc.record(
        Object.fromEntries(
          schema.params.map((spec) => {
            if (spec.kind === 'enum') return [spec.name, fc.constantFrom(...spec.values)];
            if (spec.kind === 'text')
              return [
                spec.name,
                fc
                  .array(fc.stringMatching(/^[a-z.]{0,8}$/), { minLength: 1, maxLength: 3 })
                  .map((a) => a.join(',')),
              ];
            const hi = Math.min(spec.max, 1e6);
            const num = spec.integer
              ? fc.integer({ min: spec.min, max: hi })
              : fc
                  .double({ min: spec.min, max: hi, noNaN: true })
                  .filter((v) => !spec.minExclusive || v > spec.min);
            return [spec.name, num.map(String)];
          }),
        ),
      );
      fc.assert(
        fc.property(arb, fc.integer({ min: 0, max: 4294967295 }), (values, seed) => {
          const q = `s=${schema.id}&${Object.entries(values)
            .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
            .join('&')}&seed=${seed}`;
          const first = parseScenario(q);
          expect(first.problems).toEqual([]);
          const canon = serializeScenario(first.scenario);
          const second = parseScenario(canon);
          expect(second.problems).toEqual([]);
          expect(second.scenario).toEqual(first.scenario);
          expect(serializeScenario(second.scenario)).toBe(canon);
        }),
        { numRuns: 60 },
      );
    }
  });

  it.each([
    ['produce=-5', 'produce', '-5', '0.001'],
    ['capacity=abc', 'capacity', 'abc', 'inf'],
    ['s=nope', 's', 'nope', 'pc'],
    ['consumers=0', 'consumers', '0', '1'],
    ['consumers=2.5', 'consumers', '2.5', '3'],
    ['produce=1e9', 'produce', '1e9', '100000'],
    ['ttl=0', 'ttl', '0', 'inf'],
    ['overflow=sometimes', 'overflow', 'sometimes', 'drop-new'],
    ['seed=-1', 'seed', '-1', '0'],
    ['speed=fast', 'speed', 'fast', '1'],
    ['lang=fr', 'lang', 'fr', 'the browser’s language'],
    ['preset=nope', 'preset', 'nope', 'none'],
    ['t=-3', 't', '-3', '0'],
    ['produce=NaN', 'produce', 'NaN', '1'],
    ['produce=Infinity', 'produce', 'Infinity', '1'],
  ])(
    'reports bad input %s naming the parameter, the value given and the value used',
    (q, param, given, used) => {
      const { problems } = parseScenario(q);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ param, given, used });
      const msg = problemMessage(problems[0], 'en');
      expect(msg).toContain(param);
      expect(msg).toContain(given);
      expect(problemMessage(problems[0], 'zh')).toContain(param);
    },
  );

  it('reports unknown parameters, malformed at entries, duplicates and bad percent-encoding without throwing', () => {
    const { scenario, problems } = parseScenario(
      's=pc&bogus=1&at=abc&at=5:nope=1&produce=2&produce=3&x=%E0%A4%A',
    );
    expect(problems.map((p) => p.param)).toEqual(['bogus', 'x', 'produce', 'at', 'at']);
    expect(scenario.params.produce).toBe(3);
    expect(scenario.at).toEqual([]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseScenario(s);
        expect(typeof serializeScenario(r.scenario)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps text values as text (no markup interpretation happens here, but nothing is lost either)', () => {
    const { scenario } = parseScenario('s=pubsub&topics=%3Cb%3Ex%3C%2Fb%3E,y');
    expect(scenario.params.topics).toEqual(['<b>x</b>', 'y']);
  });

  it('knows the value in effect at a time whatever the order of the change list', () => {
    const { scenario } = parseScenario('s=pc&produce=1&at=30:produce=5');
    const at = withChange(scenario.at, { atSec: 20, name: 'produce', value: 3 });
    expect(at.map((c) => c.atSec)).toEqual([20, 30]);
    const sc = { ...scenario, at };
    expect(valueAt(sc, 'produce', 10)).toBe(1);
    expect(valueAt(sc, 'produce', 25)).toBe(3);
    expect(valueAt(sc, 'produce', 35)).toBe(5);
    expect(
      valueAt({ ...scenario, at: [...scenario.at, { atSec: 20, name: 'produce', value: 3 }] }, 'produce', 35),
    ).toBe(5);
  });

  it('skips at= entries for parameters fixed at t = 0', () => {
    const { scenario, problems } = parseScenario('s=seckill&at=1:stock=5&at=1:servers=8');
    expect(scenario.at).toEqual([{ atSec: 1, name: 'servers', value: 8 }]);
    expect(problems.map((p) => p.param)).toEqual(['at']);
  });

  it('parses a link with many changes quickly (linear in their number)', () => {
    const q = 's=pc&' + Array.from({ length: 20_000 }, (_, i) => `at=${i}:produce=${(i % 9) + 1}`).join('&');
    const { scenario, problems } = parseScenario(q);
    expect(problems).toEqual([]);
    expect(scenario.at).toHaveLength(20_000);
  });
});
