/**
 * The popup as a page (popup.html?tabId=N) for the fixture article: groups, counts, the
 * connections among the article's entities, jump-to-mention, keyboard movement, and the site
 * switch persisting across reloads. Also saves docs/popup.png for the README.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf, waitForMarks } from '../../scripts/lib/demo';
import { startEnv, stopEnv, watchErrors, type Env } from './harness';

const ARTICLE = 'camp-david-2023.html';

let env: Env;
let article: Page;
let tabId: number;

beforeAll(async () => {
  env = await startEnv();
  article = await env.browser.context.newPage();
  await article.goto(env.page(ARTICLE));
  await waitForMarks(article);
  const id = await tabIdOf(env.browser.context, env.page(ARTICLE));
  if (id === null) throw new Error('no tab id for the fixture article');
  tabId = id;
});
afterAll(() => stopEnv(env));

async function openPopup(viewport?: { width: number; height: number }): Promise<{ popup: Page; errors: string[] }> {
  const popup = await env.browser.context.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  const errors = watchErrors(popup);
  await popup.goto(env.ext(`popup.html?tabId=${tabId}`));
  return { popup, errors };
}

async function waitForState(popup: Page, state: string): Promise<void> {
  await popup.locator(`.popup[data-state="${state}"]`).waitFor({ timeout: 15_000 });
}

const row = (popup: Page, id: string) => popup.locator(`button[data-entity="${id}"]`);

describe('popup for the Camp David article', () => {
  it('shows the title, the date, and every entity grouped by kind with counts and context', async () => {
    const { popup, errors } = await openPopup();
    await waitForState(popup, 'ok');
    await expect.poll(() => popup.locator('.ctx').count()).toBeGreaterThan(0);
    expect(await popup.locator('h1.title').innerText()).toContain('At Camp David, three leaders');
    expect(await popup.locator('.date').innerText()).toContain('Published 19 Aug 2023');

    const headings = (await popup.locator('.entities h2').allTextContents()).map((h) => h.replace(/\s*\(\d+\)$/, ''));
    // Fixed kind order; a kind with nothing on the page has no heading (the article names no organisation).
    expect(headings).toEqual(['People', 'Countries', 'Treaties', 'Summits', 'Places']);
    const people = await popup.locator('.kind-person .name').allInnerTexts();
    expect(people.slice(0, 3)).toEqual(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida']);

    const yoon = await row(popup, 'yoon-suk-yeol').innerText();
    expect(yoon).toMatch(/×\d+/);
    expect(yoon).toContain('President of South Korea (since May 2022)');
    expect(await row(popup, 'united-states').innerText()).toContain('Led by Joe Biden');
    expect(Number(/×(\d+)/.exec(yoon)?.[1])).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('lists the Camp David summit among the connections of the United States, South Korea and Japan', async () => {
    const { popup } = await openPopup();
    await waitForState(popup, 'ok');
    const group = popup.locator('.connection').filter({ hasText: 'Camp David Summit (Aug 2023)' }).first();
    await group.waitFor({ timeout: 10_000 });
    const who = await group.locator('.who').innerText();
    for (const name of ['United States', 'South Korea', 'Japan']) expect(who).toContain(name);
    const text = await group.innerText();
    expect(text).toContain('G7 Summit (Hiroshima, May 2023)');
    // The timeline runs past the article date: later meetings are marked as such.
    expect(text).toMatch(/later[\s\S]*San Francisco, Nov 2023/);
    // The defence treaty is shared by two of them only: a line of its own.
    const mdt = popup.locator('.connection').filter({ hasText: 'Mutual Defense Treaty' });
    if ((await mdt.count()) === 0) await popup.getByRole('button', { name: /Show all \d+ connections/ }).click();
    expect(await popup.locator('.connection').filter({ hasText: 'Mutual Defense Treaty' }).locator('.who').innerText()).toBe('United States · South Korea');
    await popup.close();
  });

  it('moves through the list with the arrow keys', async () => {
    const { popup } = await openPopup();
    await waitForState(popup, 'ok');
    const first = popup.locator('button[data-entity]').first();
    await first.focus();
    const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entity ?? null);
    expect(await focused()).toBe('joe-biden');
    await popup.keyboard.press('ArrowDown');
    expect(await focused()).toBe('yoon-suk-yeol');
    await popup.keyboard.press('ArrowUp');
    expect(await focused()).toBe('joe-biden');
    await popup.keyboard.press('End');
    const last = await popup.locator('button[data-entity]').last().getAttribute('data-entity');
    expect(await focused()).toBe(last);
    // One tab stop for the whole list.
    expect(await popup.locator('button[data-entity][tabindex="0"]').count()).toBe(1);
    await popup.close();
  });

  it('clicking an entity scrolls the article to its first mention and opens its card', async () => {
    await article.evaluate(() => window.scrollTo(0, 0));
    const { popup } = await openPopup();
    await waitForState(popup, 'ok');
    await row(popup, 'kim-jong-un').click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(0);
    const mentionVisible = await article.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((el) => el.textContent?.includes('Kim Jong Un'));
      const r = p?.getBoundingClientRect();
      return !!r && r.bottom > 0 && r.top < window.innerHeight;
    });
    expect(mentionVisible).toBe(true);
    const card = article.locator('backstory-ui [role="dialog"], backstory-ui .bs-card').first();
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.innerText()).toContain('Kim Jong Un');
    await article.keyboard.press('Escape');
    await popup.close();
  });

  it('saves a screenshot for the README', async () => {
    // The larger view: entities and their connections side by side.
    const { popup } = await openPopup({ width: 1000, height: 860 });
    await waitForState(popup, 'ok');
    await expect.poll(() => popup.locator('.ctx').count()).toBeGreaterThan(0);
    await popup.evaluate(() => document.fonts.ready);
    await popup.screenshot({ path: 'docs/popup.png' });
    await popup.close();
  });

  it('reflows at 200% zoom and follows the dark colour scheme', async () => {
    // A 420 px popup at 200% zoom lays out like a 210 px one.
    const { popup } = await openPopup({ width: 210, height: 600 });
    await waitForState(popup, 'ok');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const bg = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).not.toBe(light);
    await popup.close();
  });

  it('turning the site off persists across reloads, and turning it on again brings the marks back', async () => {
    const { popup, errors } = await openPopup();
    await waitForState(popup, 'ok');
    const toggle = popup.getByRole('switch', { name: 'On for 127.0.0.1' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await waitForState(popup, 'disabled');
    // The page drops its marks as soon as the setting changes.
    await expect.poll(() => article.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), { timeout: 10_000 }).toBe(0);

    await popup.reload();
    await waitForState(popup, 'disabled');
    await article.reload();
    await article.waitForTimeout(1500);
    expect(await article.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBe(0);

    await popup.getByRole('button', { name: 'Turn on for 127.0.0.1' }).click();
    await waitForMarks(article);
    await waitForState(popup, 'ok');
    await popup.reload();
    await waitForState(popup, 'ok');
    expect(await popup.getByRole('switch', { name: 'On for 127.0.0.1' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await popup.close();
  });
});
