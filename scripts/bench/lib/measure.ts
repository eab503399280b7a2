/** Loading one page with or without the extension and measuring it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChrome, INSTALL_HINT, launchWithExtension, type Launched } from '../../lib/browser';
import { analyzeTrace, startTrace, type PageCost } from './trace';

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export function machine(): string {
  const c = cpus();
  return `${c.length} CPUs (${c[0]?.model ?? 'unknown'}), ${process.platform} ${process.arch}, node ${process.version}`;
}

/** Only the loopback server is reachable; everything else fails fast (no network in benchmarks). */
export async function offline(context: BrowserContext): Promise<void> {
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => route.abort('internetdisconnected'));
}

export interface ExtRun extends PageCost {
  state: string;
  reason?: string;
  marks: number;
  entities: number;
  errors: string[];
  loadMs: number;
  timedOut: boolean;
}

interface Summary {
  state: string;
  reason?: string;
  marks: number;
  entities: unknown[];
}

async function summaryOf(ext: Launched, url: string): Promise<Summary | null> {
  const [worker] = ext.context.serviceWorkers();
  if (!worker) return null;
  return worker
    .evaluate(async (u: string) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      const tabs = await c.tabs.query({ url: u.split('#')[0] });
      if (!tabs[0]?.id) return null;
      return (await c.tabs.sendMessage(tabs[0].id, { type: 'tab:get-summary' }).catch(() => null)) as Summary | null;
    }, url)
    .catch(() => null);
}

/**
 * Loads `url` in a new tab of the extension's browser, traced; waits until the content script
 * has finished its first scan (or decided not to scan), then a settle time.
 */
export async function runWithExtension(ext: Launched, url: string, opts: { timeoutMs?: number; settleMs?: number; watchErrors?: boolean } = {}): Promise<ExtRun> {
  const page = await ext.context.newPage();
  const prefix = `chrome-extension://${ext.extensionId}/`;
  const errors: string[] = [];
  try {
    await page.goto('about:blank');
    const cdp = await ext.context.newCDPSession(page);
    if (opts.watchErrors) {
      cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text?: string; url?: string; stackTrace?: { callFrames: Array<{ url: string }> }; exception?: { description?: string } } }) => {
        const d = e.exceptionDetails;
        const text = `${d.text ?? ''} ${d.exception?.description ?? ''}`;
        const ours = (d.url ?? '').startsWith(prefix) || (d.stackTrace?.callFrames ?? []).some((f) => f.url.startsWith(prefix)) || text.includes(prefix);
        if (ours) errors.push(`uncaught: ${text.trim().slice(0, 300)}`);
      });
      cdp.on('Runtime.consoleAPICalled', (e: { type: string; args: Array<{ value?: unknown; description?: string }> }) => {
        const first = String(e.args[0]?.value ?? e.args[0]?.description ?? '');
        if (first.startsWith('Backstory stopped')) errors.push(`${e.type}: ${e.args.map((a) => String(a.value ?? a.description ?? '')).join(' ').slice(0, 300)}`);
      });
      await cdp.send('Runtime.enable');
    }
    const stop = await startTrace(cdp);
    const t0 = Date.now();
    const timeoutMs = opts.timeoutMs ?? 60_000;
    let timedOut = false;
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => {
      timedOut = true;
    });
    const loadMs = Date.now() - t0;
    let summary: Summary | null = null;
    let lastSummaryAt = 0;
    for (;;) {
      const scanned = await page.evaluate("performance.getEntriesByName('backstory:scan').length").catch(() => 0);
      if (Number(scanned) > 0) break;
      if (Date.now() - lastSummaryAt > 1000 && Date.now() - t0 > loadMs + 1000) {
        lastSummaryAt = Date.now();
        summary = await summaryOf(ext, url);
        if (summary && summary.state !== 'ok' && summary.state !== 'scanning') break;
      }
      if (Date.now() - t0 > timeoutMs) {
        timedOut = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    await new Promise((r) => setTimeout(r, opts.settleMs ?? 800));
    const events = await stop();
    summary = (await summaryOf(ext, url)) ?? summary;
    const cost = analyzeTrace(events, prefix);
    await cdp.detach().catch(() => undefined);
    return {
      ...cost,
      state: summary?.state ?? 'unknown',
      ...(summary?.reason ? { reason: summary.reason } : {}),
      marks: summary?.marks ?? 0,
      entities: summary?.entities.length ?? 0,
      errors,
      loadMs,
      timedOut,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

let probeSource: Promise<string> | null = null;
function probe(): Promise<string> {
  probeSource ??= build({
    entryPoints: [resolve(import.meta.dirname, 'probe-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return probeSource;
}

export interface Plain {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser without the extension, for the floor and mark.js. */
export async function launchPlain(): Promise<Plain> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-plain-')), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await offline(context);
  return { context, close: () => context.close() };
}

async function openPlain(plain: Plain, url: string): Promise<Page> {
  const page = await plain.context.newPage();
  // Some offline copies of real pages never fire "load" (a resource that never answers); the
  // document is there all the same, as in runWithExtension.
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  await page.addScriptTag({ content: await probe() });
  return page;
}

/** The floor: a bare TreeWalker pass, first pass on a fresh load. */
export async function floor(plain: Plain, url: string): Promise<{ ms: number; chars: number; nodes: number }> {
  const page = await openPlain(plain, url);
  try {
    await page.waitForTimeout(200);
    return (await page.evaluate('window.__backstoryProbe.floor()')) as { ms: number; chars: number; nodes: number };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** mark.js over the article root with `keywords`; null when it did not finish within `timeoutMs`. */
export async function markjs(plain: Plain, url: string, keywords: string[], timeoutMs: number): Promise<{ ms: number; marks: number } | null> {
  const page = await openPlain(plain, url);
  try {
    await page.addScriptTag({ path: resolve('node_modules/mark.js/dist/mark.min.js') });
    const run = page.evaluate((k: string[]) => (window as unknown as { __backstoryProbe: { markjs(k: string[]): { ms: number; marks: number } } }).__backstoryProbe.markjs(k), keywords);
    const timer = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
    const r = await Promise.race([run.catch(() => null), timer]);
    return r;
  } finally {
    // A page stuck in mark.js is closed without waiting for it.
    await page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}

export { launchWithExtension };
