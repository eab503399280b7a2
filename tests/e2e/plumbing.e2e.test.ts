import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domBeforeAfter, highlightSizes, snapshotOnLoad, startEnv, stopEnv, watchErrors, type Env } from './harness';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => stopEnv(env));

describe('plumbing', () => {
  it('starts the service worker', () => {
    expect(env.browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('marks mentions on the demo article without changing its DOM', async () => {
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await snapshotOnLoad(page);
    await page.goto(env.page('camp-david-2023.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 10_000 });
    const sizes = await highlightSizes(page);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const dom = await domBeforeAfter(page);
    expect(dom.hosts).toBeLessThanOrEqual(1);
    expect(dom.after).toBe(dom.before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the popup and options pages without console errors', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await env.browser.context.newPage();
      const errors = watchErrors(page);
      await page.goto(env.ext(path));
      await page.waitForSelector('#app > *');
      expect(await page.locator('#app').innerText()).not.toBe('');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
