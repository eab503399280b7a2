/**
 * Hostile and odd pages: a page that fights over CSS.highlights, removes our host, redefines
 * DOM prototypes in its own world; 100,000 text nodes, 5 MB of text, nesting depth 5,000, text
 * that changes every 10 ms. The extension must stay responsive, recover or back off, and never
 * throw uncaught errors.
 *
 * "No task > 50 ms of ours" is measured with a CDP trace of the page's renderer: every
 * top-level task (RunTask) that contains a call into a chrome-extension:// script is ours in
 * part; we sum the time of those calls inside each task and report the worst. The page's own
 * work (building 100,000 nodes, layout of 5 MB) is not counted.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type Launched } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

let server: StaticServer;
let ext: Launched;

async function snapshotBuild(): Promise<string> {
  for (let i = 0; i < 120 && !existsSync(join(EXTENSION_DIR, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 1000));
  const dir = join(mkdtempSync(join(tmpdir(), 'backstory-trust-')), 'ext');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  server = await serveStatic(['tests/fixtures/pages']);
  ext = await launchWithExtension({ extensionDir: await snapshotBuild() });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  warnings: string[];
}

async function open(name: string, beforeLoad?: (p: Page) => Promise<void>): Promise<Opened> {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
  await beforeLoad?.(page);
  await page.goto(`${server.url}/${name}`, { timeout: 60_000 });
  return { page, errors, warnings };
}

/** Polls from Node with a plain evaluate (hostile pages break requestAnimationFrame-based waits). */
async function until(page: Page, fn: () => boolean, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const marked = () => {
  let n = 0;
  CSS.highlights.forEach((h, k) => {
    if (k.startsWith('backstory-')) n += h.size;
  });
  return n > 0;
};

const texts = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, k) => {
      if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) out.push(r.toString());
    });
    return out;
  });

// ---- CDP trace: our share of each task ----------------------------------------------------

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute',
    transferMode: 'ReturnAsStream',
  });
  return cdp;
}

interface TraceResult {
  /** Worst share of ours in one task, excluding the content script's initial evaluation (ms). */
  worst: number;
  worstTask: number;
  /** The task that evaluated content.js (compile + top-level run), ms. */
  startup: number;
  /**
   * Longest task of any kind on the page's main thread after that evaluation (ms), page layout
   * included: reported, not asserted (the page's own first layout of 5 MB can land here).
   */
  anyAfterStart: number;
  /**
   * Longest microtask checkpoint after that evaluation (ms). Our code resumes after each
   * `await` as a microtask, which the trace shows without a script URL; these fixture pages run
   * no promises of their own, so every such checkpoint is ours.
   */
  microtasks: number;
  tasks: number;
}

/** Per-task time spent in extension scripts (ms): start-up evaluation apart from everything after. */
async function stopTrace(cdp: CDPSession): Promise<TraceResult> {
  const done = new Promise<{ stream?: string }>((ok) => cdp.once('Tracing.tracingComplete', (e) => ok(e)));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream! });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream! });
  const events: TraceEvent[] = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents ?? JSON.parse(text);
  const tasks = events.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur);
  const calls = events.filter((e) => e.ph === 'X' && e.dur && /chrome-extension:\/\//.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? '') && /FunctionCall|EvaluateScript|v8\.run|V8\.Execute|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks/.test(e.name));
  let worst = 0;
  let worstTask = 0;
  let startup = 0;
  let startEnd = Infinity;
  let mainTid = -1;
  let n = 0;
  for (const t of tasks) {
    const inside = calls.filter((c) => c.pid === t.pid && c.tid === t.tid && c.ts >= t.ts && c.ts + c.dur! <= t.ts + t.dur! + 1);
    if (!inside.length) continue;
    n++;
    // Outermost calls only (nested events would double count).
    inside.sort((a, b) => a.ts - b.ts);
    let ours = 0;
    let end = -1;
    for (const c of inside) {
      if (c.ts >= end) {
        ours += c.dur!;
        end = c.ts + c.dur!;
      }
    }
    if (inside.some((c) => c.name === 'EvaluateScript' && /\/article\.js/.test(c.args?.data?.url ?? ''))) {
      startup = Math.max(startup, ours);
      startEnd = t.ts + t.dur!;
      mainTid = t.tid;
    }
    else if (ours > worst) [worst, worstTask] = [ours, t.dur!];
  }
  const afterTasks = events.filter((t) => t.ph === 'X' && t.dur && t.tid === mainTid && t.ts >= startEnd && (t.name === 'RunTask' || t.name === 'BlinkScheduler_PerformMicrotaskCheckpoint'));
  const after = afterTasks.filter((t) => t.name === 'RunTask').map((t) => t.dur!);
  const micro = afterTasks.filter((t) => t.name === 'BlinkScheduler_PerformMicrotaskCheckpoint').map((t) => t.dur!);
  return { worst: worst / 1000, tasks: n, worstTask: worstTask / 1000, startup: startup / 1000, anyAfterStart: Math.max(0, ...after) / 1000, microtasks: Math.max(0, ...micro) / 1000 };
}

