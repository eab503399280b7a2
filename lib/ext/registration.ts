/**
 * Sites the reader enabled beyond the built-in list get the content script through
 * runtime registration, limited to hosts whose permission the reader actually granted.
 */
import { browser } from 'wxt/browser';
import { ARTICLE_CSS, ARTICLE_SCRIPT } from '../sites/news-sites';
import { loadSettings } from './settings';

const ID = 'backstory-added-sites';

export function matchesFor(host: string): string[] {
  return [`https://*.${host}/*`, `http://*.${host}/*`];
}

export async function syncAddedSiteScripts(): Promise<string[]> {
  const { settings } = await loadSettings();
  const granted: string[] = [];
  for (const host of settings.addedSites) {
    if (settings.disabledSites.includes(host)) continue;
    if (await browser.permissions.contains({ origins: matchesFor(host) }).catch(() => false)) granted.push(host);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] }).catch(() => []);
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      { id: ID, matches: granted.flatMap(matchesFor), js: [ARTICLE_SCRIPT], css: [ARTICLE_CSS], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}
