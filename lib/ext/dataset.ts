/**
 * The dataset as the service worker serves it: the compiled bundle (generated at build time by
 * `npm run data -- build`), with the reader's imported entries laid over it when there are any.
 */
import inputJson from '../../generated/matcher-input.json';
import storeJson from '../../generated/entities.json';
import { encodeKinds } from '../dataset/kind-codes';
import type { EntityStore, StoreEntity, StoreMeta } from '../dataset/compile';
import { overlayMatcherInput, overlayStore } from '../dataset/overlay';
import { compileMatcher } from '../match/compile';
import type { MatcherInput, MatcherTables } from '../match/types';
import { loadCustomDataset } from './custom-dataset';

const bundledStore = storeJson as unknown as EntityStore;
const bundledInput = inputJson as unknown as MatcherInput;

export interface Overlay {
  /** Changes whenever the imported entries change (content scripts reload tables then). */
  version: string;
  store: EntityStore;
  tables: MatcherTables;
  kinds: string;
}

let overlay: Promise<Overlay | null> | null = null;

/** The overlay for the current imported entries, built once and kept until they change. */
export function currentOverlay(): Promise<Overlay | null> {
  overlay ??= (async () => {
    const custom = await loadCustomDataset();
    if (!custom || custom.entities.length === 0) return null;
    const store = overlayStore(bundledStore, custom.entities);
    const input = overlayMatcherInput(bundledInput, custom.entities, custom.blockers);
    return {
      version: `${custom.importedAt}:${custom.entities.length}`,
      store,
      tables: compileMatcher(input),
      kinds: encodeKinds(input.ids, (id) => store.entities[id]?.kind ?? 'organization'),
    };
  })().catch((e: unknown) => {
    console.warn('Backstory: imported entries could not be applied; using the bundled dataset.', e);
    return null;
  });
  return overlay;
}

export function invalidateOverlay(): void {
  overlay = null;
}

export interface CardBatch {
  meta: StoreMeta;
  entities: Record<string, StoreEntity>;
}

/** Card data for `ids` in one batch (unknown ids are left out). */
export async function cardBatch(ids: readonly string[]): Promise<CardBatch> {
  const store = (await currentOverlay())?.store ?? bundledStore;
  const out: Record<string, StoreEntity> = {};
  for (const id of ids) {
    const e = store.entities[id];
    if (e) out[id] = e;
  }
  return { meta: store.meta, entities: out };
}
