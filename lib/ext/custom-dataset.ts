/**
 * The reader's custom dataset in `local:customDataset`: entries checked on import
 * (lib/settings/custom-import.ts) that overlay the bundled ones — an entry with a bundled id
 * replaces it, others are added. Re-validated on every read; entries that no longer pass the
 * schema are dropped (and logged) rather than breaking the reader's pages.
 *
 * One storage.local item: the browser has no per-item limit there, only the 10 MiB total
 * (unlimitedStorage is not requested), so saveCustomDataset refuses data over
 * CUSTOM_DATASET_MAX_BYTES with a StorageQuotaError whose message is meant for the reader.
 */
import { storage } from 'wxt/utils/storage';
import type { Entity } from '../dataset/schema';
import { blockerList } from '../dataset/schema';
import { validateEntity } from '../dataset/validate';
import { CUSTOM_DATASET_VERSION, customDatasetMigrations } from '../settings/migrations';
import { CUSTOM_DATASET_MAX_BYTES, StorageQuotaError, explainStorageError, formatBytes, jsonBytes } from '../settings/quota';

export interface CustomDataset {
  entities: Entity[];
  /** Phrases that are not entities, as in data/blockers. */
  blockers: string[];
  /** Name of the imported file, for the options page. */
  file: string;
  /** ISO timestamp of the import. */
  importedAt: string;
}

export const customDatasetItem = storage.defineItem<unknown>('local:customDataset', {
  version: CUSTOM_DATASET_VERSION,
  migrations: customDatasetMigrations,
});

/** Validates a stored value; `dropped` counts entries that failed. */
export function parseStoredDataset(raw: unknown): { dataset: CustomDataset | null; dropped: number } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { dataset: null, dropped: 0 };
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.entities)) return { dataset: null, dropped: 1 };
  const entities: Entity[] = [];
  let dropped = 0;
  for (const e of r.entities) {
    const v = validateEntity(e, 'customDataset');
    if (v.entity) entities.push(v.entity);
    else dropped++;
  }
  const b = blockerList.safeParse(r.blockers ?? []);
  return {
    dataset: {
      entities,
      blockers: b.success ? b.data : [],
      file: typeof r.file === 'string' ? r.file.slice(0, 300) : '',
      importedAt: typeof r.importedAt === 'string' ? r.importedAt.slice(0, 40) : '',
    },
    dropped,
  };
}

function fromStored(raw: unknown): CustomDataset | null {
  const { dataset, dropped } = parseStoredDataset(raw);
  if (dropped) console.warn(`Backstory: dropped ${dropped} invalid custom dataset entr${dropped === 1 ? 'y' : 'ies'} from storage`);
  return dataset;
}

/** The custom entries, or null when there are none. Never throws. */
export async function loadCustomDataset(): Promise<CustomDataset | null> {
  return fromStored(await customDatasetItem.getValue().catch(() => null));
}

/** Stores entries that passed checkCustomDataset; rejects with StorageQuotaError when too big. */
export async function saveCustomDataset(d: { entities: Entity[]; blockers?: string[]; file?: string }, now = new Date()): Promise<void> {
  const value: CustomDataset = { entities: d.entities, blockers: d.blockers ?? [], file: d.file ?? '', importedAt: now.toISOString() };
  const bytes = jsonBytes(value);
  if (bytes > CUSTOM_DATASET_MAX_BYTES)
    throw new StorageQuotaError(`The custom dataset takes ${formatBytes(bytes)}; at most ${formatBytes(CUSTOM_DATASET_MAX_BYTES)} can be stored.`);
  try {
    await customDatasetItem.setValue(value);
  } catch (e) {
    throw explainStorageError(e, 'the custom dataset');
  }
}

export async function clearCustomDataset(): Promise<void> {
  await customDatasetItem.removeValue();
}

/** Calls `cb` with the new custom dataset (null when cleared) whenever it changes. Returns the unwatch function. */
export function watchCustomDataset(cb: (d: CustomDataset | null) => void): () => void {
  return customDatasetItem.watch((v) => cb(fromStored(v)));
}
