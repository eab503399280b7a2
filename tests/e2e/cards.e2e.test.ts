import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPoint, openCard, tabIdOf, waitForMarks } from '../../scripts/lib/demo';
import { startEnv, stopEnv, watchErrors, type Env } from './harness';

const ARTICLE = 'camp-david-2023.html';
const card = (page: Page) => page.locator('backstory-ui [role="dialog"]');

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => stopEnv(env));

let opened = 0;

/** The demo article in a new tab, with a unique URL so the service worker finds this very tab. */
async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.page(ARTICLE)}?tab=${++opened}`);
  await waitForMarks(page);
  return { page, errors };
}

/** Moves the pointer well away from any mark (the page's left margin). */
async function leave(page: Page) {
  await page.mouse.move(5, 450, { steps: 3 });
}

/** Sends the keyboard command's message to the page, as the background does for Alt+Shift+N. */
async function stepCommand(page: Page, direction: 'next' | 'previous' = 'next') {
  const tabId = await tabIdOf(env.browser.context, page.url());
  expect(tabId).not.toBeNull();
  const [worker] = env.browser.context.serviceWorkers();
  await worker!.evaluate(
    ([id, dir]) => (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(id, { type: 'tab:step', direction: dir }),
    [tabId!, direction] as const,
  );
}

describe('cards', () => {
  it('hover opens the card after the dwell, with the time-aware line; moving into the card keeps it; Escape closes', async () => {
    const { page, errors } = await open();
    const p = await markPoint(page, 'person', 'Yoon Suk Yeol');
    expect(p).not.toBeNull();
    await leave(page);
    await page.waitForTimeout(400);
    const contact = Date.now();
    for (let i = 0; i < 4; i++) {
      await page.mouse.move(p!.x - 2 + i, p!.y);
      await page.waitForTimeout(30);
    }
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    // Not on contact: the dwell (300 ms by default) comes first.
    expect(Date.now() - contact).toBeGreaterThanOrEqual(280);
    const text = await card(page).innerText();
    expect(text).toContain('Yoon Suk Yeol');
    expect(text).toContain('President of South Korea at the time of this article (since May 2022)');
    expect(text).toContain('Camp David Summit (2023)');
    expect(await card(page).getAttribute('aria-modal')).toBe('false');

    // Placement: entirely below or above the hovered line.
    const box = (await card(page).boundingBox())!;
    expect(box.y >= p!.y + 5 || box.y + box.height <= p!.y - 5).toBe(true);

    // Into the card: it stays beyond the hide delay.
    await page.mouse.move(box.x + 30, box.y + 30, { steps: 6 });
    await page.waitForTimeout(900);
    expect(await card(page).isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden', timeout: 2_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the card hides after the pointer leaves unless pinned', async () => {
    const { page, errors } = await open();
    expect(await openCard(page, 'person', 'Fumio Kishida')).toBe(true);
    await leave(page);
    await card(page).waitFor({ state: 'hidden', timeout: 3_000 });

    expect(await openCard(page, 'person', 'Fumio Kishida')).toBe(true);
    const box = (await card(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 5 });
    await card(page).locator('[data-action="pin"]').click();
    expect(await card(page).locator('[data-action="pin"]').getAttribute('aria-pressed')).toBe('true');
    await leave(page);
    await page.waitForTimeout(1_000);
    expect(await card(page).isVisible()).toBe(true);
    await page.mouse.click(5, 450);
    await page.waitForTimeout(300);
    expect(await card(page).isVisible()).toBe(true);
    await card(page).locator('[data-action="close"]').click();
    await card(page).waitFor({ state: 'hidden', timeout: 2_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keyboard command opens a focused, labelled dialog; Tab stays inside; Escape closes it (inert, aria-hidden)', async () => {
    const { page, errors } = await open();
    await stepCommand(page);
    await card(page).waitFor({ state: 'visible', timeout: 5_000 });
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('backstory-ui');
        const a = host?.shadowRoot?.activeElement;
        return a ? (a.getAttribute('data-action') ?? a.tagName.toLowerCase()) : null;
      });
    expect(await focused()).toBe('pin');
    const labelled = await page.evaluate(() => {
      const root = document.querySelector('backstory-ui')!.shadowRoot!;
      const d = root.querySelector('[role="dialog"]')!;
      return root.getElementById(d.getAttribute('aria-labelledby')!)?.textContent ?? null;
    });
    expect(labelled).toBeTruthy();
    // Tab through every control: focus never leaves the card.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focused()).not.toBeNull();
    }
    await page.keyboard.press('Escape');
    await card(page).waitFor({ state: 'hidden', timeout: 2_000 });
    expect(await card(page).getAttribute('aria-hidden')).toBe('true');
    expect(await card(page).evaluate((el) => el.hasAttribute('inert'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"hide this entity" removes its marks and persists across reload', async () => {
    const { page, errors } = await open();
    const count = () =>
      page.evaluate(() => {
        let n = 0;
        CSS.highlights.forEach((h, k) => {
          if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) if (r.toString() === 'GSOMIA') n++;
        });
        return n;
      });
    expect(await count()).toBeGreaterThan(0);
    expect(await openCard(page, 'treaty', 'GSOMIA')).toBe(true);
    const text = await card(page).innerText();
    expect(text).toContain('At the time of this article · 19 Aug 2023');
    const box = (await card(page).boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 5 });
    await card(page).locator('[data-action="hide-entity"]').click();
    await card(page).waitFor({ state: 'hidden', timeout: 2_000 });
    await page.waitForFunction(
      () => {
        let n = 0;
        CSS.highlights.forEach((h, k) => {
          if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) if (r.toString() === 'GSOMIA') n++;
        });
        return n === 0;
      },
      null,
      { timeout: 3_000 },
    );
    await page.reload();
    await waitForMarks(page);
    await page.waitForTimeout(300);
    expect(await count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('card screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} scheme`, async () => {
      const page = await env.browser.context.newPage();
      const errors = watchErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(env.page(ARTICLE));
      await waitForMarks(page);
      expect(await openCard(page, 'person', 'Yoon Suk Yeol')).toBe(true);
      const bg = await card(page).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(31, 35, 41)' : 'rgb(255, 255, 255)');
      const box = (await card(page).boundingBox())!;
      await page.mouse.move(box.x + 40, box.y + 40, { steps: 5 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `docs/card-${scheme}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
