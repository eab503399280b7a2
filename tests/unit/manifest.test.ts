/**
 * Permissions are the minimum the features need, and a new one is a deliberate change: this
 * pins the manifest that wxt.config.ts produces for release builds (Chrome and Firefox) and
 * checks that only test builds (BACKSTORY_LOOPBACK=1) may touch loopback hosts. When a build
 * is present in .output, its manifest.json is pinned too (the e2e suite also checks the built
 * test manifest and a real release build).
 *
 * Why each permission (see docs/PRIVACY.md):
 *  - storage: settings, hidden entities, remembered choices, the reader's own dataset;
 *  - scripting: inject the card UI script on demand, and register the content script on sites
 *    the reader adds (with their explicit, optional host permission);
 *  - activeTab: the popup acts on the tab the reader opened it on (a user gesture), and only then;
 *  - host_permissions: the built-in news sites only; everything else is optional and asked for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, ENTITY_KINDS } from '../../lib/settings/schema';
import { ARTICLE_CSS, ARTICLE_SCRIPT, LOOPBACK_MATCHES, NEWS_SITE_MATCHES } from '../../lib/sites/news-sites';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
};
type Config = {
  manifest: (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Manifest;
  hooks: {
    'build:manifestGenerated': (wxt: unknown, manifest: Manifest) => void;
    'build:publicAssets': (wxt: unknown, files: Array<{ relativeDest: string; contents?: string }>) => void;
  };
};

async function config(loopback: boolean): Promise<Config> {
  vi.resetModules();
  if (loopback) process.env.BACKSTORY_LOOPBACK = '1';
  else delete process.env.BACKSTORY_LOOPBACK;
  return ((await import('../../wxt.config')) as unknown as { default: Config }).default;
}

/** What WXT would write, for the parts wxt.config.ts decides (the article script's entry comes from its hook). */
async function manifestFor(browser: 'chrome' | 'firefox', loopback: boolean): Promise<Manifest> {
  const c = await config(loopback);
  const m = structuredClone(c.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }));
  c.hooks['build:manifestGenerated']({}, m);
  return m;
}

const PERMISSIONS = ['storage', 'scripting', 'activeTab'];
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;
const original = process.env.BACKSTORY_LOOPBACK;
afterEach(() => {
  if (original === undefined) delete process.env.BACKSTORY_LOOPBACK;
  else process.env.BACKSTORY_LOOPBACK = original;
});

describe('manifest permissions (from wxt.config.ts)', () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    it(`${browser} release: exactly storage + scripting + activeTab, built-in news hosts, optional http(s), no loopback`, async () => {
      const m = await manifestFor(browser, false);
      expect(m.permissions).toEqual(PERMISSIONS);
      expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
      expect(m.host_permissions).toEqual(NEWS_SITE_MATCHES);
      expect(m.host_permissions!.every((h) => h.startsWith('https://*.'))).toBe(true);
      expect(JSON.stringify(m)).not.toMatch(LOOPBACK);
      for (const cs of m.content_scripts ?? []) expect(cs.matches!.some((x) => LOOPBACK.test(x))).toBe(false);
      // Nothing that would widen what the extension can reach or expose.
      for (const key of ['externally_connectable', 'web_accessible_resources', 'optional_permissions', 'oauth2', 'key', 'update_url', 'sandbox'])
        expect(m, key).not.toHaveProperty(key);
      expect((m.content_security_policy as { extension_pages: string }).extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'");
    });
  }

  it('firefox declares that it collects no data; chrome requires a Highlight-capable version', async () => {
    const ff = await manifestFor('firefox', false);
    expect(ff.browser_specific_settings).toEqual({
      gecko: { id: 'backstory@backstory-extension.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    const cr = await manifestFor('chrome', false);
    expect(cr.minimum_chrome_version).toBe('105');
  });

  it('test builds (BACKSTORY_LOOPBACK=1) add only the loopback patterns, nothing else', async () => {
    const rel = await manifestFor('chrome', false);
    const test = await manifestFor('chrome', true);
    expect(test.permissions).toEqual(rel.permissions);
    expect(test.host_permissions).toEqual([...NEWS_SITE_MATCHES, ...LOOPBACK_MATCHES]);
    expect(test.content_scripts![0]!.matches).toEqual([...NEWS_SITE_MATCHES, ...LOOPBACK_MATCHES]);
  });

  it('declares exactly one content script: the article script, on the built-in news sites, at document_idle', async () => {
    const m = await manifestFor('chrome', false);
    expect(m.content_scripts).toEqual([{ matches: NEWS_SITE_MATCHES, js: [ARTICLE_SCRIPT], css: [ARTICLE_CSS], run_at: 'document_idle' }]);
  });

  it('generates the static stylesheet of the default mark look as a public asset', async () => {
    const c = await config(false);
    const files: Array<{ relativeDest: string; contents?: string }> = [];
    c.hooks['build:publicAssets']({}, files);
    expect(files.map((f) => f.relativeDest)).toEqual([ARTICLE_CSS]);
    const css = files[0]!.contents!;
    for (const kind of ENTITY_KINDS) expect(css).toContain(`::highlight(backstory-${kind}) { text-decoration: underline dotted ${DEFAULT_SETTINGS.colours[kind]};`);
    expect(css).not.toContain('!important');
  });
});

describe('built manifests in .output (when present)', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv3']) {
    const file = `.output/${dir}/manifest.json`;
    const missing = !existsSync(file);
    const stale = !missing && statSync(file).mtimeMs < statSync('wxt.config.ts').mtimeMs;
    const why = missing ? ' (skipped: not built — run npm run build / build:firefox)' : stale ? ' (skipped: built before the last wxt.config.ts change — rebuild)' : '';
    it.skipIf(missing || stale)(`${file}: permissions pinned${why}`, () => {
      const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      expect(m.permissions).toEqual(PERMISSIONS);
      expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
      const loopback = (m.host_permissions ?? []).some((h) => LOOPBACK.test(h));
      // A test build may add exactly the loopback patterns; a release build none.
      expect(m.host_permissions).toEqual(loopback ? [...NEWS_SITE_MATCHES, ...LOOPBACK_MATCHES] : NEWS_SITE_MATCHES);
    });
  }
});
