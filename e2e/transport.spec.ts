// Transport: load, play, pause, step, reset and the speed control, on a producer/consumer scenario URL.
import { expect, open, simTime, test } from './fixtures.ts';

const BALANCED = 's=pc&produce=2&consume=3&seed=3';

test('loads paused at t = 0 with the controls and counters', async ({ page }) => {
  await open(page, BALANCED);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('stat-produced')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('param-produce')).toHaveValue('2');
  await expect(page.getByTestId('param-consume')).toHaveValue('3');
  await expect(page.getByTestId('flow-view')).toBeVisible();
  await expect(page.getByTestId('chart-queue-depth')).toBeVisible();
  await expect(page.getByTestId('chart-drops')).toBeVisible();
  await expect(page.getByTestId('event-log')).toBeVisible();
});

test('play runs the clock, pause stops it', async ({ page }) => {
  await open(page, `${BALANCED}&speed=10`);
  const play = page.getByTestId('play');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => simTime(page)).toBeGreaterThan(2);
  await expect.poll(async () => Number(await page.getByTestId('stat-produced').getAttribute('data-value'))).toBeGreaterThan(0);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const stopped = await simTime(page);
  // Paused: a few frames later the clock has not moved.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  expect(await simTime(page)).toBe(stopped);
});

test('step advances while paused; reset goes back to 0', async ({ page }) => {
  await open(page, BALANCED);
  const before = await simTime(page);
  await page.getByTestId('step').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(before);
  const once = await simTime(page);
  await page.getByTestId('step').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(once);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('stat-produced')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('stat-consumed')).toHaveAttribute('data-value', '0');
});

test('speed 100 advances simulated time much faster than 1', async ({ page }) => {
  await open(page, BALANCED);
  await page.getByTestId('speed').selectOption('100');
  await expect.poll(async () => (await page.evaluate(() => window.location.search)).includes('speed=100')).toBe(true);
  const t0 = Date.now();
  await page.getByTestId('play').click();
  // At speed 1 this would take 50 s of wall time.
  await expect.poll(() => simTime(page), { timeout: 10_000 }).toBeGreaterThan(50);
  const wallSec = (Date.now() - t0) / 1000;
  const simSec = await simTime(page);
  expect(simSec / wallSec).toBeGreaterThan(20);
});
