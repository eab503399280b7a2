import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domBeforeAfter, highlightedTexts, snapshotOnLoad, startEnv, stopEnv, watchErrors, type Env } from './harness';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => stopEnv(env));

const allTexts = async (page: Page) => Object.values(await highlightedTexts(page)).flat();

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await snapshotOnLoad(page);
  await page.goto(env.page(name));
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });
  return { page, errors };
}

describe('in the page', () => {
  it('marks the right words on the demo article, first mention only, never in nav/aside/footer', async () => {
    const { page, errors } = await open('camp-david-2023.html');
    const marks = await highlightedTexts(page);
    const texts = Object.values(marks).flat();
    expect(marks['backstory-person']).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida']));
    expect(marks['backstory-country']).toEqual(expect.arrayContaining(['South Korea', 'Japan', 'North Korea']));
    expect(marks['backstory-treaty']).toEqual(expect.arrayContaining(['Camp David Principles', 'GSOMIA']));
    // First mention only (default): "Yoon" later in the text is counted, not marked again.
    expect(texts.filter((t) => t === 'Yoon')).toEqual([]);
    // The aside ("Most read": Xi Jinping, Vladimir Putin, NATO) and the footer (CONTACT US) stay unmarked.
    for (const t of ['Xi Jinping', 'Vladimir Putin', 'NATO', 'US']) expect(texts).not.toContain(t);
    // Marks are ranges inside the article element only.
    const outside = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => {
        if (!k.startsWith('backstory-')) return;
        for (const r of h as unknown as Iterable<Range>) if (!r.startContainer.parentElement?.closest('article')) n++;
      });
      return n;
    });
    expect(outside).toBe(0);
    const dom = await domBeforeAfter(page);
    expect(dom.after).toBe(dom.before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks text appended after load and drops marks of text that changed', async () => {
    const { page, errors } = await open('dynamic.html');
    await page.waitForFunction(
      () => [...((CSS.highlights.get('backstory-person') as unknown as Set<Range>) ?? [])].some((r) => r.toString() === 'Li Qiang'),
      null,
      { timeout: 10_000 },
    );
    expect(await allTexts(page)).toEqual(expect.arrayContaining(['Li Qiang', 'Fumio Kishida', 'South Korea']));
    // The late paragraph's text is replaced at 2.5 s: its marks must go.
    await page.waitForFunction(
      () => ![...((CSS.highlights.get('backstory-person') as unknown as Set<Range>) ?? [])].some((r) => r.toString() === 'Li Qiang'),
      null,
      { timeout: 10_000 },
    );
    const texts = await allTexts(page);
    expect(texts).not.toContain('Vladimir Putin');
    expect(texts).not.toContain('NATO');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resets on a single-page-app navigation', async () => {
    const { page, errors } = await open('spa.html');
    expect(await allTexts(page)).toEqual(expect.arrayContaining(['Donald Trump', 'Kim Jong Un']));
    await page.evaluate(() => (window as unknown as { goSecond: () => void }).goSecond());
    await page.waitForFunction(
      () => {
        const texts: string[] = [];
        CSS.highlights.forEach((h, k) => {
          if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) texts.push(r.toString());
        });
        return texts.includes('Quad') && !texts.includes('Donald Trump');
      },
      null,
      { timeout: 10_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves a hydrating Preact app working, with no console errors', async () => {
    const { page, errors } = await open('hydrate.html');
    await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Reader count: 5');
    await page.click('#bump');
    await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Reader count: 15');
    expect(await page.evaluate(() => (window as unknown as { __clicks?: number }).__clicks)).toBe(1);
    expect(await allTexts(page)).toEqual(expect.arrayContaining(['Joe Biden', 'Xi Jinping']));
    const dom = await domBeforeAfter(page);
    expect(dom.hosts).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exposes scan timings on the page performance timeline', async () => {
    const { page } = await open('camp-david-2023.html');
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    expect(measures).toBeGreaterThan(0);
    await page.close();
  });
});
