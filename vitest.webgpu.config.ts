/**
 * The model tests again, in Chromium on the WebGPU backend (issue 9, acceptance 4): the same test
 * files as the Node run, with `tensorBackend: 'webgpu'` provided to useTensorSuite. Debian's
 * Chromium exposes SwiftShader's Vulkan as a software WebGPU adapter, which counts for
 * correctness; on a machine with a GPU the flags are harmless. `npm run test:webgpu`.
 */
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { QUIET_FLAGS, WEBGPU_FLAGS } from './e2e/chromiumFlags';

const CHROMIUM_ARGS = [...WEBGPU_FLAGS, ...QUIET_FLAGS];

export default defineConfig({
  test: {
    // Beam search's property tests are left out: fast-check's hundreds of decodes take minutes on
    // a software adapter, and they exercise the same forward pass as the LM tests here.
    include: [
      'core/models/sasrec/*.test.ts',
      'core/models/lm/*.test.ts',
      'core/models/lora/*.test.ts',
      'core/models/lm/scoring/*.test.ts',
      'core/train/lm/{adamw,clip,loss,step,trainForward,runLmTrainJob}.test.ts',
      'core/train/{runTrainJob,resume}.test.ts',
      'core/tensor/*.browser.test.ts',
    ],
    provide: { tensorBackend: 'webgpu' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS } }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
