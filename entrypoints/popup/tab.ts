/**
 * What the popup can learn about one tab: its address, the site's state under the reader's
 * settings, and the page summary, from the background or, when it has none yet, from the
 * content script itself (which may not be there at all).
 */
import { browser } from 'wxt/browser';
import type { CardBatch } from '@/lib/ext/dataset';
import { sendToBackground, sendToTab } from '@/lib/ext/messaging';
import { matchesFor } from '@/lib/ext/registration';
import { pageSummary, type PageSummary } from '@/lib/protocol';
import type { Settings } from '@/lib/settings/schema';
import { hostOf } from '@/lib/popup/state';
import { siteOf, siteState, type SiteState } from '@/lib/sites/site-policy';

export interface TabFacts {
  url?: string;
  site?: SiteState;
  /** For added sites: whether their host permission is granted (undefined elsewhere). */
  granted?: boolean;
  summary: PageSummary | null;
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function parse(raw: unknown): PageSummary | null {
  const r = pageSummary.safeParse(raw);
  return r.success ? r.data : null;
}

export async function loadTab(tabId: number, settings: Settings): Promise<TabFacts> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url || (tab as { pendingUrl?: string } | undefined)?.pendingUrl || undefined;
  const facts: TabFacts = { summary: null };
  if (url) {
    facts.url = url;
    facts.site = siteState(url, { ...settings, loopbackIsNews: __BACKSTORY_LOOPBACK__ });
    if (facts.site === 'added') {
      const site = siteOf(hostOf(url), settings.addedSites) ?? hostOf(url);
      facts.granted = await browser.permissions.contains({ origins: matchesFor(site) }).catch(() => false);
      // The content script is registered only for granted hosts: without the grant it never runs.
      if (!facts.granted) facts.site = 'not-enabled';
    }
    if (facts.site === 'restricted') return facts;
  }
  const stored = parse(await sendToBackground<unknown>({ type: 'popup:summary', tabId }).catch(() => null));
  const fresh = stored && stored.state !== 'scanning' && (!url || stored.url === url);
  facts.summary = fresh ? stored : (parse(await sendToTab<unknown>(tabId, { type: 'tab:get-summary' }).catch(() => null)) ?? stored);
  return facts;
}

export function loadCards(ids: readonly string[]): Promise<CardBatch | null> {
  return sendToBackground<CardBatch | null>({ type: 'popup:cards', ids: [...ids] }).catch(() => null);
}
