// Shared end-to-end fixtures: a `test` that fails on any console error or page error, and helpers to read the page.
import { test as base, expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught page errors of a page into `into`. */
export function watchErrors(page: Page, into: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    into.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
}

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      watchErrors(page, errors);
      await use(errors);
      expect(errors, 'console errors, page errors or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The raw `data-value` of a test id, as a number. */
export async function numberOf(page: Page, testId: string): Promise<number> {
  const raw = await page.getByTestId(testId).getAttribute('data-value');
  if (raw === null) throw new Error(`${testId} has no data-value`);
  return Number(raw);
}

/** The simulated time shown, in seconds. */
export function simTime(page: Page): Promise<number> {
  return numberOf(page, 'sim-time');
}

/** Opens a scenario URL (a query string without `?`) and waits for the first snapshot. */
export async function open(page: Page, query: string): Promise<void> {
  await page.goto(`./?${query}`);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-value', /\d/);
  await expect(page.getByTestId('stat-produced').or(page.getByTestId('stat-published')).or(page.getByTestId('stat-requests')).first()).toBeVisible();
}

/** The values of every `param-*` control (text, select), keyed by test id. */
export function controlValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const els = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-testid^="param-"]'),
    );
    for (const el of els) {
      const id = el.dataset.testid ?? '';
      out[id] = el instanceof HTMLInputElement && el.type === 'checkbox' ? String(el.checked) : el.value;
    }
    return out;
  });
}

/** Query parameters of the page's current address. */
export async function searchParams(page: Page): Promise<URLSearchParams> {
  return new URLSearchParams(await page.evaluate(() => window.location.search));
}
