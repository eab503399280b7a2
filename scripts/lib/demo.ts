/** Demo steps shared by `npm start` (headless screenshots) and the README screenshots. */
import type { BrowserContext, Page } from 'playwright-core';

/** Waits until the content script has registered its highlights; returns the mark count. */
export async function waitForMarks(page: Page, timeout = 15_000): Promise<number> {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout });
  return page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h, k) => {
      if (k.startsWith('backstory-')) n += h.size;
    });
    return n;
  });
}

/** Centre of the first highlighted range of a kind whose text matches (page coordinates → viewport). */
export async function markPoint(page: Page, kind: string, text?: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([k, t]) => {
      const h = CSS.highlights.get(`backstory-${k}`);
      if (!h) return null;
      for (const r of h as unknown as Iterable<Range>) {
        if (t && r.toString() !== t) continue;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [kind, text ?? ''] as const,
  );
}

/**
 * Hovers a mark like a reader does — a slow final approach, since a pointer travelling at
 * ≥ 0.5 px/ms never opens a card — and waits for the card. False when none appeared.
 */
export async function openCard(page: Page, kind: string, text?: string): Promise<boolean> {
  const p = await markPoint(page, kind, text);
  if (!p) return false;
  await page.mouse.move(p.x - 40, p.y + 40);
  for (let i = 0; i < 5; i++) {
    await page.mouse.move(p.x - 4 + i, p.y);
    await page.waitForTimeout(40);
  }
  return page
    .locator('backstory-ui [role="dialog"]:not([hidden])')
    .first()
    .waitFor({ state: 'visible', timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
}

/** The tab id of the page whose URL starts with `url`, asked of the service worker. */
export async function tabIdOf(context: BrowserContext, url: string): Promise<number | null> {
  const [worker] = context.serviceWorkers();
  if (!worker) return null;
  return worker.evaluate(async (u) => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(u))?.id ?? null;
  }, url);
}
