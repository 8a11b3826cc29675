import { defineConfig } from '@playwright/test';
import { QUIET_FLAGS, WEBGPU_FLAGS } from './chromiumFlags';

/** Journeys that train in the window's WebGPU worker: only they get a (software) WebGPU adapter. */
const WEBGPU_SPECS = /webgpu\w*\.e2e\.spec\.ts$/;

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
      args: ['--headless', '--disable-gpu', ...QUIET_FLAGS],
    },
  },
  projects: [
    { name: 'studio', testIgnore: WEBGPU_SPECS },
    {
      name: 'webgpu',
      testMatch: WEBGPU_SPECS,
      use: { launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', ...WEBGPU_FLAGS, ...QUIET_FLAGS] } },
    },
  ],
});
