/**
 * Checks a custom dataset the reader imports on the options page: the same entity schema as
 * data/ (lib/dataset/validate.ts), then the dataset QA (lib/dataset/qa.ts) with the bundled ids
 * as external references, then collisions with the bundled aliases and the storage budget.
 * All-or-nothing: `ok` only when there is no problem at all. Pure and async: it yields between
 * batches so it can run on the page's thread, and reports progress; the options page runs it in
 * a Worker when it can.
 */
import { claimsAlias, collisionKey, entityPatterns, patternsCollide, type EntityPattern } from '../dataset/aliases';
import { runQa } from '../dataset/qa';
import { KINDS, type Entity, type Kind } from '../dataset/schema';
import { validateEntity, validateImport, type Issue } from '../dataset/validate';
import type { MatcherInput, PatternSpec } from '../match/types';
import { parseJsonText } from './json';
import { CUSTOM_DATASET_MAX_BYTES, formatBytes, jsonBytes } from './quota';

export interface ImportProblem {
  /** Where in the file: `entities[3].roles[0].from`, `line 4, column 7`, or '' for the whole file. */
  path: string;
  message: string;
}

/** What the check needs to know about the bundled dataset. */
export interface BundledIndex {
  kinds: Record<string, Kind>;
  /** The bundled entities' match patterns (names, aliases, native names), with their entity id. */
  patterns: (Pick<PatternSpec, 'text' | 'type' | 'caseMode' | 'policy' | 'ambiguous'> & { id: string })[];
}

/** From the build's generated/entities.json and generated/matcher-input.json. */
export function bundledIndex(store: { entities: Record<string, { kind: string }> }, input: MatcherInput): BundledIndex {
  const kinds: Record<string, Kind> = {};
  for (const [id, e] of Object.entries(store.entities)) if ((KINDS as readonly string[]).includes(e.kind)) kinds[id] = e.kind as Kind;
  const patterns: BundledIndex['patterns'] = [];
  for (const p of input.patterns) {
    const id = input.ids[p.entity];
    if (p.entity < 0 || id === undefined) continue;
    patterns.push({ id, text: p.text, type: p.type, caseMode: p.caseMode, ...(p.policy ? { policy: p.policy } : {}), ...(p.ambiguous ? { ambiguous: true } : {}) });
  }
  return { kinds, patterns };
}

export interface ImportProgress {
  phase: 'parsing' | 'validating' | 'checking';
  done: number;
  total: number;
}

export interface CustomCheckOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Entities per batch between yields (default 250). */
  batch?: number;
  /** How to give the thread back between batches (default: a macrotask). */
  yieldFn?: () => Promise<void>;
  maxBytes?: number;
}

export interface CustomCheckResult {
  ok: boolean;
  entities: Entity[];
  blockers: string[];
  problems: ImportProblem[];
  /** Stored size of the validated entries. */
  bytes: number;
  /** Ids that replace bundled entries. */
  replaces: string[];
}

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

const fail = (problems: ImportProblem[]): CustomCheckResult => ({ ok: false, entities: [], blockers: [], problems, bytes: 0, replaces: [] });

const toProblem = (i: Issue): ImportProblem => ({ path: i.path, message: i.message });

/** Checks the text of an imported file. */
export async function checkCustomDatasetText(text: string, bundled: BundledIndex, opts: CustomCheckOptions = {}): Promise<CustomCheckResult> {
  opts.onProgress?.({ phase: 'parsing', done: 0, total: 1 });
  await (opts.yieldFn ?? macrotask)();
  const parsed = parseJsonText(text);
  if (!parsed.ok) return fail([{ path: parsed.path, message: parsed.message }]);
  return checkCustomDataset(parsed.value, bundled, opts);
}

