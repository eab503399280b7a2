/** The reader's own sites: what they may type, and the host permissions a site needs. */
import { NEWS_SITES } from '../sites/news-sites';
import { hostMatches } from '../sites/site-policy';

export type HostInput = { ok: true; host: string } | { ok: false; message: string };

/**
 * Accepts `example.com`, `www.example.com`, `https://example.com/path` and keeps the host,
 * lower-cased, without a leading `www.` (the permission pattern covers subdomains).
 */
export function parseHostInput(text: string, opts: { addedSites?: readonly string[] } = {}): HostInput {
  let s = text.trim().toLowerCase();
  if (!s) return { ok: false, message: 'Type a site such as example.com.' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      const u = new URL(s);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, message: 'Only http and https sites can be added.' };
      s = u.hostname;
    } catch {
      return { ok: false, message: `"${text.trim()}" is not a web address.` };
    }
  } else s = s.replace(/[/?#].*$/, '');
  s = s.replace(/^www\./, '').replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/.test(s))
    return { ok: false, message: `"${text.trim()}" is not a host name such as example.com.` };
  if (NEWS_SITES.some((site) => hostMatches(s, site))) return { ok: false, message: `${s} is already one of the built-in news sites.` };
  if (opts.addedSites?.some((site) => hostMatches(s, site))) return { ok: false, message: `${s} is already in your sites.` };
  return { ok: true, host: s };
}

/** Origins requested (and revoked) for an added site: both schemes, the host and its subdomains. */
export function hostOrigins(host: string): string[] {
  return [`https://*.${host}/*`, `http://*.${host}/*`];
}
