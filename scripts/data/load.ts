/** Reads the dataset sources from disk: data/entities/<kind>/<id>.yaml, data/blockers/*.yaml, data/meta.yaml. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { DatasetSources } from '../../lib/dataset/check';
import type { Issue, SourceFile } from '../../lib/dataset/validate';

export interface LoadedSources extends DatasetSources {
  entities: SourceFile[];
  blockers: SourceFile[];
  /** Files that could not be read or parsed as YAML. */
  errors: Issue[];
}

const YAML_RE = /\.ya?ml$/i;

function walk(dir: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** Parses one YAML file; every syntax error is reported with its line. */
export function readYaml(file: string, display = file): { data?: unknown; errors: Issue[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { errors: [{ file: display, path: '', message: `cannot read: ${(e as Error).message}` }] };
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length)
    return {
      errors: doc.errors.map((e) => ({
        file: display,
        path: e.linePos ? `line ${e.linePos[0].line}` : '',
        message: `YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  return { data: doc.toJS(), errors: [] };
}

export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

/** Loads every source under `root` (default: ./data). */
export function loadSources(root = 'data'): LoadedSources {
  const base = resolve(root);
  const errors: Issue[] = [];
  const load = (files: string[]): SourceFile[] => {
    const out: SourceFile[] = [];
    for (const f of files) {
      const path = displayPath(f);
      if (!YAML_RE.test(f)) {
        errors.push({ file: path, path: '', message: 'not a .yaml file (dataset sources are YAML)' });
        continue;
      }
      const r = readYaml(f, path);
      errors.push(...r.errors);
      if (!r.errors.length) out.push({ path, data: r.data });
    }
    return out;
  };
  const entityFiles: string[] = [];
  walk(join(base, 'entities'), entityFiles);
  const blockerFiles: string[] = [];
  walk(join(base, 'blockers'), blockerFiles);
  const result: LoadedSources = { entities: load(entityFiles), blockers: load(blockerFiles), errors };
  const metaFile = join(base, 'meta.yaml');
  if (existsSync(metaFile)) {
    const r = readYaml(metaFile, displayPath(metaFile));
    errors.push(...r.errors);
    if (!r.errors.length) result.meta = { path: displayPath(metaFile), data: r.data };
  } else errors.push({ file: displayPath(metaFile), path: '', message: 'missing (asOf, licence)' });
  return result;
}