const stoppedLog = (o: Opened) => o.warnings.filter((w) => w.includes('Backstory stopped on this page'));

describe('start-up cost', () => {
  // FINDING (entrypoints/content → content-scripts/content.js, now entrypoints/article → article.js): on every matching page the first
  // task of ours is the evaluation of content.js itself — in this trace ~65 ms compile plus
  // ~140 ms running top-level module code (v8.run, world "Backstory") before any scanning; the
  // matcher load and the scan come later in their own tasks. A 176 kB bundle whose top level
  // builds data structures eagerly (matcher tables, schemas) costs one long task per page load.
  it('evaluating the content script on an ordinary article is one task under 50 ms', async () => {
    let cdp: CDPSession | undefined;
    const o = await open('camp-david-2023.html', async (p) => {
      cdp = await startTrace(p);
    });
    await until(o.page, () => performance.getEntriesByName('backstory:scan').length > 0);
    await o.page.waitForTimeout(300);
    const t = await stopTrace(cdp!);
    console.info(`demo article: start-up evaluation ${t.startup.toFixed(1)} ms; worst other share ${t.worst.toFixed(1)} ms`);
    expect(t.startup).toBeGreaterThan(0); // the trace saw it
    expect(t.worst).toBeLessThanOrEqual(50);
    expect(t.startup).toBeLessThanOrEqual(50);
    await o.page.close();
  }, 60_000);
});

