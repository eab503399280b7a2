/**
 * Versions of stored data, in one place. @wxt-dev/storage keeps each item's version in a
 * `<key>$` meta entry and, when an item's `version` grows, runs `migrations[n]` for every n from
 * the stored version + 1 up to it (an item without meta counts as v1).
 *
 * To change a stored shape: bump the version here, add `migrations[n]` taking the v(n-1) value
 * to v(n), add a v(n-1) fixture to tests/unit/settings-migrations.test.ts. Migrations only
 * reshape; validation (and field-by-field repair) always happens on read, after them, so a
 * migration never has to cope with garbage beyond not throwing.
 */
export type Migrations = Record<number, (old: unknown) => unknown>;

/** `sync:settings`: v1 is the shape of lib/settings/schema.ts. */
export const SETTINGS_VERSION = 1;
export const settingsMigrations: Migrations = {};

/** `local:hidden`: v1 is a list of entity ids. */
export const HIDDEN_VERSION = 1;
export const hiddenMigrations: Migrations = {};

/** `local:choices`: v1 is { site host: { alias text: entity id } }. */
export const CHOICES_VERSION = 1;
export const choicesMigrations: Migrations = {};

/** `local:customDataset`: v1 is { entities, blockers, file, importedAt }. */
export const CUSTOM_DATASET_VERSION = 1;
export const customDatasetMigrations: Migrations = {};

/** Runs the migrations of `migrations` from `from` to `to` on a value (what the storage item does on load). */
export function runMigrations(value: unknown, from: number, to: number, migrations: Migrations): unknown {
  let v = value;
  for (let n = from + 1; n <= to; n++) v = migrations[n]?.(v) ?? v;
  return v;
}
