/** Whether Backstory runs on a page, from its URL, the built-in list and the reader's choices. */
import { NEWS_SITES } from './news-sites';

export type SiteState = 'builtin' | 'added' | 'disabled' | 'not-enabled' | 'restricted';

/** Registrable-ish host match: `www.bbc.co.uk` belongs to `bbc.co.uk`. */
export function hostMatches(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

export function siteOf(host: string, sites: readonly string[]): string | undefined {
  return sites.find((s) => hostMatches(host, s));
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export function siteState(
  url: string,
  opts: { disabledSites: readonly string[]; addedSites: readonly string[]; loopbackIsNews?: boolean },
): SiteState {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'restricted';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'restricted';
  // Browsers forbid content scripts on their stores; say so instead of offering a switch.
  if (/^(chromewebstore\.google\.com|chrome\.google\.com|addons\.mozilla\.org)$/.test(u.hostname)) return 'restricted';
  const host = u.hostname.toLowerCase();
  if (siteOf(host, opts.disabledSites)) return 'disabled';
  if (siteOf(host, NEWS_SITES) || (opts.loopbackIsNews && isLoopback(host))) return 'builtin';
  if (siteOf(host, opts.addedSites)) return 'added';
  return 'not-enabled';
}
