import { browser } from 'wxt/browser';
import { z } from 'zod';
import { watchCustomDataset } from '@/lib/ext/custom-dataset';
import { cardBatch, invalidateOverlay } from '@/lib/ext/dataset';
import { MatchService } from '@/lib/ext/match-service';
import { loadChoices, loadHidden, loadSettings, saveSettings, setChoice, setHidden, settingsItem } from '@/lib/ext/settings';
import { syncAddedSiteScripts } from '@/lib/ext/registration';
import { TabSummaries } from '@/lib/ext/tab-summaries';
import { pageMessage, popupMessage, splitChunks, type PageConfig, type TabMessage } from '@/lib/protocol';
import { NEWS_SITES } from '@/lib/sites/news-sites';
import { siteOf, siteState } from '@/lib/sites/site-policy';

z.config({ jitless: true });

/** Service worker: per-tab summaries and badge, card data, settings-driven registration, commands. */
export default defineBackground(() => {
  const summaries = new TabSummaries();
  const matching = new MatchService();

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const page = pageMessage.safeParse(raw);
    if (page.success) {
      const msg = page.data;
      const tabId = sender.tab?.id;
      switch (msg.type) {
        case 'page:config':
          return pageConfig(msg.url);
        case 'page:summary':
          if (tabId !== undefined && sender.frameId === 0) return summaries.set(tabId, msg.summary);
          return Promise.resolve();
        case 'page:cards':
          return cardBatch(msg.ids);
        case 'page:match':
          if (tabId === undefined) return Promise.resolve({ mentions: [], refs: {} });
          {
            const chunks = splitChunks(msg.text, msg.lens);
            if (!chunks) return Promise.resolve({ mentions: [], refs: {} });
            return matching.match(`${tabId}:${sender.frameId ?? 0}:${msg.doc}`, chunks, msg.breaks);
          }
        case 'page:load-ui':
          if (tabId === undefined) return Promise.resolve(false);
          return browser.scripting
            .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/content-scripts/card.js'] })
            .then(() => true, () => false);
        case 'page:hide-entity':
          return loadHidden().then((h) => setHidden([...h, msg.id]));
        case 'page:choose':
          return sender.tab?.url ? setChoice(new URL(sender.tab.url).hostname, msg.text, msg.id) : Promise.resolve();
        case 'page:disable-site':
          return sender.tab?.url ? disableSite(sender.tab.url) : Promise.resolve();
        case 'page:open-popup':
          return browser.action.openPopup?.().catch(() => undefined) ?? Promise.resolve();
      }
    }
    const popup = popupMessage.safeParse(raw);
    if (popup.success) {
      const msg = popup.data;
      if (msg.type === 'popup:summary') return summaries.get(msg.tabId);
      if (msg.type === 'popup:cards') return cardBatch(msg.ids);
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void summaries.delete(tabId);
    matching.forgetTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) {
      void summaries.delete(tabId);
      matching.forgetTab(tabId);
    }
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs
      .sendMessage(tab.id, { type: 'tab:step', direction: command === 'next-mention' ? 'next' : 'previous' })
      .catch(() => undefined);
  });

  const resync = () => void syncAddedSiteScripts().catch((e) => console.warn('Backstory: could not register content scripts', e));
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded?.addListener((p) => void rememberGrantedSites(p.origins ?? []).then(resync));
  browser.permissions.onRemoved?.addListener(resync);
  settingsItem.watch(resync);
  // Article scripts do not watch storage themselves (it would cost every page load): they are
  // told here when what they mark, or how, may have changed.
  browser.storage.onChanged.addListener((changes, area) => {
    const relevant = (area === 'sync' && 'settings' in changes) || (area === 'local' && ('hidden' in changes || 'choices' in changes));
    if (relevant) void tellTabs({ type: 'tab:reconfigure' });
  });
  watchCustomDataset(() => invalidateOverlay());
  settings.watchBadge(summaries);
});

async function pageConfig(url: string): Promise<PageConfig> {
  const [{ settings }, hidden, choices] = await Promise.all([loadSettings(), loadHidden(), loadChoices()]);
  const site = siteState(url, { ...settings, loopbackIsNews: __BACKSTORY_LOOPBACK__ });
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* restricted */
  }
  return { site, enabled: settings.enabled, settings, hidden, choices: choices[host] ?? {} };
}

async function tellTabs(msg: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, msg).catch(() => undefined))));
}

/**
 * A host permission granted from the popup or options means "run on this site". Recording it
 * here too covers Firefox, which may close the popup while its permission prompt is open.
 */
async function rememberGrantedSites(origins: readonly string[]): Promise<void> {
  const hosts = origins.map((o) => /^https?:\/\/\*\.([^/*]+)\/\*$/.exec(o)?.[1]).filter((h): h is string => !!h);
  const added = hosts.filter((h) => !siteOf(h, NEWS_SITES));
  if (added.length === 0) return;
  const { settings } = await loadSettings();
  await saveSettings({
    addedSites: [...new Set([...settings.addedSites, ...added])],
    disabledSites: settings.disabledSites.filter((d) => !added.includes(d)),
  });
}

/** "Turn off on this site": the built-in or added site the page belongs to, else its host. */
async function disableSite(url: string): Promise<void> {
  const host = new URL(url).hostname.toLowerCase();
  const { settings } = await loadSettings();
  const site = siteOf(host, NEWS_SITES) ?? siteOf(host, settings.addedSites) ?? host.replace(/^www\./, '');
  if (!settings.disabledSites.includes(site)) await saveSettings({ disabledSites: [...settings.disabledSites, site] });
}

const settings = {
  /** Badge visibility follows the setting. */
  watchBadge(summaries: TabSummaries) {
    settingsItem.watch(async () => summaries.refreshBadges((await loadSettings()).settings.badge));
  },
};
