import { defineConfig } from '@playwright/test';

/**
 * User journeys against the real web host (real engine, real DuckDB) in Debian's Chromium.
 * Each test starts its own host on a fresh temporary workspace (see fixtures/studio.ts).
 */
export default defineConfig({
  testDir: './specs',
  testMatch: /.*\.e2e\.spec\.ts$/,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
