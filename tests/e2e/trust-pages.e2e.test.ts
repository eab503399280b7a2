/**
 * "Pages are never broken": on static, hydrating/re-rendering, infinite-scroll, iframe,
 * shadow-DOM and contenteditable pages, the page's DOM ends up exactly as it does in a browser
 * without the extension (apart from our one <backstory-ui> host), the page's scripts log no
 * errors, and the page's own event handlers still fire.
 *
 * "Exactly as without the extension": each page is driven through the same steps in a second,
 * plain Chromium (no extension) and the final DOMs are compared.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, findChrome, launchWithExtension, type Launched } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

let server: StaticServer;
let ext: Launched;
let plain: Browser;

async function snapshotBuild(): Promise<string> {
  for (let i = 0; i < 120 && !existsSync(join(EXTENSION_DIR, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 1000));
  const dir = join(mkdtempSync(join(tmpdir(), 'backstory-trust-')), 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  server = await serveStatic(['tests/fixtures/pages', 'node_modules/preact/dist', 'node_modules/preact/hooks/dist']);
  ext = await launchWithExtension({ extensionDir: await snapshotBuild() });
  plain = await chromium.launch({ executablePath: findChrome()!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
});

interface Run {
  page: Page;
  errors: string[];
}

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  return errors;
}

const hasMarks = (page: Page) =>
  page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });

const markTexts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, k) => {
      if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) out.push(r.toString());
    });
    return out;
  });

/** The page's DOM (light DOM + open shadow roots, serialised) without our host. */
const dom = (page: Page) =>
  page.evaluate(() => {
    const ser = (n: Node): string => {
      if (n.nodeType === 3) return (n as Text).data;
      if (n.nodeType === 8) return `<!--${(n as Comment).data}-->`;
      if (n.nodeType !== 1) return '';
      const el = n as Element;
      if (el.tagName === 'BACKSTORY-UI') return '';
      const attrs = [...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
      const shadow = el.shadowRoot ? `#shadow(${[...el.shadowRoot.childNodes].map(ser).join('')})` : '';
      return `<${el.localName}${attrs}>${shadow}${[...el.childNodes].map(ser).join('')}</${el.localName}>`;
    };
    return { html: ser(document.documentElement), hosts: document.querySelectorAll('backstory-ui').length };
  });

/** Same steps with and without the extension; returns both runs. */
async function both(name: string, steps: (r: Run, withExt: boolean) => Promise<void>): Promise<{ a: Run; b: Run }> {
  const a = { page: await ext.context.newPage(), errors: [] as string[] };
  a.errors = watch(a.page);
  const ctx = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  const b = { page: await ctx.newPage(), errors: [] as string[] };
  b.errors = watch(b.page);
  await a.page.goto(`${server.url}/${name}`);
  await b.page.goto(`${server.url}/${name}`);
  await hasMarks(a.page);
  await steps(a, true);
  await steps(b, false);
  return { a, b };
}

async function sameDom(a: Run, b: Run): Promise<void> {
  const [da, db] = await Promise.all([dom(a.page), dom(b.page)]);
  expect(da.hosts).toBeLessThanOrEqual(1);
  expect(db.hosts).toBe(0);
  expect(da.html).toBe(db.html);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]); // the fixture itself is clean, so any error above is ours
}

