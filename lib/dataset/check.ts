/**
 * The whole check of a dataset's sources — schema, paths, meta, blockers and cross-entity QA —
 * in one pure call (the CLI reads the files; the options page passes imported JSON).
 */
import { runQa } from './qa';
import { KINDS, type DatasetMeta, type Entity, type Kind } from './schema';
import { validateBlockers, validateMeta, validateSources, type Issue, type SourceFile, type ValidateOptions } from './validate';

export interface DatasetSources {
  entities: readonly SourceFile[];
  blockers?: readonly SourceFile[];
  /** Parsed meta.yaml; omit to skip the meta checks (and the as-of date check). */
  meta?: SourceFile;
}

export interface CheckedDataset {
  entities: Entity[];
  /** Source file of each entity (parallel to `entities`). */
  files: string[];
  blockers: string[];
  meta?: DatasetMeta;
  errors: Issue[];
}

export function checkSources(src: DatasetSources, opts: ValidateOptions = {}): CheckedDataset {
  const v = validateSources(src.entities, opts);
  const b = validateBlockers(src.blockers ?? []);
  const errors: Issue[] = [...v.errors, ...b.errors];
  let meta: DatasetMeta | undefined;
  if (src.meta) {
    const m = validateMeta(src.meta.data, src.meta.path);
    errors.push(...m.errors);
    meta = m.meta;
  }
  // Entries that failed the schema still exist: references to them are not reported again.
  const valid = new Set(v.entities.map((e) => e.id));
  const external = new Map<string, Kind>();
  for (const f of src.entities) {
    const d = f.data as { id?: unknown; kind?: unknown } | null;
    if (d && typeof d === 'object' && typeof d.id === 'string' && !valid.has(d.id) && (KINDS as readonly unknown[]).includes(d.kind))
      external.set(d.id, d.kind as Kind);
  }
  errors.push(...runQa(v.entities, { files: v.files, blockers: b.blockers, external, ...(meta ? { asOf: meta.asOf } : {}) }));
  const result: CheckedDataset = { entities: v.entities, files: v.files, blockers: b.blockers, errors };
  if (meta) result.meta = meta;
  return result;
}