describe('hostile pages', () => {
  it('a page that wipes, hijacks and clears CSS.highlights: ours come back on the next pass, the page\'s own highlight is never touched', async () => {
    const o = await open('hostile-highlights.html');
    const { page } = o;
    await until(page, marked);
    const before = (await texts(page)).sort();
    for (const wreck of ['wipe', 'hijack', 'clearAll'] as const) {
      await page.evaluate((w) => (window as unknown as Record<string, () => void>)[w]!(), wreck);
      expect(await page.evaluate(marked)).toBe(false);
      // Any change to the article triggers a pass, which re-registers our highlights.
      await page.evaluate((w) => (window as unknown as { addPara(t: string): void }).addPara(`After the ${w}, NATO issued a statement.`), wreck);
      await until(page, marked, 5000);
      expect(await texts(page)).toEqual(expect.arrayContaining(before));
      if (wreck !== 'clearAll') expect(await page.evaluate(() => CSS.highlights.get('page-own')?.size)).toBe(1);
    }
    // A storm of wipes every 10 ms for 2 s: no errors, no fight (we do not re-register in a loop).
    await page.evaluate(() => (window as unknown as { storm(ms: number): void }).storm(2000));
    await page.waitForTimeout(2300);
    await page.evaluate(() => (window as unknown as { addPara(t: string): void }).addPara('Calm again: Japan and South Korea.'));
    await until(page, marked, 5000);
    expect(o.errors).toEqual([]);
    expect(stoppedLog(o)).toEqual([]);
    await page.close();
  });

  // Regression guard: the host is re-attached on every show(), so a page that removed it once
  // does not leave later cards rendering into a detached shadow root.
  it('a page that removes our host: marks stay, no errors, and the card comes back once the page lets it', async () => {
    const o = await open('hostile-remove-host.html');
    const { page } = o;
    await until(page, marked);
    const hover = async (text: string) => {
      const box = await page.evaluate((t) => {
        for (const [k, h] of CSS.highlights as unknown as Map<string, Set<Range>>)
          if (k.startsWith('backstory-'))
            for (const r of h) {
              const b = r.getClientRects()[0];
              if (r.toString() === t && b) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
            }
        return null;
      }, text);
      expect(box).not.toBeNull();
      await page.mouse.move(box!.x - 40, box!.y + 60);
      await page.mouse.move(box!.x, box!.y, { steps: 4 });
      for (let i = 0; i < 8; i++) {
        await page.waitForTimeout(80);
        await page.mouse.move(box!.x + (i % 2), box!.y);
      }
      await page.waitForTimeout(500);
    };
    await hover('Joe Biden');
    expect(await page.evaluate(() => (window as unknown as { __removed: number }).__removed)).toBeGreaterThan(0);
    expect(await page.evaluate(marked)).toBe(true);
    // The page relents: the next card shows, in our host, back in the document.
    await page.evaluate(() => ((window as unknown as { __guard: boolean }).__guard = false));
    await page.mouse.move(5, 880);
    await page.waitForTimeout(800);
    await hover('Fumio Kishida');
    await until(page, () => !!document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.bs-card'), 5000);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-ui').length)).toBe(1);
    expect(o.errors).toEqual([]);
    expect(stoppedLog(o)).toEqual([]);
    await page.close();
  });

  it('a page that redefines DOM prototypes in its own world: the isolated content script never touches them', async () => {
    const o = await open('hostile-prototypes.html');
    const { page } = o;
    await until(page, () => (window as unknown as { __trapsSet?: boolean }).__trapsSet === true);
    await until(page, marked);
    expect(await texts(page)).toEqual(expect.arrayContaining(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida']));
    // Open a card too (hit-testing, shadow host, Preact render) with every trap armed.
    const box = await page.evaluate(() => {
      for (const [k, h] of CSS.highlights as unknown as Map<string, Set<Range>>)
        if (k.startsWith('backstory-'))
          for (const r of h) {
            const b = r.getBoundingClientRect(); // (getClientRects is one of the page's traps)
            if (b.width > 0 && b.height < 40) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
      return null;
    });
    await page.mouse.move(box!.x, box!.y, { steps: 4 });
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(80);
      await page.mouse.move(box!.x + (i % 2), box!.y);
    }
    // (document.querySelector is one of the page's traps: use something it left alone.)
    await until(page, () => document.getElementsByTagName('backstory-ui').length === 1, 5000);
    // A real click on the page's button (Playwright's actionability checks rely on APIs the page trapped).
    await page.mouse.move(5, 880);
    await page.waitForTimeout(800);
    const btn = await page.evaluate(() => {
      const b = document.getElementById('btn')!.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await page.mouse.click(btn.x, btn.y);
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __trapHits: string[] }).__trapHits)).toEqual([]);
    expect(o.errors).toEqual([]);
    expect(stoppedLog(o)).toEqual([]);
    await page.close();
  });

  // Regression guard: matching the whole text in one synchronous call once made a 1.3 s task on
  // the 5 MB page; the scanner now matches block groups in the service worker and yields.
  for (const [name, what, expectText] of [
    ['hostile-many-nodes.html', '100,000 text nodes', 'Fumio Kishida'],
    ['hostile-huge-text.html', '5 MB of text', 'Yoon Suk Yeol'],
    ['hostile-deep.html', 'nesting depth 5,000 (not rendered: Chromium itself crashes on it)', 'Fumio Kishida'],
  ] as const) {
    it(`${what}: marks, no task of ours over 50 ms, no errors`, async () => {
      let cdp: CDPSession | undefined;
      const o = await open(name, async (p) => {
        cdp = await startTrace(p);
      });
      const { page } = o;
      await until(page, marked, 30_000);
      await until(page, () => performance.getEntriesByName('backstory:scan').length > 0, 30_000);
      await page.waitForTimeout(500);
      const t = await stopTrace(cdp!);
      const scanMs = await page.evaluate(() => performance.getEntriesByName('backstory:scan')[0]!.duration);
      console.info(`${what}: first scan ${scanMs.toFixed(0)} ms wall; ${t.tasks} tasks ran our code; start-up evaluation ${t.startup.toFixed(1)} ms; worst other share of one task ${t.worst.toFixed(1)} ms (task ${t.worstTask.toFixed(1)} ms); longest microtask checkpoint (ours) ${t.microtasks.toFixed(1)} ms; longest task of any kind after start-up (page layout included) ${t.anyAfterStart.toFixed(1)} ms`);
      expect(await texts(page)).toContain(expectText);
      expect(t.tasks).toBeGreaterThan(0); // the trace did see our code
      expect(o.errors).toEqual([]);
      expect(stoppedLog(o)).toEqual([]);
      expect(t.worst).toBeLessThanOrEqual(50);
      expect(t.microtasks).toBeLessThanOrEqual(50);
      expect(stoppedLog(o)).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('text that changes every 10 ms: marks keep up, we back off, the page\'s timer stays on time, no task of ours over 50 ms', async () => {
    let cdp: CDPSession | undefined;
    const o = await open('hostile-mutate.html', async (p) => {
      cdp = await startTrace(p);
    });
    const { page } = o;
    await until(page, marked);
    const passes0 = await page.evaluate(() => performance.getEntriesByName('backstory:scan').length);
    const late0 = await page.evaluate(() => (window as unknown as { __late: number }).__late);
    await page.waitForTimeout(6000);
    const passes = (await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)) - passes0;
    const late = (await page.evaluate(() => (window as unknown as { __late: number }).__late)) - late0;
    const ticks = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    const t = await stopTrace(cdp!);
    console.info(`10 ms mutations: ${passes} passes of ours in 6 s, page timer late ${late}× over ${ticks} ticks; start-up ${t.startup.toFixed(1)} ms; worst other share of one task ${t.worst.toFixed(1)} ms; longest microtask checkpoint ${t.microtasks.toFixed(1)} ms`);
    // ~600 mutation bursts in 6 s; the debounce (≤ 1 s max wait) and the back-off keep us to a handful of passes.
    expect(passes).toBeGreaterThan(0);
    expect(passes).toBeLessThanOrEqual(12);
    expect(t.worst).toBeLessThanOrEqual(50);
    expect(t.microtasks).toBeLessThanOrEqual(50);
    // Every mark still covers the text it was made for (stale ticker marks are pruned).
    const stale = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => {
        if (k.startsWith('backstory-')) for (const r of h as unknown as Iterable<Range>) if (!r.startContainer.isConnected) n++;
      });
      return n;
    });
    expect(stale).toBeLessThanOrEqual(1); // at most the ticker mark of the pass in flight
    expect(o.errors).toEqual([]);
    expect(stoppedLog(o)).toEqual([]);
    await page.close();
  }, 60_000);
});
