// Layout: screenshots at projector and laptop sizes in both languages (kept as artifacts), and no sideways scroll on a phone.
import { expect, open, simTime, test } from './fixtures.ts';

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
];

for (const lang of ['en', 'zh'] as const) {
  for (const size of SIZES) {
    test(`screenshot ${size.name} ${size.width}×${size.height} ${lang}`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await open(page, `s=pc&preset=overload&lang=${lang}&speed=10`);
      await page.getByTestId('play').click();
      await expect.poll(() => simTime(page)).toBeGreaterThan(15);
      await page.getByTestId('play').click();
      await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
      const path = testInfo.outputPath(`${size.name}-${lang}.png`);
      await page.screenshot({ path, fullPage: size.name === 'laptop' });
      await testInfo.attach(`${size.name}-${lang}`, { path, contentType: 'image/png' });
      // Everything a teacher needs is on the page at this size.
      for (const id of ['play', 'flow-view', 'chart-queue-depth', 'event-log', 'share-link'])
        await expect(page.getByTestId(id)).toBeVisible();
    });
  }

  test(`phone 390 px ${lang}: no horizontal scrolling`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `s=pc&preset=overload&lang=${lang}&speed=10`);
    await page.getByTestId('play').click();
    await expect.poll(() => simTime(page)).toBeGreaterThan(5);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    const path = testInfo.outputPath(`phone-${lang}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`phone-${lang}`, { path, contentType: 'image/png' });
    expect(widths.scroll, `scrollWidth ${widths.scroll} > clientWidth ${widths.client}`).toBeLessThanOrEqual(widths.client);
  });
}
