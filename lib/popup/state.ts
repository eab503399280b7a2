/**
 * Which screen the popup shows, from what it could learn about the tab: the site's state under
 * the reader's settings, the page summary (from the background or the content script), and
 * whether the content script answered at all. Every outcome has a message: never a blank popup.
 */
import type { PageSummary } from '../protocol';
import type { SiteState } from '../sites/site-policy';

export type PopupState =
  /** Waiting for the page's scan (or for the content script to start). */
  | { kind: 'scanning' }
  /** Browser pages, the web stores, file views: extensions may not run there. */
  | { kind: 'restricted' }
  /** The master switch in options is off. */
  | { kind: 'switched-off' }
  /** The reader turned Backstory off for this site. */
  | { kind: 'disabled'; host: string }
  /** Not a built-in news site and not added: one button enables it. */
  | { kind: 'not-enabled'; host: string }
  /** Enabled, but no content script answers: the page was loaded before (reload it). */
  | { kind: 'no-script'; host: string }
  /** The tab's address is not available to the extension. */
  | { kind: 'unknown' }
  | { kind: 'not-article'; reason?: string; summary: PageSummary }
  | { kind: 'unsupported'; reason?: string }
  | { kind: 'nothing-found'; summary: PageSummary }
  | { kind: 'ok'; summary: PageSummary };

export interface PopupFacts {
  /** The tab's URL, when the extension may see it. */
  url?: string;
  /** siteState() of the URL (with added sites lacking their host permission counted as not enabled). */
  site?: SiteState;
  /** settings.enabled */
  enabled: boolean;
  summary: PageSummary | null;
  /** Still within the grace period in which a missing summary means "not there yet". */
  waiting: boolean;
}

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

export function popupState(f: PopupFacts): PopupState {
  const host = hostOf(f.url);
  if (f.site === 'restricted') return { kind: 'restricted' };
  if (f.url !== undefined && !host) return { kind: 'restricted' };
  if (!f.enabled) return { kind: 'switched-off' };
  if (f.site === 'disabled') return { kind: 'disabled', host };
  if (f.site === 'not-enabled') return { kind: 'not-enabled', host };
  const s = f.summary;
  if (s) {
    switch (s.state) {
      case 'ok':
        return s.entities.length ? { kind: 'ok', summary: s } : { kind: 'nothing-found', summary: s };
      case 'not-article':
        return { kind: 'not-article', ...(s.reason ? { reason: s.reason } : {}), summary: s };
      case 'unsupported':
        return { kind: 'unsupported', ...(s.reason ? { reason: s.reason } : {}) };
      case 'disabled':
        // The settings say enabled: the content script is catching up with a change.
        if (f.waiting) return { kind: 'scanning' };
        return host ? { kind: 'no-script', host } : { kind: 'unknown' };
      case 'scanning':
        return { kind: 'scanning' };
    }
  }
  if (f.waiting) return { kind: 'scanning' };
  if (!f.url) return { kind: 'unknown' };
  return { kind: 'no-script', host };
}
