/** The bundled dataset under data/ as it is: schema, cross-checks, compilation. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../lib/dataset/check';
import { compileDataset } from '../../lib/dataset/compile';
import { runQa } from '../../lib/dataset/qa';
import { KINDS } from '../../lib/dataset/schema';
import { validateBlockers, validateMeta, validateSources } from '../../lib/dataset/validate';
import { loadSources } from '../../scripts/data/load';
import { fmt } from './fixtures';

const src = loadSources(resolve(__dirname, '../../data'));
const schema = validateSources(src.entities);

describe('data/ (the bundled dataset)', () => {
  it('every file parses as YAML', () => {
    expect(src.errors, fmt(src.errors)).toEqual([]);
  });

  it('meta.yaml is valid', () => {
    expect(src.meta).toBeDefined();
    const m = validateMeta(src.meta!.data, src.meta!.path);
    expect(m.errors, fmt(m.errors)).toEqual([]);
  });

  it('every entity file passes the schema (id == file name, kind == folder)', () => {
    expect(schema.errors, fmt(schema.errors)).toEqual([]);
  });

  it('blocker files are lists of phrases', () => {
    const b = validateBlockers(src.blockers);
    expect(b.errors, fmt(b.errors)).toEqual([]);
  });

  it('passes every cross-check (references, dates, summit roles, series, aliases, uniqueness)', () => {
    const blockers = validateBlockers(src.blockers).blockers;
    const asOf = validateMeta(src.meta?.data).meta?.asOf;
    const issues = runQa(schema.entities, { files: schema.files, blockers, ...(asOf ? { asOf } : {}) });
    expect(issues, `${issues.length} problem(s):\n${fmt(issues)}`).toEqual([]);
  });

  it('compiles: every entity is in the matcher ids and the store; counts add up', () => {
    const c = checkSources(src);
    if (!c.meta) return; // reported above
    const { matcherInput, store, meta } = compileDataset(c.entities, c.blockers, c.meta);
    expect(matcherInput.ids).toHaveLength(c.entities.length);
    expect(Object.keys(store.entities)).toEqual(matcherInput.ids);
    expect(KINDS.reduce((n, k) => n + meta.counts.kinds[k], 0)).toBe(meta.counts.entities);
    for (const p of matcherInput.patterns) expect(p.entity < matcherInput.ids.length).toBe(true);
  });
});
