// Pub/sub pages from scenario URLs: HWM drops only at the slow subscriber, the slow joiner's misses, durable mode, moment links.
import { runCli } from '../src/cli/run.ts';
import { expect, numberOf, open, test } from './fixtures.ts';

test('a slow subscriber drops at its high-water mark while the fast one drops nothing', async ({ page }) => {
  // A moment link: the page opens paused at t = 60, exactly where the CLI stops.
  await open(page, 's=pubsub&preset=slow-subscriber&t=60');
  const cli = JSON.parse(runCli(['s=pubsub&preset=slow-subscriber', '--until', '60']).stdout);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', '60');
  expect(await numberOf(page, 'stat-subscriber1-dropped')).toBe(0);
  expect(await numberOf(page, 'stat-subscriber2-dropped')).toBeGreaterThan(0);
  for (const i of [1, 2]) {
    const sub = cli.subscribers[i - 1];
    expect(await numberOf(page, `stat-subscriber${i}-matched`)).toBe(sub.matched);
    expect(await numberOf(page, `stat-subscriber${i}-consumed`)).toBe(sub.consumed);
    expect(await numberOf(page, `stat-subscriber${i}-dropped`)).toBe(sub.dropped.hwm);
    expect(await numberOf(page, `stat-subscriber${i}-waiting`)).toBe(sub.waiting);
  }
  expect(await numberOf(page, 'stat-published')).toBe(cli.publishedTotal);
  await expect(page.getByTestId('chart-drops')).toBeVisible();
  await expect(page.getByTestId('flow-view')).toBeVisible();
});

test('a late joiner misses what was published before it connected; durable mode keeps it', async ({
  page,
}) => {
  await open(page, 's=pubsub&preset=slow-joiner&t=30');
  expect(await numberOf(page, 'stat-subscriber1-missed')).toBe(0);
  expect(await numberOf(page, 'stat-subscriber2-missed')).toBeGreaterThan(0);
  await open(page, 's=pubsub&preset=durable&t=30');
  expect(await numberOf(page, 'stat-subscriber2-missed')).toBe(0);
});

test('the event log prints the article’s ZeroMQ lines', async ({ page }) => {
  await open(page, 's=pubsub&preset=zmq-article&speed=10');
  await page.getByTestId('play').click();
  const log = page.getByTestId('event-log');
  await expect(log).toContainText(/publisher1 pushes event 99/);
  await expect(log).toContainText(/message: b'publisher\d pushes event \d+'/);
});
