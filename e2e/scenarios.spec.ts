// Presets and the other scenarios: the article's queue.Queue lines in the event log, pub/sub and seckill smoke runs.
import { expect, numberOf, open, test } from './fixtures.ts';

test('the python-queue preset prints the article’s lines in the event log', async ({ page }) => {
  await open(page, 's=pc&preset=python-queue&lang=zh');
  await page.getByTestId('play').click();
  const log = page.getByTestId('event-log');
  await expect(log).toContainText(/Produce A「number」: \d+, Produce B「number」: \d+/);
  await expect(log).toContainText(/Consume products: \d+ & \d+/);
});

test('pub/sub: the article’s ZeroMQ example plays and subscriber 1 consumes', async ({ page }) => {
  await open(page, 's=pubsub&preset=zmq-article');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => numberOf(page, 'stat-published')).toBeGreaterThan(0);
  await expect.poll(() => numberOf(page, 'stat-subscriber1-consumed'), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await numberOf(page, 'stat-subscriber1-consumed');
  await expect.poll(() => numberOf(page, 'stat-subscriber1-consumed'), { timeout: 20_000 }).toBeGreaterThan(first);
});

test('seckill: 20,000 users at full speed sell exactly the stock', async ({ page }) => {
  await open(page, 's=seckill&users=20000&speed=max');
  await page.getByTestId('play').click();
  // Finished: nothing more can happen, so play is disabled and the clock stops.
  await expect(page.getByTestId('play')).toBeDisabled({ timeout: 30_000 });
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('stat-succeeded')).toHaveAttribute('data-value', '100');
  await expect(page.getByTestId('stat-stockLeft')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('stat-requests')).toHaveAttribute('data-value', '20000');
  await expect(page.getByTestId('stat-oversold')).toHaveAttribute('data-value', '0');
});
