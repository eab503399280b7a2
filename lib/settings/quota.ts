/**
 * Storage quotas the extension lives within. unlimitedStorage is not requested, so storage.local
 * holds 10 MiB (Chrome 114+; Firefox does not enforce one but we keep to the same budget), and
 * storage.sync 100 KiB in items of at most 8 KiB, each counted as key length + JSON length.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync
 */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;
export const LOCAL_QUOTA_BYTES = 10_485_760;

/** What a custom dataset may take of storage.local, leaving room for hidden entities, choices and the rest. */
export const CUSTOM_DATASET_MAX_BYTES = 8 * 1024 * 1024;

/** Files larger than this are refused before they are read (the stored form could never fit). */
export const IMPORT_FILE_MAX_BYTES = 32 * 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 size of a value's JSON, the way the browsers count storage use. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/** "8.0 MB", "512 KB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Raised instead of the browser's terse quota error; the message is for the reader. */
export class StorageQuotaError extends Error {
  override name = 'StorageQuotaError';
}

/** Turns the browsers' quota errors into sentences; other errors pass through unchanged. */
export function explainStorageError(e: unknown, what: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/MAX_WRITE_OPERATIONS/i.test(msg)) return new StorageQuotaError(`Too many changes to ${what} in a short time; the browser limits sync writes. Wait a minute and try again.`);
  if (/QUOTA_BYTES|quota/i.test(msg)) return new StorageQuotaError(`The browser's storage quota for ${what} is full (${msg}).`);
  return e instanceof Error ? e : new Error(msg);
}
