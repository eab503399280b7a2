/** Shared e2e plumbing: one browser with the extension, one fixture server, console-error capture. */
import type { Page } from 'playwright-core';
import { launchWithExtension, type Launched } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

export interface Env {
  browser: Launched;
  server: StaticServer;
  /** Absolute URL of a fixture page under tests/fixtures/pages. */
  page(name: string): string;
  /** chrome-extension://ID/path */
  ext(path: string): string;
}

export async function startEnv(opts: { colorScheme?: 'light' | 'dark' } = {}): Promise<Env> {
  // Preact's ESM builds serve the hydration fixture (no CDN: tests run offline).
  const server = await serveStatic(['tests/fixtures/pages', 'node_modules/preact/dist', 'node_modules/preact/hooks/dist']);
  // BACKSTORY_EXTENSION_DIR runs the suites against another build (default .output/chrome-mv3).
  const browser = await launchWithExtension({ ...opts, extensionDir: process.env.BACKSTORY_EXTENSION_DIR || undefined });
  return {
    browser,
    server,
    page: (name) => `${server.url}/${name}`,
    ext: (path) => `chrome-extension://${browser.extensionId}/${path}`,
  };
}

export async function stopEnv(env: Env | undefined): Promise<void> {
  await env?.browser.close();
  await env?.server.close();
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Snapshot of the page DOM taken at DOMContentLoaded, before the content script (document_idle) runs. */
export async function snapshotOnLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __bsBefore: string }).__bsBefore = document.documentElement.outerHTML;
    });
  });
}

/** The DOM now, without our one host element, next to the DOMContentLoaded snapshot. */
export async function domBeforeAfter(page: Page): Promise<{ before: string; after: string; hosts: number }> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('backstory-ui').length;
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('backstory-ui').forEach((h) => h.remove());
    return { before: (window as unknown as { __bsBefore: string }).__bsBefore, after: clone.outerHTML, hosts };
  });
}

/** Names and sizes of the highlights registered on the page (read from the page's own world). */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      out[name] = h.size;
    });
    return out;
  });
}

/** Texts of all highlighted ranges, in registration order. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      out[name] = [...h].map((r) => r.toString());
    });
    return out;
  });
}
