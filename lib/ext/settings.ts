/**
 * Stored reader data, behind @wxt-dev/storage items. lib/ext/ is the one part of lib/ that may
 * touch extension APIs: it adapts storage to the pure schemas in lib/settings. Versions and
 * migrations live in lib/settings/migrations.ts; every read is validated and repaired field by
 * field (lib/settings/schema.ts), so a damaged value never crashes a reader.
 *
 * - `sync:settings`: Settings, synced across the reader's browsers where supported (one item,
 *   so at most 8 KiB: saveSettings refuses more with a StorageQuotaError).
 * - `local:hidden`: entity ids the reader does not want marked.
 * - `local:choices`: remembered picks for ambiguous mentions, per site and alias text.
 */
import { storage } from 'wxt/utils/storage';
import {
  CHOICES_VERSION,
  HIDDEN_VERSION,
  SETTINGS_VERSION,
  choicesMigrations,
  hiddenMigrations,
  settingsMigrations,
} from '../settings/migrations';
import { SYNC_QUOTA_BYTES_PER_ITEM, StorageQuotaError, explainStorageError, formatBytes, jsonBytes } from '../settings/quota';
import {
  DEFAULT_SETTINGS,
  parseChoices,
  parseHidden,
  parseSettings,
  type Choices,
  type ParsedSettings,
  type Settings,
} from '../settings/schema';

export { SETTINGS_VERSION };
export type { Choices };

/** A fresh item for `sync:settings` (tests define their own to run the migrations again). */
export function defineSettingsItem() {
  return storage.defineItem<unknown>('sync:settings', { version: SETTINGS_VERSION, migrations: settingsMigrations });
}

export const settingsItem = defineSettingsItem();
export const hiddenItem = storage.defineItem<unknown>('local:hidden', { version: HIDDEN_VERSION, migrations: hiddenMigrations });
export const choicesItem = storage.defineItem<unknown>('local:choices', { version: CHOICES_VERSION, migrations: choicesMigrations });

type Item = ReturnType<typeof defineSettingsItem>;

/** Settings with every invalid field reset to its default; `reset` says which. Never throws. */
export async function loadSettings(item: Item = settingsItem): Promise<ParsedSettings> {
  try {
    return parseSettings(await item.getValue());
  } catch (e) {
    return { settings: structuredClone(DEFAULT_SETTINGS), reset: [`(storage unreadable: ${String(e)})`] };
  }
}

// Writes go one after another, so two quick changes never read the same old value.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function writeSettings(next: Settings): Promise<void> {
  const bytes = jsonBytes(next) + 'settings'.length;
  if (bytes > SYNC_QUOTA_BYTES_PER_ITEM)
    throw new StorageQuotaError(
      `Settings would take ${formatBytes(bytes)}, more than the ${formatBytes(SYNC_QUOTA_BYTES_PER_ITEM)} browser sync allows; remove some added or turned-off sites.`,
    );
  try {
    await settingsItem.setValue(next);
  } catch (e) {
    throw explainStorageError(e, 'settings');
  }
}

/** Applies a patch over the stored settings (invalid patch fields are dropped). Rejects with StorageQuotaError. */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return serial(async () => {
    const { settings } = await loadSettings();
    const next = parseSettings({ ...settings, ...patch }).settings;
    await writeSettings(next);
    return next;
  });
}

/** Replaces the stored settings (the repaired value after a reset, an import, or the defaults). */
export function replaceSettings(settings: Settings): Promise<Settings> {
  return serial(async () => {
    const next = parseSettings(settings).settings;
    await writeSettings(next);
    return next;
  });
}

/** Calls `cb` with the parsed settings on every change (from any context or synced browser). */
export function watchSettings(cb: (s: ParsedSettings) => void): () => void {
  return settingsItem.watch((v) => cb(parseSettings(v)));
}

export async function loadHidden(): Promise<string[]> {
  return parseHidden(await hiddenItem.getValue().catch(() => null)).ids;
}

export async function setHidden(ids: readonly string[]): Promise<void> {
  try {
    await hiddenItem.setValue(parseHidden([...ids]).ids);
  } catch (e) {
    throw explainStorageError(e, 'hidden entities');
  }
}

export function watchHidden(cb: (ids: string[]) => void): () => void {
  return hiddenItem.watch((v) => cb(parseHidden(v).ids));
}

export async function loadChoices(): Promise<Choices> {
  return parseChoices(await choicesItem.getValue().catch(() => null)).choices;
}

export async function setChoices(all: Choices): Promise<void> {
  try {
    await choicesItem.setValue(parseChoices(all).choices);
  } catch (e) {
    throw explainStorageError(e, 'remembered choices');
  }
}

/** Remembers (or, with `id` null, forgets) the reader's pick for `text` on `site`. */
export async function setChoice(site: string, text: string, id: string | null): Promise<void> {
  const all = await loadChoices();
  const forSite = { ...(all[site] ?? {}) };
  if (id) forSite[text] = id;
  else delete forSite[text];
  if (Object.keys(forSite).length) all[site] = forSite;
  else delete all[site];
  await setChoices(all);
}

export function watchChoices(cb: (c: Choices) => void): () => void {
  return choicesItem.watch((v) => cb(parseChoices(v).choices));
}
