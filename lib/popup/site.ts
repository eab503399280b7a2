/** Turning Backstory on or off for one site: the settings patch, and whether a permission is needed. */
import type { Settings } from '../settings/schema';
import { NEWS_SITES } from '../sites/news-sites';
import { hostMatches, isLoopback, siteOf } from '../sites/site-policy';

type SiteLists = Pick<Settings, 'disabledSites' | 'addedSites'>;

/** The site entry a host belongs to: the built-in or added site, else the host without `www.`. */
export function siteKey(host: string, s: SiteLists): string {
  const h = host.toLowerCase();
  return siteOf(h, NEWS_SITES) ?? siteOf(h, s.addedSites) ?? h.replace(/^www\./, '');
}

/** Off: the site joins disabledSites (as the card's "turn off on this site" does). */
export function disablePatch(host: string, s: SiteLists): Pick<Settings, 'disabledSites'> {
  const site = siteKey(host, s);
  return { disabledSites: s.disabledSites.includes(site) ? [...s.disabledSites] : [...s.disabledSites, site] };
}

export interface EnablePlan {
  patch: Partial<SiteLists>;
  /** Not built in: the host permission for `site` must be granted first, then it joins addedSites. */
  permissionFor?: string;
}

/** On: every disabled entry covering the host goes; a site outside the built-in list is added. */
export function enablePlan(
  host: string,
  s: SiteLists,
  opts: { loopbackIsNews?: boolean; /** The added site's host permission is (still) granted. */ granted?: boolean } = {},
): EnablePlan {
  const h = host.toLowerCase();
  const disabledSites = s.disabledSites.filter((d) => !hostMatches(h, d));
  const patch: Partial<SiteLists> = {};
  if (disabledSites.length !== s.disabledSites.length) patch.disabledSites = disabledSites;
  const builtin = siteOf(h, NEWS_SITES) !== undefined || (opts.loopbackIsNews === true && isLoopback(h));
  if (builtin) return { patch };
  const added = siteOf(h, s.addedSites);
  if (added) return opts.granted === false ? { patch, permissionFor: added } : { patch };
  const site = h.replace(/^www\./, '');
  return { patch: { ...patch, addedSites: [...s.addedSites, site] }, permissionFor: site };
}

