/**
 * Rasterises scripts/assets/icon.svg into the PNG sizes the stores and browsers ask for
 * (public/icon/<size>.png, picked up by WXT). Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChrome, INSTALL_HINT } from './lib/browser';

const SIZES = [16, 32, 48, 96, 128];

const executablePath = findChrome();
if (!executablePath) throw new Error(INSTALL_HINT);
const svg = readFileSync('scripts/assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
