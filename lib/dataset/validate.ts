/**
 * Schema validation of dataset sources. Pure (no fs): the build script feeds it parsed YAML, the
 * options page feeds it an imported JSON dataset. Every problem is reported, each naming the
 * file, the field path and what is wrong.
 */
import type { z } from 'zod';
import { KINDS, ENTITY_SCHEMAS, blockerList, datasetMeta, type DatasetMeta, type Entity, type Kind } from './schema';

export interface Issue {
  /** The source file (or, for cross-entity checks without files, the entity id). */
  file: string;
  /** Field path such as `roles[0].from`; empty for the whole file. */
  path: string;
  message: string;
}

export interface SourceFile {
  path: string;
  data: unknown;
}

export function formatIssue(i: Issue): string {
  return i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s;
}

type ZIssue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Flattens zod issues into ours, with clearer messages for the common mistakes. `data` is the
 * input at `prefix`'s root (to tell a missing field from a wrong one). One issue per path: a value
 * that fails its format is not also reported as "not a real calendar day".
 */
function convertIssues(file: string, issues: readonly ZIssue[], data: unknown, prefix: readonly PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  const push = (path: readonly PropertyKey[], message: string) => {
    const p = formatPath(path);
    if (seen.has(p)) return;
    seen.add(p);
    out.push({ file, path: p, message });
  };
  for (const i of issues) {
    const rel = i.path;
    const path = [...prefix, ...rel];
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) push([...path, k], 'unknown field (check the spelling against the schema)');
      continue;
    }
    if (rel.length && valueAt(data, rel) === undefined) {
      const expected = i.code === 'invalid_type' ? ` (expected ${i.expected})` : '';
      push(path, `required field is missing${expected}`);
      continue;
    }
    if (i.code === 'invalid_union') {
      // Report the branch whose shape fits (e.g. an alias given as an object with a bad field).
      const branches = (i as { errors?: ZIssue[][] }).errors ?? [];
      const fitting = branches.filter((b) => !b.some((x) => x.code === 'invalid_type' && x.path.length === 0));
      const best = fitting.sort((a, b) => a.length - b.length)[0];
      if (best?.length) {
        for (const x of convertIssues(file, best, valueAt(data, rel), path)) {
          if (seen.has(x.path)) continue;
          seen.add(x.path);
          out.push(x);
        }
      }
      else push(path, 'expected a string, or an object {text, type, case, policy, notBefore, notAfter, ambiguous}');
      continue;
    }
    push(path, i.message);
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `a/b/person/yoon-suk-yeol.yaml` → { folder: 'person', name: 'yoon-suk-yeol' }. */
export function splitSourcePath(path: string): { folder?: string; name: string; ext: string } {
  const parts = path.split(/[\\/]/).filter(Boolean);
  const base = parts.at(-1) ?? '';
  const m = /^(.*?)(\.(?:ya?ml|json))?$/i.exec(base)!;
  const r: { folder?: string; name: string; ext: string } = { name: m[1] ?? base, ext: (m[2] ?? '').toLowerCase() };
  if (parts.length > 1) r.folder = parts.at(-2)!;
  return r;
}

/** Validates one entity object against the schema of its kind. */
export function validateEntity(data: unknown, file: string, prefix: readonly PropertyKey[] = []): { entity?: Entity; errors: Issue[] } {
  if (data === null || data === undefined) return { errors: [{ file, path: formatPath(prefix), message: 'empty: expected an entity mapping (id, kind, name, …)' }] };
  if (!isRecord(data)) return { errors: [{ file, path: formatPath(prefix), message: `expected a mapping of fields, got ${Array.isArray(data) ? 'a list' : typeof data}` }] };
  const kind = data.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    const errors: Issue[] = [
      {
        file,
        path: formatPath([...prefix, 'kind']),
        message: kind === undefined ? `required field is missing (one of ${KINDS.join(', ')})` : `unknown kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(', ')}`,
      },
    ];
    return { errors };
  }
  const r = ENTITY_SCHEMAS[kind as Kind].safeParse(data);
  if (!r.success) return { errors: convertIssues(file, r.error.issues, data, prefix) };
  return { entity: r.data as Entity, errors: [] };
}

export interface ValidateOptions {
  /**
   * Check that the id equals the file name and the kind equals the folder (default true).
   * Files not in a folder named after a kind are reported.
   */
  checkPaths?: boolean;
}

