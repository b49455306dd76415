// Languages: `lang=zh` and `lang=en` label the page, and the language switch changes the page and the URL's `lang=`.
import { expect, open, searchParams, test } from './fixtures.ts';

test('lang=zh shows Chinese labels', async ({ page }) => {
  await open(page, 's=pc&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('play')).toContainText('运行');
  await expect(page.getByTestId('step')).toContainText('单步');
  await expect(page.getByTestId('reset')).toContainText('重置');
  await expect(page.locator('[data-param="producers"] .param-label')).toHaveText('生产者数量');
  await expect(page.locator('.qs-stats dt').filter({ hasText: '已生产' })).toBeVisible();
  await expect(page.locator('.qs-stats dt').filter({ hasText: '已消费' })).toBeVisible();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('生产者与消费者');
});

test('lang=en shows English labels', async ({ page }) => {
  await open(page, 's=pc&lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('play')).toContainText('Play');
  await expect(page.getByTestId('reset')).toContainText('Reset');
});

test('the language switch changes the labels and lang= in the URL', async ({ page }) => {
  await open(page, 's=pc&lang=en&produce=2');
  const sw = page.getByTestId('lang-switch');
  await sw.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('play')).toContainText('运行');
  await expect.poll(async () => (await searchParams(page)).get('lang')).toBe('zh');
  await expect(page.getByTestId('share-link')).toHaveValue(/[?&]lang=zh(&|$)/);
  await sw.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('play')).toContainText('Play');
  await expect.poll(async () => (await searchParams(page)).get('lang')).toBe('en');
  // The scenario itself is untouched.
  expect((await searchParams(page)).get('produce')).toBe('2');
});
