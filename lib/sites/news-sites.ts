/**
 * Built-in news sites. They are declared as host permissions and the content script runs on
 * them by default; any other site needs the reader's explicit permission (popup or options).
 * A pattern `https://*.host/*` also matches the bare host.
 */
export const NEWS_SITES: readonly string[] = ['apnews.com', 'reuters.com', 'bbc.com', 'bbc.co.uk'];

export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.map((host) => `https://*.${host}/*`);

/** Test builds (`npm run build:test`) also treat loopback pages as news sites. */
export const LOOPBACK_MATCHES: string[] = ['http://127.0.0.1/*', 'http://localhost/*'];