/** Checks a parsed dataset: `{ entities: [...], blockers?: [...] }` or a list of entities. */
export async function checkCustomDataset(json: unknown, bundled: BundledIndex, opts: CustomCheckOptions = {}): Promise<CustomCheckResult> {
  const pause = opts.yieldFn ?? macrotask;
  const batch = Math.max(1, opts.batch ?? 250);
  // Shape and blockers first, with an empty entity list so the entities can go in batches.
  let list: unknown[];
  let prefix: (string | number)[];
  let shell: unknown;
  if (Array.isArray(json)) {
    list = json;
    prefix = [];
    shell = [];
  } else if (json !== null && typeof json === 'object' && Array.isArray((json as { entities?: unknown }).entities)) {
    list = (json as { entities: unknown[] }).entities;
    prefix = ['entities'];
    shell = { ...(json as object), entities: [] };
  } else {
    const kind = json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json;
    const hint = json !== null && typeof json === 'object' && 'entities' in json ? ' ("entities" must be a list)' : '';
    return fail([{ path: '', message: `expected a list of entities or an object { "entities": [...] }, got ${kind}${hint}` }]);
  }
  const head = validateImport(shell, 'import');
  const problems: ImportProblem[] = head.errors.map(toProblem);
  if (!list.length) problems.push({ path: prefix.join(''), message: 'the file contains no entities' });

  const entities: Entity[] = [];
  const where: string[] = [];
  for (let i = 0; i < list.length; i += batch) {
    opts.onProgress?.({ phase: 'validating', done: i, total: list.length });
    await pause();
    for (let j = i; j < Math.min(list.length, i + batch); j++) {
      const r = validateEntity(list[j], 'import', [...prefix, j]);
      problems.push(...r.errors.map(toProblem));
      if (r.entity) {
        entities.push(r.entity);
        where.push(prefix.length ? `entities[${j}]` : `[${j}]`);
      }
    }
  }
  opts.onProgress?.({ phase: 'checking', done: list.length, total: list.length });
  await pause();

  // Cross-checks: ids may point at bundled entities; an entry with a bundled id replaces it.
  const own = new Set(entities.map((e) => e.id));
  const external = new Map<string, Kind>();
  for (const [id, kind] of Object.entries(bundled.kinds)) if (!own.has(id)) external.set(id, kind);
  const at = (file: string, path: string) => (path ? `${file}.${path}`.replace('.[', '[') : file);
  for (const i of runQa(entities, { files: where, blockers: head.blockers, external })) problems.push({ path: at(i.file, i.path), message: i.message });

  const replaces: string[] = [];
  entities.forEach((e, i) => {
    const was = bundled.kinds[e.id];
    if (!was) return;
    replaces.push(e.id);
    if (was !== e.kind) problems.push({ path: at(where[i]!, 'kind'), message: `"${e.id}" is a bundled ${was}; an entry replacing it must keep the kind (or use a new id)` });
  });
  problems.push(...bundledAliasCollisions(entities, where, bundled, own));

  if (problems.length) return { ok: false, entities: [], blockers: [], problems, bytes: 0, replaces: [] };
  const bytes = jsonBytes({ entities, blockers: head.blockers });
  const max = opts.maxBytes ?? CUSTOM_DATASET_MAX_BYTES;
  if (bytes > max)
    return fail([
      {
        path: '',
        message: `the entries are valid but take ${formatBytes(bytes)}, more than the ${formatBytes(max)} a custom dataset may use (the browser gives extensions without unlimited storage ${formatBytes(10_485_760)} in all); split the file or keep only the entries you need`,
      },
    ]);
  return { ok: true, entities, blockers: head.blockers, problems: [], bytes, replaces };
}

/** An alias of an imported entry that a bundled entry (not replaced by the import) already claims. */
function bundledAliasCollisions(entities: readonly Entity[], where: readonly string[], bundled: BundledIndex, own: ReadonlySet<string>): ImportProblem[] {
  const byKey = new Map<string, BundledIndex['patterns']>();
  for (const p of bundled.patterns) {
    if (own.has(p.id) || p.type === 'block') continue;
    const k = collisionKey(p.text);
    let l = byKey.get(k);
    if (!l) byKey.set(k, (l = []));
    l.push(p);
  }
  const out: ImportProblem[] = [];
  entities.forEach((e, i) => {
    for (const p of entityPatterns(e)) {
      if (!claimsAlias(p)) continue;
      const hit = byKey.get(collisionKey(p.text))?.find(
        (b) => claimsAlias({ ...b, origin: '' } as EntityPattern) && patternsCollide(p, b) && !(p.ambiguous && b.ambiguous),
      );
      if (hit)
        out.push({
          path: `${where[i]}.${p.origin}`.replace('.[', '['),
          message: `"${p.text}" is also claimed by the bundled entry ${hit.id}${hit.ambiguous ? ' (marked ambiguous there): mark it {"ambiguous": true} here too' : ': drop it, or replace that entry by importing one with the id ' + JSON.stringify(hit.id)}`,
        });
    }
  });
  return out;
}
