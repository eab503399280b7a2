/** Export → import round trip of everything the reader set up, and what an import reports. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCustomDataset, saveCustomDataset } from '../../lib/ext/custom-dataset';
import { loadChoices, loadHidden, loadSettings, replaceSettings, setChoices, setHidden } from '../../lib/ext/settings';
import { backupFileName, buildBackup, parseBackup } from '../../lib/settings/backup';
import { checkCustomDataset } from '../../lib/settings/custom-import';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import type { Entity } from '../../lib/dataset/schema';

const PLACE = {
  id: 'new-town',
  kind: 'place',
  name: 'New Town',
  summary: 'An invented town used by the backup tests.',
  aliases: [],
  placeType: 'city',
  sources: ['https://example.org/'],
  reviewed: '2025-01-01',
} as Entity;

const SETTINGS: Settings = { ...structuredClone(DEFAULT_SETTINGS), markStyle: 'background', addedSites: ['example.org'], dwellMs: 450, theme: 'dark' };

async function exportAll(): Promise<string> {
  const d = await loadCustomDataset();
  return buildBackup(
    { settings: (await loadSettings()).settings, hidden: await loadHidden(), choices: await loadChoices(), customDataset: d && { entities: d.entities, blockers: d.blockers } },
    new Date('2025-06-01T12:00:00Z'),
  );
}

/** What the options page does on "Apply". */
async function importAll(text: string) {
  const p = parseBackup(text);
  if (p.settings) await replaceSettings({ ...(await loadSettings()).settings, ...p.settings });
  if (p.hidden) await setHidden(p.hidden);
  if (p.choices) await setChoices(p.choices);
  if (p.customDataset) {
    const r = await checkCustomDataset(p.customDataset, { kinds: {}, patterns: [] }, { yieldFn: () => Promise.resolve() });
    expect(r.problems).toEqual([]);
    await saveCustomDataset({ entities: r.entities, blockers: r.blockers, file: 'backup' });
  }
  return p;
}

describe('backup export/import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips settings, hidden entities, choices and the custom dataset', async () => {
    await replaceSettings(SETTINGS);
    await setHidden(['joe-biden', 'new-town']);
    await setChoices({ 'bbc.com': { Kim: 'kim-jong-un' } });
    await saveCustomDataset({ entities: [PLACE], blockers: ['New Town Hall'] });
    const text = await exportAll();
    expect(JSON.parse(text)).toMatchObject({ format: 'backstory-backup', version: 1, exportedAt: '2025-06-01T12:00:00.000Z' });

    fakeBrowser.reset();
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
    const parsed = await importAll(text);
    expect(parsed.problems).toEqual([]);
    expect((await loadSettings()).settings).toEqual(SETTINGS);
    expect(await loadHidden()).toEqual(['joe-biden', 'new-town']);
    expect(await loadChoices()).toEqual({ 'bbc.com': { Kim: 'kim-jong-un' } });
    expect((await loadCustomDataset())?.entities).toEqual([PLACE]);
    expect((await loadCustomDataset())?.blockers).toEqual(['New Town Hall']);
    // And the re-export is the same file.
    expect(await exportAll()).toBe(text);
  });

  it('keeps valid parts and reports unknown or invalid fields with their paths', () => {
    const p = parseBackup(
      JSON.stringify({
        format: 'backstory-backup',
        version: 1,
        settings: { markStyle: 'background', dwellMs: 'fast', sparkle: true },
        hidden: ['ok-id', 'Bad Id', 3],
        choices: { 'bbc.com': { Kim: 'kim-jong-un', Lee: 'Not An Id' }, 'no site!': {} },
        extra: 1,
      }),
    );
    expect(p.settings).toEqual({ markStyle: 'background' });
    expect(p.hidden).toEqual(['ok-id']);
    expect(p.choices).toEqual({ 'bbc.com': { Kim: 'kim-jong-un' } });
    expect(p.problems.map((x) => x.path).sort()).toEqual(
      ['extra', 'settings.dwellMs', 'settings.sparkle', 'hidden[1]', 'hidden[2]', 'choices.bbc.com.Lee', 'choices.no site!'].sort(),
    );
  });

  it.each([
    ['invalid JSON', '{', /not valid JSON/],
    ['a list', '[1]', /Backstory settings file/],
    ['a dataset file', JSON.stringify({ entities: [] }), /not a Backstory settings file/],
  ])('rejects %s', (_n, text, message) => {
    const p = parseBackup(text);
    expect(p.settings).toBeUndefined();
    expect(p.problems[0]?.message).toMatch(message);
  });

  it('reads a file from a newer version, saying so', () => {
    const p = parseBackup(JSON.stringify({ format: 'backstory-backup', version: 9, settings: { badge: false } }));
    expect(p.settings).toEqual({ badge: false });
    expect(p.problems).toEqual([{ path: 'version', message: expect.stringMatching(/newer/) }]);
  });

  it('names the file by date', () => {
    expect(backupFileName(new Date('2025-06-01T12:00:00Z'))).toBe('backstory-settings-2025-06-01.json');
  });
});
