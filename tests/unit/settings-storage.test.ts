/** Recovery from damaged storage, one field at a time, and the storage API's limits. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearCustomDataset,
  loadCustomDataset,
  saveCustomDataset,
  watchCustomDataset,
} from '../../lib/ext/custom-dataset';
import {
  loadChoices,
  loadHidden,
  loadSettings,
  replaceSettings,
  saveSettings,
  setChoice,
  setHidden,
  watchSettings,
} from '../../lib/ext/settings';
import { StorageQuotaError } from '../../lib/settings/quota';
import { DEFAULT_SETTINGS, parseSettingsPatch, settingsShape, type SettingKey } from '../../lib/settings/schema';
import type { Entity } from '../../lib/dataset/schema';

/** A wrong value for every field. */
const BAD: Record<SettingKey, unknown> = {
  enabled: 'true',
  disabledSites: 'bbc.com',
  addedSites: { host: 'example.org' },
  kinds: ['person'],
  markStyle: 'bold',
  markMode: 2,
  colours: 'red',
  dwellMs: 99999,
  hideMs: 1.5,
  showLaterEvents: null,
  pinByDefault: 0,
  theme: 'sepia',
  badge: [],
};

const GOOD = { ...structuredClone(DEFAULT_SETTINGS), markStyle: 'background' as const, dwellMs: 700, theme: 'dark' as const };

