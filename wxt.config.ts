import { defineConfig } from 'wxt';
import { highlightCss } from './lib/page/marks';
import { DEFAULT_LOOK } from './lib/settings/defaults';
import { ENTITY_KINDS } from './lib/settings/schema';
import { ARTICLE_CSS, ARTICLE_SCRIPT, NEWS_SITE_MATCHES, LOOPBACK_MATCHES } from './lib/sites/news-sites';

/**
 * `BACKSTORY_LOOPBACK=1` (set by `npm run build:test`) treats http://127.0.0.1 and
 * http://localhost as built-in news sites, for `npm start`, the e2e tests and benchmarks.
 * Release builds and zips never set it.
 */
const loopback = process.env.BACKSTORY_LOOPBACK === '1';

/** public article.css: the marks' default look (lib/page/marks.ts highlightCss). */
export function articleCss(): string {
  return `${highlightCss(ENTITY_KINDS, DEFAULT_LOOK)}\n`;
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  manifestVersion: 3,
  vite: () => ({
    define: { __BACKSTORY_LOOPBACK__: JSON.stringify(loopback) },
    // BACKSTORY_NO_MINIFY=1 keeps names readable in CPU profiles of the content script.
    build: { target: 'es2022', minify: process.env.BACKSTORY_NO_MINIFY !== '1' },
  }),
  hooks: {
    // The article script (entrypoints/article, an unlisted script) runs on the built-in news
    // sites. Declared here rather than in the entrypoint so that neither the site list nor WXT's
    // content-script runtime is bundled into a script every article loads.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: [...NEWS_SITE_MATCHES, ...(loopback ? LOOPBACK_MATCHES : [])],
          js: [ARTICLE_SCRIPT],
          css: [ARTICLE_CSS],
          run_at: 'document_idle',
        },
      ];
    },
    // The default look of the marks as a static stylesheet: nothing to build on page load.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: ARTICLE_CSS, contents: articleCss() });
    },
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Background on the people, countries, treaties and summits in the news you read. Works offline; nothing leaves your browser.',
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: [...NEWS_SITE_MATCHES, ...(loopback ? LOOPBACK_MATCHES : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next marked name in the article',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the card of the previous marked name in the article',
      },
    },
    action: { default_title: 'Backstory' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory-extension.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
