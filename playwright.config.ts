// End-to-end tests: the built site served by `vite preview`, driven in headless Chromium.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/browser.ts';

/** A port of its own, so a preview someone left running on 4173 is never tested by mistake. */
const PORT = 4391;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // --bypass-lock: Vite 8 refuses a second preview of the same project (say, `npm start` in another terminal).
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --bypass-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