describe('corrupted settings recovery', () => {
  beforeEach(() => fakeBrowser.reset());

  it('covers every field', () => {
    expect(Object.keys(BAD).sort()).toEqual(Object.keys(settingsShape).sort());
  });

  for (const key of Object.keys(BAD) as SettingKey[]) {
    it(`resets only "${key}" when it is invalid`, async () => {
      await fakeBrowser.storage.sync.set({ settings: { ...GOOD, [key]: BAD[key] } });
      const { settings, reset } = await loadSettings();
      expect(reset).toEqual([key]);
      expect(settings[key]).toEqual(DEFAULT_SETTINGS[key]);
      for (const other of Object.keys(BAD) as SettingKey[]) if (other !== key) expect(settings[other]).toEqual(GOOD[other]);
    });
  }

  it.each([['a string', 'settings'], ['a number', 42], ['a list', [1, 2]], ['true', true]])('resets everything when the value is %s', async (_n, value) => {
    await fakeBrowser.storage.sync.set({ settings: value });
    const { settings, reset } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(reset).toEqual(['(all: stored settings were not an object)']);
  });

  it('repairs per-kind objects per kind', async () => {
    await fakeBrowser.storage.sync.set({ settings: { colours: { ...DEFAULT_SETTINGS.colours, person: 'blue', summit: '#123456', extra: '#000000' } } });
    const { settings, reset } = await loadSettings();
    expect(settings.colours).toEqual({ ...DEFAULT_SETTINGS.colours, summit: '#123456' });
    expect(reset).toEqual(['colours.person', 'colours.extra (unknown, dropped)']);
  });

  it('keeps the valid hosts of a damaged site list', async () => {
    await fakeBrowser.storage.sync.set({ settings: { disabledSites: ['BBC.com', 7, 'bbc.com', 'no spaces.com'] } });
    const { settings, reset } = await loadSettings();
    expect(settings.disabledSites).toEqual(['bbc.com']);
    expect(reset).toEqual(['disabledSites (dropped 2 invalid entries)']);
  });

  it('never throws when storage itself fails', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('disk on fire'));
    const { settings, reset } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(reset[0]).toMatch(/storage unreadable/);
    spy.mockRestore();
  });

  it('saves patches in order and drops invalid patch fields', async () => {
    await Promise.all([saveSettings({ dwellMs: 100 }), saveSettings({ hideMs: 200 }), saveSettings({ markStyle: 'nope' as never })]);
    const { settings } = await loadSettings();
    expect(settings).toMatchObject({ dwellMs: 100, hideMs: 200, markStyle: DEFAULT_SETTINGS.markStyle });
  });

  it('refuses settings over the sync item quota with a readable error, leaving storage as it was', async () => {
    await saveSettings({ dwellMs: 900 });
    const many = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.com`);
    await expect(saveSettings({ addedSites: many })).rejects.toThrow(StorageQuotaError);
    await expect(saveSettings({ addedSites: many })).rejects.toThrow(/browser sync allows/);
    expect((await loadSettings()).settings.addedSites).toEqual([]);
    expect((await loadSettings()).settings.dwellMs).toBe(900);
  });

  it('notifies watchers with parsed settings', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((s) => seen.push(s.settings.markStyle));
    await replaceSettings({ ...DEFAULT_SETTINGS, markStyle: 'none' });
    await fakeBrowser.storage.sync.set({ settings: { markStyle: 42 } });
    unwatch();
    expect(seen).toEqual(['none', DEFAULT_SETTINGS.markStyle]);
  });

  it('import patches keep only valid fields and report the rest with paths', () => {
    const { patch, problems } = parseSettingsPatch({ dwellMs: 400, hideMs: 'slow', kinds: { person: false, planet: true }, mystery: 1 });
    expect(patch).toEqual({ dwellMs: 400, kinds: { ...DEFAULT_SETTINGS.kinds, person: false } });
    expect(problems.map((p) => p.path)).toEqual(['settings.hideMs', 'settings.kinds.planet', 'settings.mystery']);
  });
});

describe('hidden entities and choices recovery', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['not a list', 'joe-biden', []],
    ['bad entries', ['joe-biden', 5, 'Bad Id', 'joe-biden', null], ['joe-biden']],
    ['an object', { 0: 'joe-biden' }, []],
  ])('hidden: %s', async (_n, raw, expected) => {
    await fakeBrowser.storage.local.set({ hidden: raw });
    expect(await loadHidden()).toEqual(expected);
  });

  it('hidden round trip de-duplicates', async () => {
    await setHidden(['a', 'b', 'a']);
    expect(await loadHidden()).toEqual(['a', 'b']);
  });

  it.each([
    ['not an object', 'x', {}],
    ['a bad site key', { 'bad site': { Kim: 'kim-jong-un' } }, {}],
    ['a bad id', { 'bbc.com': { Kim: 'Kim Jong Un', Lee: 'lee-jae-myung' } }, { 'bbc.com': { Lee: 'lee-jae-myung' } }],
    ['a site that is a list', { 'bbc.com': ['x'] }, {}],
  ])('choices: %s', async (_n, raw, expected) => {
    await fakeBrowser.storage.local.set({ choices: raw });
    expect(await loadChoices()).toEqual(expected);
  });

  it('setChoice adds and forgets', async () => {
    await setChoice('bbc.com', 'Kim', 'kim-jong-un');
    await setChoice('bbc.com', 'Lee', 'lee-jae-myung');
    await setChoice('bbc.com', 'Kim', null);
    expect(await loadChoices()).toEqual({ 'bbc.com': { Lee: 'lee-jae-myung' } });
    await setChoice('bbc.com', 'Lee', null);
    expect(await loadChoices()).toEqual({});
  });
});

const entity = (id: string): Entity =>
  ({
    id,
    kind: 'place',
    name: `Place ${id}`,
    summary: 'An invented place used by the storage tests.',
    aliases: [],
    sources: ['https://example.org/'],
    reviewed: '2025-01-01',
    placeType: 'city',
  }) as Entity;

describe('custom dataset storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is null when nothing is stored', async () => {
    expect(await loadCustomDataset()).toBeNull();
  });

  it('saves, loads, watches and clears', async () => {
    const seen: (number | null)[] = [];
    const unwatch = watchCustomDataset((d) => seen.push(d ? d.entities.length : null));
    await saveCustomDataset({ entities: [entity('a'), entity('b')], blockers: ['Place a Hotel'], file: 'mine.json' }, new Date('2025-05-01T00:00:00Z'));
    expect(await loadCustomDataset()).toEqual({ entities: [entity('a'), entity('b')], blockers: ['Place a Hotel'], file: 'mine.json', importedAt: '2025-05-01T00:00:00.000Z' });
    await clearCustomDataset();
    expect(await loadCustomDataset()).toBeNull();
    unwatch();
    expect(seen).toEqual([2, null]);
  });

  it('drops stored entries that no longer validate, keeping the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ customDataset: { entities: [entity('a'), { id: 'b', kind: 'place' }, 'junk'], blockers: 'nope', file: 3 } });
    const d = await loadCustomDataset();
    expect(d?.entities.map((e) => e.id)).toEqual(['a']);
    expect(d?.blockers).toEqual([]);
    expect(d?.file).toBe('');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped 2 invalid/));
    warn.mockRestore();
  });

  it.each([['a string', 'x'], ['entities not a list', { entities: {} }]])('treats a damaged value (%s) as no dataset', async (_n, raw) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ customDataset: raw });
    expect(await loadCustomDataset()).toBeNull();
  });

  it('refuses a dataset over the storage budget', async () => {
    const big = Array.from({ length: 18_000 }, (_, i) => ({ ...entity(`p-${i}`), summary: 'x'.repeat(480) }));
    await expect(saveCustomDataset({ entities: big })).rejects.toThrow(StorageQuotaError);
    expect(await loadCustomDataset()).toBeNull();
  });
});