export interface ValidationResult {
  /** The entities that passed the schema (possibly with cross-entity problems still to find). */
  entities: Entity[];
  /** Source file of each entity (parallel to `entities`). */
  files: string[];
  errors: Issue[];
}

/** Schema-checks entity source files: one entity per file, `<kind>/<id>.yaml`. */
export function validateSources(sources: readonly SourceFile[], opts: ValidateOptions = {}): ValidationResult {
  const checkPaths = opts.checkPaths ?? true;
  const entities: Entity[] = [];
  const files: string[] = [];
  const errors: Issue[] = [];
  for (const src of sources) {
    const { entity, errors: errs } = validateEntity(src.data, src.path);
    errors.push(...errs);
    if (checkPaths) {
      const { folder, name } = splitSourcePath(src.path);
      const d = isRecord(src.data) ? src.data : undefined;
      if (d && typeof d.id === 'string' && d.id !== name) errors.push({ file: src.path, path: 'id', message: `"${d.id}" differs from the file name "${name}" (id == file name)` });
      if (!folder || !(KINDS as readonly string[]).includes(folder))
        errors.push({ file: src.path, path: '', message: `file is not in a kind folder (${KINDS.join(', ')})` });
      else if (d && typeof d.kind === 'string' && d.kind !== folder)
        errors.push({ file: src.path, path: 'kind', message: `"${d.kind}" differs from the folder "${folder}" (kind == folder)` });
    }
    if (entity) {
      entities.push(entity);
      files.push(src.path);
    }
  }
  return { entities, files, errors };
}

/** Validates `data/meta.yaml`. */
export function validateMeta(data: unknown, file = 'meta.yaml'): { meta?: DatasetMeta; errors: Issue[] } {
  const r = datasetMeta.safeParse(data);
  if (!r.success) return { errors: convertIssues(file, r.error.issues, data) };
  return { meta: r.data, errors: [] };
}

/** Validates blocker files (YAML lists of phrases). Returns the phrases, de-duplicated, in order. */
export function validateBlockers(sources: readonly SourceFile[]): { blockers: string[]; errors: Issue[] } {
  const seen = new Set<string>();
  const blockers: string[] = [];
  const errors: Issue[] = [];
  for (const src of sources) {
    if (src.data === null || src.data === undefined) continue; // an empty file is an empty list
    const r = blockerList.safeParse(src.data);
    if (!r.success) {
      errors.push(...convertIssues(src.path, r.error.issues, src.data));
      continue;
    }
    for (const b of r.data) {
      if (seen.has(b)) continue;
      seen.add(b);
      blockers.push(b);
    }
  }
  return { blockers, errors };
}

/**
 * Validates a user dataset imported on the options page: either a list of entities or
 * `{ entities: [...], blockers?: [...] }` (JSON, same entity schema as the YAML sources).
 */
export function validateImport(json: unknown, file = 'import'): { entities: Entity[]; blockers: string[]; errors: Issue[] } {
  let list: unknown;
  let blockerData: unknown;
  let prefix: PropertyKey[] = [];
  if (Array.isArray(json)) list = json;
  else if (isRecord(json) && Array.isArray(json.entities)) {
    list = json.entities;
    blockerData = json.blockers;
    prefix = ['entities'];
    for (const k of Object.keys(json))
      if (!['entities', 'blockers', 'meta'].includes(k)) return { entities: [], blockers: [], errors: [{ file, path: k, message: 'unknown field (expected entities, blockers)' }] };
  } else return { entities: [], blockers: [], errors: [{ file, path: '', message: 'expected a list of entities or an object { entities: [...], blockers?: [...] }' }] };

  const entities: Entity[] = [];
  const errors: Issue[] = [];
  (list as unknown[]).forEach((d, i) => {
    const r = validateEntity(d, file, [...prefix, i]);
    errors.push(...r.errors);
    if (r.entity) entities.push(r.entity);
  });
  let blockers: string[] = [];
  if (blockerData !== undefined) {
    const r = blockerList.safeParse(blockerData);
    if (r.success) blockers = [...new Set(r.data)];
    else errors.push(...convertIssues(file, r.error.issues, blockerData, ['blockers']));
  }
  return { entities, blockers, errors };
}
