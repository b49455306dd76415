// Screenshots of the built page for people to look at: `npx tsx scripts/shots.ts <out-dir> [query…]`.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts';

const out = process.argv[2] ?? 'test-results/shots';
const queries = process.argv.slice(3);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const sizes = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const q of queries.length ? queries : ['s=pc&preset=overload&lang=en', 's=pc&preset=overload&lang=zh']) {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}?${q}`);
    await page.getByTestId('play').click();
    await page.waitForTimeout(Number(process.env.RUN_MS ?? 4000));
    const name = `${out}/${q.replace(/[^a-z0-9=]+/gi, '_')}-${size.name}.png`;
    await page.screenshot({ path: name, fullPage: size.name !== 'projector' });
    console.log(name, errors.length ? `errors: ${errors.join(' | ')}` : '');
    await page.close();
  }
}
await browser.close();
