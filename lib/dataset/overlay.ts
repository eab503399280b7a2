/**
 * A reader's imported entries laid over the bundled dataset: an entry whose id is bundled
 * replaces it, others are added. Works from the compiled artefacts the extension ships
 * (matcher input + entity store), since the raw YAML is not in the extension.
 */
import type { MatcherInput, PatternSpec } from '../match/types';
import { entityPatterns, toPatternSpec } from './aliases';
import { compileStore, type EntityStore, type StoreEntity } from './compile';
import type { Entity, Kind } from './schema';

/** Bundled patterns of replaced entities go; imported entities' patterns and blockers come in. */
export function overlayMatcherInput(base: MatcherInput, custom: readonly Entity[], blockers: readonly string[] = []): MatcherInput {
  const replaced = new Set(custom.map((e) => e.id));
  const ids = [...base.ids];
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const patterns: PatternSpec[] = base.patterns.filter((p) => p.entity < 0 || !replaced.has(base.ids[p.entity]!));
  for (const e of custom) {
    let i = index.get(e.id);
    if (i === undefined) {
      i = ids.length;
      ids.push(e.id);
      index.set(e.id, i);
    }
    for (const p of entityPatterns(e)) patterns.push(toPatternSpec(p, i));
  }
  for (const b of blockers) if (b.trim()) patterns.push({ text: b.trim(), entity: -1, type: 'block', caseMode: 'exact' });
  return { ids, patterns };
}

/** A bundled store entry back in authoring shape, so relations to imported entries can be derived. */
function asEntity(e: StoreEntity): Entity {
  const { aka: _a, refs: _r, summits: _s, treaties: _t, members: _m, officeholders: _o, seriesSummits: _ss, ...rest } = e as StoreEntity & Record<string, unknown>;
  return { ...(rest as object), aliases: [] } as unknown as Entity;
}

/**
 * The store with imported entries in place. Relations are derived again over the whole set, so
 * a bundled person's card lists an imported summit; bundled entries keep their own "also known as".
 */
export function overlayStore(base: EntityStore, custom: readonly Entity[]): EntityStore {
  const replaced = new Set(custom.map((e) => e.id));
  const all = [...custom, ...Object.values(base.entities).filter((e) => !replaced.has(e.id)).map(asEntity)];
  const kinds = Object.fromEntries(Object.keys(base.meta.counts.kinds).map((k) => [k, 0])) as Record<Kind, number>;
  for (const e of all) kinds[e.kind]++;
  const meta = { ...base.meta, counts: { ...base.meta.counts, entities: all.length, kinds } };
  const derived = compileStore(all, meta);
  const entities: Record<string, StoreEntity> = {};
  for (const [id, e] of Object.entries(derived.entities)) {
    const bundled = replaced.has(id) ? undefined : base.entities[id];
    entities[id] = bundled ? ({ ...e, aka: bundled.aka } as StoreEntity) : e;
  }
  return { version: 1, meta, entities };
}
