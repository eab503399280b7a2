/**
 * The bundled dataset as the options page needs it: names for the hidden list and the index the
 * custom-dataset check runs against. Loaded on first use (a separate chunk of about 1 MB), not
 * with the page.
 */
import { bundledIndex, type BundledIndex } from '../../lib/settings/custom-import';

export interface Bundled {
  names: Map<string, string>;
  index: BundledIndex;
}

let loading: Promise<Bundled> | undefined;

export function loadBundled(): Promise<Bundled> {
  loading ??= Promise.all([import('../../generated/entities.json'), import('../../generated/matcher-input.json')]).then(([store, input]) => {
    const s = (store.default ?? store) as unknown as { entities: Record<string, { name: string; kind: string }> };
    const names = new Map(Object.entries(s.entities).map(([id, e]) => [id, e.name]));
    return { names, index: bundledIndex(s, (input.default ?? input) as never) };
  });
  return loading;
}
