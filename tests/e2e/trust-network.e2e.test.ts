/**
 * "Nothing leaves the machine", proven: every request made by the extension's service worker,
 * its pages (popup, options) and its content scripts is recorded while the extension works on
 * fixture pages, cards open, and the popup and options are used.
 * Requests the fixture pages make themselves (to 127.0.0.1) are allowed; anything initiated by
 * the extension (chrome-extension:// initiator or script in its stack) or addressed to a
 * non-loopback host counts. The count must be 0.
 *
 * Three independent recorders:
 *  - Playwright's context 'request' events, with service-worker network events switched on
 *    (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS) — proven live by a canary fetch from the worker;
 *  - a CDP Network session on every page (initiator URL and JS stack of each request);
 *  - a proxy that every non-loopback request of the whole browser must go through, from launch
 *    on (so it also covers the install/startup work that ran before the listeners were attached).
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page, Request, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
// Loopback (the fixture pages) goes direct; Playwright would otherwise force it through the proxy too.
process.env.PLAYWRIGHT_DISABLE_FORCED_CHROMIUM_PROXIED_LOOPBACK = '1';

interface Seen {
  via: string;
  url: string;
  initiator?: string;
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;
const LOCAL_SCHEMES = /^(chrome-extension|data|blob|about|chrome):/;

let server: StaticServer;
let proxy: Server;
const proxied: string[] = [];
let launched: Awaited<ReturnType<typeof launchWithExtension>>;
const all: Seen[] = [];

function ours(r: Seen): boolean {
  if (LOCAL_SCHEMES.test(r.url)) return false; // the extension's own files, inline data
  if (!LOOPBACK.test(r.url)) return true; // anything that would leave the machine
  return /chrome-extension:\/\//.test(r.initiator ?? ''); // loopback, but started by us
}

async function tracked(page: Page): Promise<Page> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    const stack: string[] = [];
    for (let s = e.initiator.stack; s; s = s.parent) for (const f of s.callFrames) stack.push(f.url);
    all.push({ via: `cdp:${page.url()}`, url: e.request.url, initiator: [e.initiator.url ?? '', ...stack].join(' ') });
  });
  return page;
}

async function worker(): Promise<Worker> {
  const ctx = launched.context;
  return ctx.serviceWorkers()[0] ?? ctx.waitForEvent('serviceworker', { timeout: 15_000 });
}

beforeAll(async () => {
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  server = await serveStatic(['tests/fixtures/pages', 'node_modules/preact/dist', 'node_modules/preact/hooks/dist']);
  process.env.BACKSTORY_TRUST_PROXY = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  launched = await launchWithProxy();
  launched.context.on('request', (r) => {
    const sw = r.serviceWorker();
    all.push({ via: sw ? `sw:${sw.url()}` : `page:${frameUrl(r)}`, url: r.url(), initiator: sw ? sw.url() : undefined });
  });
});

/** The requesting frame's URL; a navigation whose frame is gone (a closed popup) has none. */
function frameUrl(r: Request): string {
  try {
    return r.frame().url();
  } catch {
    return '?';
  }
}

afterAll(async () => {
  await launched?.close();
  await server?.close();
  await new Promise((ok) => proxy?.close(ok));
});

/** launchWithExtension, with the whole browser's non-loopback traffic sent through our recording proxy. */
async function launchWithProxy() {
  const { chromium } = await import('playwright-core');
  const orig = chromium.launchPersistentContext.bind(chromium);
  // Wrap once: add the proxy to the standard launch (same flags, same extension).
  (chromium as unknown as { launchPersistentContext: typeof orig }).launchPersistentContext = (dir, opts) =>
    orig(dir, { ...opts, proxy: { server: `http://${process.env.BACKSTORY_TRUST_PROXY}`, bypass: '127.0.0.1,localhost' } });
  try {
    return await launchWithExtension({ extensionDir: await snapshotBuild() });
  } finally {
    (chromium as unknown as { launchPersistentContext: typeof orig }).launchPersistentContext = orig;
  }
}

