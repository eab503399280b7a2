/**
 * Every stored version of `sync:settings` loads: each fixture is what that version wrote, run
 * through the real storage item (so the @wxt-dev/storage migration path is exercised) and then
 * the field-by-field parser. Add a fixture here with every new version in lib/settings/migrations.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineSettingsItem, loadSettings, saveSettings, SETTINGS_VERSION } from '../../lib/ext/settings';
import { runMigrations, settingsMigrations } from '../../lib/settings/migrations';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../lib/settings/schema';

const V1: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  enabled: false,
  disabledSites: ['bbc.com'],
  addedSites: ['example.org'],
  kinds: { ...DEFAULT_SETTINGS.kinds, person: false },
  markStyle: 'background',
  markMode: 'all',
  colours: { ...DEFAULT_SETTINGS.colours, treaty: '#000000' },
  dwellMs: 500,
  hideMs: 0,
  showLaterEvents: false,
  pinByDefault: true,
  theme: 'dark',
  badge: false,
};

/** What each version of the extension stored, keyed by version. */
const FIXTURES: Record<number, unknown> = { 1: V1 };

async function store(value: unknown, version?: number) {
  await fakeBrowser.storage.sync.set({ settings: value, ...(version === undefined ? {} : { settings$: { v: version } }) });
}

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has a fixture and (above v1) a migration for every version', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) {
      expect(FIXTURES[v], `fixture for v${v}`).toBeDefined();
      if (v > 1) expect(settingsMigrations[v], `migration to v${v}`).toBeTypeOf('function');
    }
    expect(Object.keys(settingsMigrations).map(Number).every((v) => v > 1 && v <= SETTINGS_VERSION)).toBe(true);
  });

  for (let v = 1; v <= SETTINGS_VERSION; v++) {
    it(`v${v} data migrates to the current version and parses without resets`, async () => {
      const migrated = runMigrations(structuredClone(FIXTURES[v]), v, SETTINGS_VERSION, settingsMigrations);
      expect(parseSettings(migrated).reset).toEqual([]);
      await store(structuredClone(FIXTURES[v]), v);
      const loaded = await loadSettings(defineSettingsItem());
      expect(loaded.reset).toEqual([]);
      expect(loaded.settings).toEqual(parseSettings(migrated).settings);
      const meta = await fakeBrowser.storage.sync.get('settings$');
      expect(meta.settings$).toEqual({ v: SETTINGS_VERSION });
    });
  }

  it('v1 data loads unchanged', async () => {
    await store(structuredClone(V1), 1);
    const loaded = await loadSettings(defineSettingsItem());
    expect(loaded).toEqual({ settings: V1, reset: [] });
  });

  it('unversioned v1-shaped data (no meta) loads unchanged', async () => {
    await store(structuredClone(V1));
    expect(await loadSettings(defineSettingsItem())).toEqual({ settings: V1, reset: [] });
  });

  it('unversioned garbage is repaired field by field', async () => {
    await store({ enabled: 'yes', markStyle: 'background', dwellMs: -5, kinds: { person: false, country: 'no' }, addedSites: ['ok.example', 'bad host!'], legacyFlag: 1 });
    const { settings, reset } = await loadSettings(defineSettingsItem());
    expect(settings.enabled).toBe(DEFAULT_SETTINGS.enabled);
    expect(settings.markStyle).toBe('background');
    expect(settings.dwellMs).toBe(DEFAULT_SETTINGS.dwellMs);
    expect(settings.kinds).toEqual({ ...DEFAULT_SETTINGS.kinds, person: false });
    expect(settings.addedSites).toEqual(['ok.example']);
    expect(reset).toEqual(expect.arrayContaining(['enabled', 'dwellMs', 'kinds.country', 'addedSites (dropped 1 invalid entries)', 'legacyFlag (unknown, dropped)']));
  });

  it('data written by a newer version keeps the fields this version understands', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await store({ ...V1, newThing: { a: 1 } }, SETTINGS_VERSION + 1);
    const { settings, reset } = await loadSettings(defineSettingsItem());
    expect(settings).toEqual(V1);
    expect(reset).toEqual(['newThing (unknown, dropped)']);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('an empty store gives the defaults, and the first save records the version', async () => {
    expect(await loadSettings(defineSettingsItem())).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
    await saveSettings({ markStyle: 'none' });
    const raw = await fakeBrowser.storage.sync.get(null);
    expect((raw.settings as Settings).markStyle).toBe('none');
  });
});
