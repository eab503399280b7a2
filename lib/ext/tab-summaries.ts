/**
 * Per-tab page summaries kept by the service worker for the popup, persisted in
 * storage.session so that a restarted worker still has them, and mirrored on the badge.
 */
import { browser } from 'wxt/browser';
import type { PageSummary } from '../protocol';
import { loadSettings } from './settings';

const KEY = (tabId: number) => `tab:${tabId}`;

export class TabSummaries {
  private readonly memory = new Map<number, PageSummary>();

  async set(tabId: number, summary: PageSummary): Promise<void> {
    this.memory.set(tabId, summary);
    await browser.storage.session?.set({ [KEY(tabId)]: summary }).catch(() => undefined);
    const { settings } = await loadSettings();
    await this.badge(tabId, summary, settings.badge);
  }

  async get(tabId: number): Promise<PageSummary | null> {
    const m = this.memory.get(tabId);
    if (m) return m;
    const stored = await browser.storage.session?.get(KEY(tabId)).catch(() => undefined);
    return (stored?.[KEY(tabId)] as PageSummary | undefined) ?? null;
  }

  async delete(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    await browser.storage.session?.remove(KEY(tabId)).catch(() => undefined);
  }

  async refreshBadges(show: boolean): Promise<void> {
    for (const [tabId, s] of this.memory) await this.badge(tabId, s, show);
  }

  private async badge(tabId: number, s: PageSummary, show: boolean): Promise<void> {
    const text = show && s.state === 'ok' && s.entities.length > 0 ? String(Math.min(s.entities.length, 999)) : '';
    await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#15243a' }).catch(() => undefined);
  }
}