/** A private copy of the test build, so a rebuild running elsewhere cannot pull it from under the browser. */
async function snapshotBuild(): Promise<string> {
  for (let i = 0; i < 120 && !existsSync(join(EXTENSION_DIR, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 1000));
  const dir = join(mkdtempSync(join(tmpdir(), 'backstory-trust-')), 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

async function hoverFirstMark(page: Page): Promise<boolean> {
  const box = await page.evaluate(() => {
    for (const [k, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
      if (!k.startsWith('backstory-')) continue;
      for (const r of h) {
        const b = r.getClientRects()[0];
        if (b && b.top > 0 && b.bottom < innerHeight) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return null;
  });
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

describe('no network', () => {
  it('the recorders are live: a canary fetch from the service worker is seen by both', async () => {
    const sw = await worker();
    const canary = `${server.url}/canary-from-worker.txt`;
    await sw.evaluate((u) => fetch(u).then((r) => r.status, () => 0), canary);
    await expect.poll(() => all.some((r) => r.url === canary && r.via.startsWith('sw:'))).toBe(true);
    // …and is classified as ours (the worker made it), which is what the real check counts.
    expect(ours({ url: canary, via: 'sw', initiator: sw.url() })).toBe(true);
    all.length = 0;
  });

  it('makes zero requests of its own while it works, across pages, cards, popup, options and startup (proxy)', async () => {
    const ctx = launched.context;
    // Install/startup work ran before these listeners were attached; the proxy saw it from launch
    // (a non-loopback request then would be in `proxied`). chrome.runtime.reload() cannot be used to
    // replay it: Chrome does not bring back a --load-extension extension after a reload.
    // Article pages: scan, mark, open a card (loads the card script and its data), keyboard step.
    let cards = 0;
    for (const name of ['camp-david-2023.html', 'trust-static.html', 'trust-shadow.html', 'trust-iframes.html', 'trust-app.html', 'trust-infinite.html']) {
      const page = await tracked(await ctx.newPage());
      await page.goto(`${server.url}/${name}`);
      await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });
      if (await hoverFirstMark(page)) cards++;
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(400);
      await page.close();
    }
    expect(cards).toBeGreaterThanOrEqual(3);

    // Popup and options: render, flip settings (which fans out to content scripts and registration).
    const article = await tracked(await ctx.newPage());
    await article.goto(`${server.url}/camp-david-2023.html`);
    await article.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });
    for (const path of ['popup.html', 'options.html']) {
      const page = await tracked(await ctx.newPage());
      await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
      await page.waitForSelector('#app > *');
      const boxes = page.locator('input[type=checkbox]');
      const n = Math.min(await boxes.count(), 4);
      for (let i = 0; i < n && !page.isClosed(); i++) {
        await boxes.nth(i).click({ timeout: 2000 }).catch(() => undefined);
        await page.waitForTimeout(150).catch(() => undefined);
        await boxes.nth(i).click({ timeout: 2000 }).catch(() => undefined);
      }
      const buttons = page.locator('button:visible');
      const b = Math.min(await buttons.count(), 3);
      for (let i = 0; i < b && !page.isClosed(); i++) {
        const label = (await buttons.nth(i).innerText().catch(() => '')).toLowerCase();
        if (/reset|delete|clear|remove|import|export|download/.test(label)) continue; // nothing destructive or file-dialog
        await buttons.nth(i).click({ timeout: 2000 }).catch(() => undefined);
        if (page.isClosed()) break; // a popup button may close the popup (window.close())
        await page.waitForTimeout(150).catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 500));
      if (!page.isClosed()) await page.close();
    }
    await article.waitForTimeout(800);
    await article.close();

    const offending = all.filter(ours);
    const nonChromeProxied = proxied.filter((p) => !/(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)(:\d+)?(\/|$)/.test(p.split(' ')[1]!.replace(/^https?:\/\//, '')));
    expect({ offending, proxied: nonChromeProxied }).toEqual({ offending: [], proxied: [] });
    // The recorders saw the work: the fixture pages' own loads are there.
    expect(all.filter((r) => LOOPBACK.test(r.url)).length).toBeGreaterThan(6);
    if (proxied.length) console.info(`Chrome's own background requests through the proxy (not the extension's): ${proxied.join(', ')}`);
  }, 180_000);
});
