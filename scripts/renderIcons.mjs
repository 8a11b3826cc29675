// Renders assets/icons/icon.svg (the source) to assets/icons/icon.png, 1024 × 1024 with a
// transparent background, in the same Debian Chromium the e2e tests use. electron-builder makes
// every platform's icon set (.icns, .ico, Linux sizes) from that PNG; the window and the web page
// use the SVG. Run after editing the SVG: `node scripts/renderIcons.mjs`.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const dir = new URL('../assets/icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.locator('svg').screenshot({ path: new URL('icon.png', dir).pathname, omitBackground: true });
} finally {
  await browser.close();
}
console.log('rendered assets/icons/icon.png');
