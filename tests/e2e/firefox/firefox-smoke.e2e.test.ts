/**
 * Firefox smoke test (scripts/firefox-smoke.ts) inside the e2e suite: the extension installs
 * in firefox-esr, marks the demo article with the Custom Highlight API and opens a card, with
 * no page errors. Skipped, with the reason, when Firefox or a Firefox test build is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firefoxSmoke } from '../../../scripts/firefox-smoke';

const FIREFOX = process.env.BACKSTORY_FIREFOX ?? '/usr/bin/firefox-esr';
const MANIFEST = '.output/firefox-mv3/manifest.json';
const testBuild = existsSync(MANIFEST) && readFileSync(MANIFEST, 'utf8').includes('127.0.0.1');
const skip = !existsSync(FIREFOX)
  ? `no Firefox at ${FIREFOX}`
  : !testBuild
    ? 'no Firefox test build: run `BACKSTORY_LOOPBACK=1 npx wxt build -b firefox`'
    : '';

describe('Firefox', () => {
  it.skipIf(!!skip)(`installs, marks the demo article and opens a card${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const r = await firefoxSmoke();
    console.info(`Firefox smoke: ${r.firefox}; ${Object.values(r.marks).flat().length} marks; card ${r.card}; ${r.notes.join(' ')}`);
    expect(r.installed).toBe('backstory@backstory-extension.org');
    expect(r.errors).toEqual([]);
    if (r.highlightApi) {
      expect(Object.values(r.marks).flat()).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida', 'South Korea', 'Japan']));
      expect(r.card).toBe(true);
    } else {
      expect(r.notes.join(' ')).toMatch(/unsupported/);
    }
    expect(r.ok).toBe(true);
  }, 120_000);
});
