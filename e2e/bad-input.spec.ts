// Bad URLs never break the page: a notice names each bad parameter, the page still plays, URL text stays text.
import { expect, open, simTime, test } from './fixtures.ts';

test('bad values and unknown parameters show a notice naming each, and the page still plays', async ({ page }) => {
  await open(page, 's=pc&produce=-5&capacity=abc&bogus=1');
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('"produce"');
  await expect(notice).toContainText('-5');
  await expect(notice).toContainText('"capacity"');
  await expect(notice).toContainText('abc');
  await expect(notice).toContainText('"bogus"');
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => simTime(page)).toBeGreaterThan(1);
});

test('an unknown scenario shows the notice and falls back to producer/consumer', async ({ page }) => {
  await open(page, 's=nope');
  await expect(page.getByTestId('notice')).toContainText('"s"');
  await expect(page.getByTestId('notice')).toContainText('nope');
  await expect(page.getByTestId('scenario-select')).toHaveValue('pc');
  await expect(page.getByTestId('stat-produced')).toBeVisible();
  await page.getByTestId('step').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(0);
});

const HOSTILE = '<img src=x onerror=alert(1)>';

test('text from the URL is rendered as text (pub/sub topics)', async ({ page }) => {
  await open(page, `s=pubsub&topics=${encodeURIComponent(HOSTILE)}`);
  await expect(page.getByTestId('param-topics')).toHaveValue(new RegExp(HOSTILE.slice(0, 8)));
  await page.getByTestId('step').click();
  await expect.poll(() => simTime(page)).toBeGreaterThan(0);
  expect(await page.locator('img[onerror], img[src="x"]').count()).toBe(0);
});

test('text from the URL is rendered as text (notice)', async ({ page }) => {
  await open(page, `s=pc&preset=${encodeURIComponent(HOSTILE)}&${encodeURIComponent(HOSTILE)}=1`);
  await expect(page.getByTestId('notice')).toContainText(HOSTILE);
  expect(await page.locator('img[onerror], img[src="x"]').count()).toBe(0);
});
