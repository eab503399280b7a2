/**
 * The built manifests, pinned: the test build the e2e suite runs (BACKSTORY_LOOPBACK=1) and a
 * real release build (no BACKSTORY_LOOPBACK), made here with WXT's JS API into a temporary
 * directory so it never replaces .output/. A new permission or host is a deliberate change to
 * this file and to docs/PRIVACY.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/lib/browser';
import { LOOPBACK_MATCHES, NEWS_SITE_MATCHES } from '../../lib/sites/news-sites';

type Manifest = { permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[]; content_scripts?: { matches: string[] }[] } & Record<string, unknown>;
const PERMISSIONS = ['storage', 'scripting', 'activeTab'];
const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

function common(m: Manifest): void {
  expect(m.permissions).toEqual(PERMISSIONS);
  expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  for (const key of ['externally_connectable', 'web_accessible_resources', 'optional_permissions', 'update_url']) expect(m, key).not.toHaveProperty(key);
  // The card script is injected on demand, not declared: one declared content script.
  expect(m.content_scripts?.length).toBe(1);
}

describe('built manifests', () => {
  it('test build: pinned permissions; loopback added to hosts and content-script matches only', () => {
    const m = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
    common(m);
    expect(m.host_permissions).toEqual([...NEWS_SITE_MATCHES, ...LOOPBACK_MATCHES]);
    expect([...m.content_scripts![0]!.matches].sort()).toEqual([...NEWS_SITE_MATCHES, ...LOOPBACK_MATCHES].sort());
  });

  it('release build (no BACKSTORY_LOOPBACK): pinned permissions, no loopback anywhere', () => {
    const out = mkdtempSync(join(tmpdir(), 'backstory-release-'));
    const env = { ...process.env };
    delete env.BACKSTORY_LOOPBACK;
    execFileSync(
      process.execPath,
      ['--import', 'tsx', '-e', `import('wxt').then(({ build }) => build({ outDir: ${JSON.stringify(out)}, filterEntrypoints: ['background', 'content', 'card'], logger: { debug() {}, log() {}, info() {}, warn() {}, error: console.error, fatal: console.error, success() {}, level: 0 } }))`],
      { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 280_000 },
    );
    const m = JSON.parse(readFileSync(join(out, 'chrome-mv3', 'manifest.json'), 'utf8')) as Manifest;
    common(m);
    expect(m.host_permissions).toEqual(NEWS_SITE_MATCHES);
    expect(JSON.stringify(m)).not.toMatch(LOOPBACK);
  }, 300_000);
});
