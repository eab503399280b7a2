import { existsSync } from 'node:fs';
import { findChrome, INSTALL_HINT, EXTENSION_DIR } from '../../scripts/lib/browser';

export default function setup(): void {
  if (!findChrome()) throw new Error(`The end-to-end tests need a real Chromium.\n${INSTALL_HINT}`);
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) throw new Error('Run `npm run build:test` before the e2e tests.');
}
