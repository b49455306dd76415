// Flash-sale pages from scenario URLs: a moment link matches the CLI, and the one-click sync/async comparison.
import { runCli } from '../src/cli/run.ts';
import { expect, numberOf, open, test } from './fixtures.ts';

test('a moment link mid-spike shows the CLI’s counters', async ({ page }) => {
  const q = 's=seckill&users=50000&stock=200&seed=3';
  await open(page, `${q}&t=0.5`);
  const cli = JSON.parse(runCli([q, '--until', '0.5']).stdout);
  expect(await numberOf(page, 'stat-requests')).toBe(cli.requests);
  expect(await numberOf(page, 'stat-succeeded')).toBe(cli.succeeded);
  expect(await numberOf(page, 'stat-stockLeft')).toBe(cli.stockLeft);
  expect(await numberOf(page, 'stat-rejected-full')).toBe(cli.rejected.full);
  expect(await numberOf(page, 'stat-rejected-soldOut')).toBe(cli.rejected.soldOut);
  expect(await numberOf(page, 'stat-timedOut')).toBe(cli.timedOut);
  expect(await numberOf(page, 'stat-order-backlog')).toBe(cli.order.backlog);
});

test('compare sync and async: one click, same crowd, async answers faster', async ({ page }) => {
  await open(page, 's=seckill&preset=article-sale&lang=en');
  await page.getByTestId('compare-open').click();
  const asyncP95 = page.getByTestId('compare-async-response-p95');
  const syncP95 = page.getByTestId('compare-sync-response-p95');
  await expect(asyncP95).toHaveAttribute('data-value', /\d/, { timeout: 30_000 });
  const a = Number(await asyncP95.getAttribute('data-value'));
  const s = Number(await syncP95.getAttribute('data-value'));
  expect(a).toBeGreaterThan(0);
  expect(s).toBeGreaterThan(a);
  await page.keyboard.press('Escape');
  await expect(asyncP95).toBeHidden();
});
