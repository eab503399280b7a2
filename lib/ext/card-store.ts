/**
 * Card data for the service worker: the compiled entity store (generated at build time by
 * `npm run data -- build`), answered in one batch per page.
 */
import storeJson from '../../generated/entities.json';
import type { EntityStore, StoreEntity, StoreMeta } from '../dataset/compile';

const store = storeJson as unknown as EntityStore;

export interface CardBatch {
  meta: StoreMeta;
  entities: Record<string, StoreEntity>;
}

/** The entries for `ids` plus every entry their summit/treaty links point at (for connections). */
export function cardBatch(ids: readonly string[]): CardBatch {
  const out: Record<string, StoreEntity> = {};
  for (const id of ids) {
    const e = store.entities[id];
    if (e) out[id] = e;
  }
  return { meta: store.meta, entities: out };
}

export function storeMeta(): StoreMeta {
  return store.meta;
}