async function openCard(page: Page, text: string): Promise<boolean> {
  const box = await page.evaluate((t) => {
    for (const [k, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
      if (!k.startsWith('backstory-')) continue;
      for (const r of h) {
        const b = r.getClientRects()[0];
        if (r.toString() === t && b) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return null;
  }, text);
  if (!box) return false;
  await page.mouse.move(box.x - 40, box.y + 60);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(80);
    await page.mouse.move(box.x + (i % 2), box.y);
  }
  return page
    .waitForFunction(() => !!document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.bs-card'), null, { timeout: 5000 })
    .then(() => true, () => false);
}

const fired = (page: Page) => page.evaluate(() => (window as unknown as { __fired: string[] }).__fired);

describe('pages never broken', () => {
  // WXT's content-script context would announce each script start with window.postMessage(…, '*'),
  // which the page's own 'message' listeners receive; both our scripts opt out
  // (`noScriptStartedPostMessage: true`) and this test keeps it that way.
  it("posts nothing to the page's window 'message' listeners, even when a card opens", async () => {
    const page = await ext.context.newPage();
    const errors = watch(page);
    await page.addInitScript(() => {
      const got: unknown[] = [];
      (window as unknown as { __allMessages: unknown[] }).__allMessages = got;
      addEventListener('message', (e) => got.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
    });
    await page.goto(`${server.url}/trust-static.html`);
    await hasMarks(page);
    expect(await openCard(page, 'Joe Biden')).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __allMessages: unknown[] }).__allMessages)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('static article: DOM unchanged, handlers fire (click, link, hover, pointer, keys, form, selection), card opens', async () => {
    const { a, b } = await both('trust-static.html', async ({ page }, withExt) => {
      if (withExt) {
        expect(await openCard(page, 'Yoon Suk Yeol')).toBe(true);
        // Leave the card (it sits over the text, as it should) and let it close before using the page.
        await page.mouse.move(5, 880);
        await page.waitForFunction(() => !document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.bs-card'), null, { timeout: 5000 }).catch(() => undefined);
        await page.keyboard.press('Escape');
      }
      await page.hover('#hover-target');
      await page.mouse.move(10, 10);
      await page.click('#like');
      await page.click('#link');
      await page.keyboard.press('k');
      await page.fill('#comment-input', 'Kishida was right');
      await page.click('#comment button[type=submit]');
      await page.evaluate(() => {
        const t = document.getElementById('p1')!.firstChild!;
        getSelection()!.setBaseAndExtent(t, 0, t, (t as Text).data.length);
      });
      await page.waitForTimeout(200);
      await page.evaluate(() => getSelection()!.removeAllRanges());
    });
    expect(await markTexts(a.page)).toEqual(expect.arrayContaining(['Yoon Suk Yeol', 'Fumio Kishida', 'Joe Biden']));
    const want = ['mouseover', 'like-click', 'link-click', 'keydown-k', 'submit:Kishida was right', 'selection'];
    expect(await fired(a.page)).toEqual(expect.arrayContaining(want));
    expect((await fired(a.page)).filter((x) => x !== 'pointermove').sort()).toEqual((await fired(b.page)).filter((x) => x !== 'pointermove').sort());
    await sameDom(a, b);
  });

  it('hydrating Preact app that keeps re-rendering (inserts, in-place text edits, removals): no errors, same DOM, marks follow', async () => {
    const { a, b } = await both('trust-app.html', async ({ page }) => {
      await page.waitForFunction(() => (window as unknown as { __settled?: boolean }).__settled === true, null, { timeout: 10_000 });
      await page.click('#more');
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Updates: 6');
      await page.waitForTimeout(700); // our mutation pass (debounced)
    });
    expect(await a.page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
    const texts = await markTexts(a.page);
    expect(texts).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol', 'NATO', 'GSOMIA']));
    // The app removed the only item naming Fumio Kishida: its mark went with it.
    expect(texts).not.toContain('Fumio Kishida');
    // Every remaining mark still covers live text.
    const stale = await a.page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => {
        if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) if (!r.startContainer.isConnected) n++;
      });
      return n;
    });
    expect(stale).toBe(0);
    await sameDom(a, b);
  });

  it('the existing hydration fixture: same DOM as without the extension', async () => {
    const { a, b } = await both('hydrate.html', async ({ page }) => {
      await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Reader count: 5');
      await page.click('#bump');
      await page.waitForFunction(() => document.getElementById('counter')?.textContent === 'Reader count: 15');
    });
    await sameDom(a, b);
  });

  it('infinite scroll: appended stories get marked, the page keeps scrolling and loading, same DOM', async () => {
    const { a, b } = await both('trust-infinite.html', async ({ page }) => {
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 2000);
        await page.waitForTimeout(250);
      }
      await page.waitForFunction(() => (window as unknown as { __loaded: number }).__loaded === 4, null, { timeout: 10_000 });
      await page.waitForTimeout(700);
    });
    expect(await a.page.evaluate(() => (window as unknown as { __scrolls: number }).__scrolls)).toBeGreaterThan(0);
    await expect.poll(() => markTexts(a.page), { timeout: 5000 }).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida', 'NATO']));
    await sameDom(a, b);
  });

  it('iframes (same-origin, cross-origin, srcdoc): frames untouched and working, top article marked', async () => {
    const { a, b } = await both('trust-iframes.html', async ({ page }) => {
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
      for (const sel of ['#same', '#cross']) {
        const f = page.frameLocator(sel);
        await f.locator('#frame-btn').click();
      }
      await page.frameLocator('#srcdoc').locator('#x').click();
      await page.waitForFunction(() => (window as unknown as { __messages: string[] }).__messages.filter((m) => m.includes('click')).length === 3);
    });
    const messages = (p: Page) => p.evaluate(() => (window as unknown as { __messages: string[] }).__messages.filter((m) => m !== '[object Object]').sort());
    expect(await messages(a.page)).toEqual(['frame-click:127.0.0.1', 'frame-click:localhost', 'srcdoc-click']);
    expect(await messages(a.page)).toEqual(await messages(b.page));
    expect(await markTexts(a.page)).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol']));
    for (const f of a.page.frames().slice(1)) {
      const fb = b.page.frames().find((x) => x.url() === f.url() && x.name() === f.name());
      const [ha, hb] = await Promise.all([f.evaluate(() => document.documentElement.outerHTML), fb!.evaluate(() => document.documentElement.outerHTML)]);
      expect(ha).toBe(hb);
      expect(await f.evaluate(() => document.querySelectorAll('backstory-ui').length)).toBe(0);
    }
    await sameDom(a, b);
  });

  it('web components with open and closed shadow roots: same DOM inside and out, component handlers fire', async () => {
    const { a, b } = await both('trust-shadow.html', async ({ page }) => {
      await page.locator('story-quote').locator('#share').click();
      await page.evaluate(() => {
        // A closed root is reachable only through the component; the page clicks its own button.
        (document.getElementById('q-closed') as unknown as { click(): void }).click();
      });
    });
    expect(await a.page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['open-connected', 'closed-connected', 'open-share']);
    const closed = async (p: Page) => p.evaluate(() => (window as unknown as { __closedHTML: () => string }).__closedHTML());
    expect(await closed(a.page)).toBe(await closed(b.page));
    expect(await markTexts(a.page)).toEqual(expect.arrayContaining(['Joe Biden', 'Fumio Kishida']));
    await sameDom(a, b);
  });

  it('contenteditable: typing works, the editor is never marked, input events fire, same DOM', async () => {
    const { a, b } = await both('trust-editable.html', async ({ page }) => {
      await page.click('#editor p');
      await page.keyboard.press('End');
      await page.keyboard.type(' met Joe Biden and Fumio Kishida.');
      await page.waitForTimeout(700);
    });
    expect(await a.page.evaluate(() => (window as unknown as { __inputs: number }).__inputs)).toBeGreaterThan(10);
    expect(await a.page.textContent('#editor')).toContain('met Joe Biden and Fumio Kishida.');
    expect(await a.page.textContent('#editor')).toBe(await b.page.textContent('#editor'));
    const inEditor = await a.page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => {
        if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) if (r.startContainer.parentElement?.closest('[contenteditable]')) n++;
      });
      return n;
    });
    expect(inEditor).toBe(0);
    expect(await markTexts(a.page)).toEqual(expect.arrayContaining(['Joe Biden', 'NATO']));
    await sameDom(a, b);
  });
});
