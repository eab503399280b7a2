import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMarks } from '../../scripts/lib/demo';
import { highlightedTexts, startEnv, stopEnv, watchErrors, type Env } from './harness';

let env: Env;
beforeAll(async () => {
  env = await startEnv();
});
afterAll(() => stopEnv(env));

type Local = { storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };

/** Writes storage as the options page does after a successful import (same item and shape). */
async function setCustom(value: object | null): Promise<void> {
  const [worker] = env.browser.context.serviceWorkers();
  await worker!.evaluate(async (v) => {
    const c = (globalThis as unknown as { chrome: Local }).chrome;
    if (v) await c.storage.local.set({ customDataset: v });
    else await c.storage.local.remove('customDataset');
  }, value);
}

describe('imported entries', () => {
  it('mark and describe new entities on the next page load, and stop when removed', async () => {
    await setCustom({
      file: 'maryland.json',
      importedAt: '2026-01-01T00:00:00.000Z',
      blockers: [],
      entities: [
        {
          id: 'maryland',
          kind: 'place',
          name: 'Maryland',
          summary: 'A state of the United States on the Atlantic coast, where the Camp David retreat lies.',
          placeType: 'region',
          country: ['united-states'],
          sources: ['https://example.org/maryland'],
          reviewed: '2026-01-01',
        },
      ],
    });
    const page = await env.browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto(env.page('camp-david-2023.html'));
    await waitForMarks(page);
    await page.waitForFunction(() => CSS.highlights.get('backstory-place') !== undefined);
    expect((await highlightedTexts(page))['backstory-place']).toContain('Maryland');

    await setCustom(null);
    await page.reload();
    await waitForMarks(page);
    expect((await highlightedTexts(page))['backstory-place'] ?? []).not.toContain('Maryland');
    expect(errors).toEqual([]);
    await page.close();
  });
});
