/**
 * The options page in real Chromium: settings reach an open article without a reload, custom
 * datasets and backups import through the page, and the page stays usable at 200% zoom and
 * without CSP violations (zod runs jitless).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightSizes, startEnv, stopEnv, watchErrors, type Env } from './harness';

/** The extension page's own storage API, used from page.evaluate to seed and inspect storage. */
interface Area {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}
declare const chrome: { storage: { local: Area; sync: Area } };

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => stopEnv(env));

async function openOptions(): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(env.ext('options.html'));
  await page.getByRole('heading', { name: 'Backstory options' }).waitFor();
  return { page, errors };
}

const place = (i: number) => ({
  id: `e2e-town-${i}`,
  kind: 'place',
  name: `Etown ${i}`,
  summary: `An invented town number ${i} for the end-to-end tests.`,
  placeType: 'city',
  sources: ['https://example.org/'],
  reviewed: '2025-01-01',
});

describe('options page', () => {
  it('renders every section without console errors or CSP violations', async () => {
    const { page, errors } = await openOptions();
    for (const name of ['General', 'Sites', 'What to mark', 'Marking style', 'Cards', 'Hidden names and remembered choices', 'Keyboard shortcut', 'Dataset', 'Export and import'])
      await expect(page.getByRole('heading', { name, exact: true }).count()).resolves.toBe(1);
    // The binding itself depends on the profile (a fresh headless profile may leave it unset).
    const row = page.getByRole('row', { name: /Open the card of the next marked name/ });
    await expect(row.innerText()).resolves.toMatch(/Alt|Shift|not set/);
    await expect(page.getByText('Facts as of').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes reach an open article without a reload', async () => {
    const { page, errors } = await openOptions();
    // Start from default settings (a retried run may have left people switched off).
    await page.evaluate(() => chrome.storage.sync.clear());
    await page.reload();
    const article = await env.browser.context.newPage();
    await article.goto(env.page('camp-david-2023.html'));
    await article.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0, null, { timeout: 10_000 });

    await page.getByRole('checkbox', { name: 'People' }).uncheck();
    // The article rescans with the new kinds: people gone, the other kinds marked again.
    await article.waitForFunction(
      () => {
        let others = 0;
        CSS.highlights.forEach((h, k) => {
          if (k.startsWith('backstory-') && k !== 'backstory-person') others += h.size;
        });
        return (CSS.highlights.get('backstory-person')?.size ?? 0) === 0 && others > 0;
      },
      null,
      { timeout: 10_000 },
    );
    const sizes = await highlightSizes(article);
    expect(sizes['backstory-person'] ?? 0).toBe(0);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: 'People' }).check();
    await article.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0, null, { timeout: 10_000 });

    await page.getByRole('checkbox', { name: /Mark names in articles/ }).uncheck();
    await article.waitForFunction(() => [...CSS.highlights.keys()].every((k) => !k.startsWith('backstory-') || CSS.highlights.get(k)!.size === 0), null, { timeout: 10_000 });
    await page.getByRole('checkbox', { name: /Mark names in articles/ }).check();
    await article.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0, null, { timeout: 10_000 });

    expect(errors).toEqual([]);
    await page.close();
    await article.close();
  });

  it('follows the theme setting', async () => {
    const { page } = await openOptions();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(27, 28, 31)');
    await page.getByRole('radio', { name: 'Same as the system' }).check();
    await page.close();
  });

  it('reflows at 200% zoom (640 CSS px wide) without horizontal scrolling', async () => {
    const page = await env.browser.context.newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(env.ext('options.html'));
    await page.getByRole('heading', { name: 'Backstory options' }).waitFor();
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  it('shows every problem of a bad custom dataset with its path, and imports a good one', async () => {
    const { page, errors } = await openOptions();
    const input = page.getByLabel('Import a file');
    const bad = JSON.stringify({ entities: [{ ...place(1), sources: ['javascript:alert(1)'] }, { ...place(2), born: '2020' }] });
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.getByText(/bad\.json was not imported: 2 problems/).waitFor({ timeout: 20_000 });
    await expect(page.getByText('entities[0].sources[0]').count()).resolves.toBe(1);
    await expect(page.getByText('entities[1].born').count()).resolves.toBe(1);

    const good = JSON.stringify({ entities: [place(1), place(2)] });
    await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page.getByText('Imported 2 entries from good.json.').waitFor({ timeout: 20_000 });
    await page.getByText(/2 entries from good\.json/).first().waitFor();
    const stored = await page.evaluate(() => chrome.storage.local.get('customDataset'));
    expect((stored.customDataset as { entities: { id: string }[] }).entities.map((e) => e.id)).toEqual(['e2e-town-1', 'e2e-town-2']);
    await page.getByRole('button', { name: 'Remove custom dataset' }).click();
    await page.getByText('No custom dataset.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks a 10 MB file off the main thread, with progress, keeping the page responsive', async () => {
    const { page, errors } = await openOptions();
    const list = Array.from({ length: 21_000 }, (_, i) => ({ ...place(i), summary: `An invented town number ${i}. ${'x'.repeat(380)}` }));
    list[20_000]!.reviewed = 'yesterday';
    const text = JSON.stringify({ entities: list });
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const file = join(mkdtempSync(join(tmpdir(), 'backstory-e2e-')), 'big.json');
    writeFileSync(file, text);
    await page.getByLabel('Import a file').setInputFiles(file);
    // While it works: a progress bar, and the page still answers.
    await page.locator('#custom-progress').waitFor({ timeout: 10_000 });
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.getByText(/big\.json was not imported: 1 problem\b/).waitFor({ timeout: 90_000 });
    await expect(page.getByText('entities[20000].reviewed').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('exports everything to a file and imports it back', async () => {
    const { page, errors } = await openOptions();
    // Start from defaults whatever the earlier tests left, so each change below really saves.
    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
    await page.reload();
    await page.getByRole('heading', { name: 'Backstory options' }).waitFor();
    const stored = (key: string, want: unknown) =>
      page.waitForFunction(async ([k, w]) => JSON.stringify(((await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined)?.[k]) === JSON.stringify(w), [key, want] as const);
    await page.getByLabel(/Open a card after/).fill('650');
    await page.getByLabel(/Open a card after/).press('Enter');
    await stored('dwellMs', 650);
    await page.getByRole('radio', { name: 'Every mention' }).check();
    await stored('markMode', 'all');
    await page.evaluate(() => chrome.storage.local.set({ hidden: ['joe-biden'], choices: { 'bbc.com': { Kim: 'kim-jong-un' } } }));
    await page.getByText('Saved.').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported).toMatchObject({ format: 'backstory-backup', settings: { dwellMs: 650, markMode: 'all' }, hidden: ['joe-biden'], choices: { 'bbc.com': { Kim: 'kim-jong-un' } } });

    await page.evaluate(() => Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear()]));
    await page.reload();
    await page.getByRole('heading', { name: 'Backstory options' }).waitFor();
    expect(await page.getByLabel(/Open a card after/).inputValue()).toBe('300');

    const withExtra = { ...exported, settings: { ...exported.settings, sparkle: true } };
    await page.getByLabel('Import from a file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withExtra)) });
    await page.getByRole('heading', { name: 'Import backup.json?' }).waitFor();
    await expect(page.getByText('settings.sparkle').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Imported backup.json.').waitFor();
    await page.waitForFunction(() => (document.getElementById('dwell') as HTMLInputElement | null)?.value === '650');
    const after = await page.evaluate(() => Promise.all([chrome.storage.sync.get('settings'), chrome.storage.local.get(['hidden', 'choices'])]));
    expect(after[0].settings).toMatchObject({ dwellMs: 650, markMode: 'all' });
    expect(after[1]).toMatchObject({ hidden: ['joe-biden'], choices: { 'bbc.com': { Kim: 'kim-jong-un' } } });
    await expect(page.getByRole('button', { name: 'Show joe-biden again' }).or(page.getByRole('button', { name: /Show .* again/ })).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adding a site that is not a host explains why', async () => {
    const { page } = await openOptions();
    await page.getByLabel('Add a site').fill('not a host');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'is not a host name' }).count()).resolves.toBe(1);
    await page.close();
  });
});
