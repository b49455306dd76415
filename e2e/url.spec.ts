// The URL is the scenario: controls write it, live changes become `at=`, shared links and moment links reproduce the run.
import type { Page } from '@playwright/test';
import { runCli } from '../src/cli/run.ts';
import { controlValues, expect, numberOf, open, searchParams, simTime, test, watchErrors } from './fixtures.ts';

/** Every counter shown in the numbers panel, keyed by test id. */
function counters(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="stat-"]')))
      out[el.dataset.testid ?? ''] = el.dataset.value ?? '';
    return out;
  });
}

test('the exact number field writes the URL', async ({ page }) => {
  await open(page, 's=pc&seed=4');
  const produce = page.getByTestId('param-produce');
  await produce.fill('3.5');
  await produce.press('Enter');
  await expect.poll(async () => (await searchParams(page)).get('produce')).toBe('3.5');
  await expect(page.getByTestId('share-link')).toHaveValue(/[?&]produce=3\.5(&|$)/);
  await expect(page.getByTestId('param-produce')).toHaveValue('3.5');
});

test('the slider writes the URL', async ({ page }) => {
  await open(page, 's=pc&seed=4');
  const slider = page.getByTestId('param-consume-slider');
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
  // The slider commits once the hand rests; the URL then names a larger consume rate.
  await expect.poll(async () => Number((await searchParams(page)).get('consume') ?? '1.25')).toBeGreaterThan(1.25);
  const consume = (await searchParams(page)).get('consume');
  await expect(page.getByTestId('param-consume')).toHaveValue(consume ?? '');
});

test('a change made while running is recorded as at= in the URL and the share link', async ({ page }) => {
  await open(page, 's=pc&produce=0.8&consume=2&seed=9&speed=10');
  await page.getByTestId('play').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(2);
  const produce = page.getByTestId('param-produce');
  await produce.fill('7');
  await produce.press('Enter');
  await expect.poll(async () => (await searchParams(page)).getAll('at')).toEqual([expect.stringMatching(/^\d+(\.\d+)?:produce=7$/)]);
  const at = (await searchParams(page)).getAll('at')[0];
  const atSec = Number(at.split(':')[0]);
  expect(atSec).toBeGreaterThan(2);
  // The t = 0 value is unchanged; the running page shows the new value.
  expect((await searchParams(page)).get('produce')).toBe('0.8');
  await expect(page.getByTestId('param-produce')).toHaveValue('7');
  const share = new URL(await page.getByTestId('share-link').inputValue());
  expect(share.searchParams.getAll('at')).toEqual([at]);
  // Reset starts again from t = 0 with the current values and no change list.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '0');
  await expect.poll(async () => (await searchParams(page)).getAll('at')).toEqual([]);
  expect((await searchParams(page)).get('produce')).toBe('7');
});

test('a shared link opens the same scenario in a new page', async ({ page, context, pageErrors }) => {
  await open(page, 's=pc&producers=2&produce=1.5&arrival=uniform&consumers=3&consume=0.9&capacity=12&overflow=drop-old&ttl=20&seed=77');
  await page.getByTestId('param-consume').fill('1.1');
  await page.getByTestId('param-consume').press('Enter');
  await expect.poll(async () => (await searchParams(page)).get('consume')).toBe('1.1');
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  watchErrors(other, pageErrors);
  await other.goto(link);
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-value', '0');
  expect(await controlValues(other)).toEqual(await controlValues(page));
  // Step both the same number of times: the same run, event for event.
  for (const p of [page, other]) {
    for (let i = 0; i < 8; i++) {
      const before = await simTime(p);
      await p.getByTestId('step').click();
      await expect.poll(() => simTime(p)).toBeGreaterThan(before);
    }
  }
  expect(await simTime(other)).toBe(await simTime(page));
  expect(await counters(other)).toEqual(await counters(page));
});

test('a copied moment link, with live changes, shows the same moment in a new page', async ({ page, context, pageErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, 's=pc&produce=3&consume=2&capacity=15&overflow=drop-old&seed=11&speed=20');
  await page.getByTestId('play').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(5);
  await page.getByTestId('param-consumers').fill('2');
  await page.getByTestId('param-consumers').press('Enter');
  await expect.poll(async () => (await searchParams(page)).getAll('at').length).toBe(1);
  await expect.poll(() => simTime(page)).toBeGreaterThan(15);
  await page.getByTestId('copy-moment').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/[?&]t=/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const tSec = Number(new URL(copied).searchParams.get('t'));
  expect(new URL(copied).searchParams.getAll('at')).toHaveLength(1);
  await expect.poll(() => simTime(page)).toBe(tSec);

  const other = await context.newPage();
  watchErrors(other, pageErrors);
  await other.goto(copied);
  await expect(other.getByTestId('sim-time')).toHaveAttribute('data-value', String(tSec));
  await expect(other.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  expect(await controlValues(other)).toEqual(await controlValues(page));
  expect(await counters(other)).toEqual(await counters(page));
  expect(await numberOf(other, 'stat-produced')).toBeGreaterThan(0);
});

const MOMENTS = [
  's=pc&produce=3&consume=2&capacity=10&seed=5',
  's=pc&producers=3&produce=0.7&arrival=uniform&consumers=2&consume=0.8&service=const&capacity=6&overflow=block&seed=21',
  's=pc&produce=4&consume=1&ttl=2.5&overflow=drop-old&capacity=30&seed=8',
  's=pc&produce=1&consume=1.25&seed=2&at=10:produce=4&at=20.5:consumers=2',
];

for (const query of MOMENTS) {
  test(`moment link t=30 shows the CLI's counters for --until 30: ${query}`, async ({ page }) => {
    const cli = runCli([query, '--until', '30']);
    expect(cli.code, cli.stderr).toBe(0);
    const s = JSON.parse(cli.stdout) as {
      produced: number;
      consumed: number;
      dropped: { overflow: number; expired: number };
      waiting: number;
    };
    await open(page, `${query}&t=30`);
    await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '30');
    await expect(page.getByTestId('stat-produced')).toHaveAttribute('data-value', String(s.produced));
    await expect(page.getByTestId('stat-consumed')).toHaveAttribute('data-value', String(s.consumed));
    await expect(page.getByTestId('stat-dropped')).toHaveAttribute(
      'data-value',
      String(s.dropped.overflow + s.dropped.expired),
    );
    await expect(page.getByTestId('stat-waiting')).toHaveAttribute('data-value', String(s.waiting));
    expect(s.produced).toBeGreaterThan(10);
  });
}
