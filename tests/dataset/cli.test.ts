/** `npm run data -- check|stats|build` on invented datasets written to a temp folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkSources } from '../../lib/dataset/check';
import { compileDataset } from '../../lib/dataset/compile';
import { loadSources } from '../../scripts/data/load';
import { bigWorld, META, world, type Raw } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'backstory-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeDataset(name: string, entities: Raw[], blockers: string[] = ['Alpha Centauri'], meta: unknown = META): string {
  const dir = join(tmp, name);
  for (const e of entities) {
    mkdirSync(join(dir, 'entities', e.kind), { recursive: true });
    writeFileSync(join(dir, 'entities', e.kind, `${e.id}.yaml`), stringify(e));
  }
  mkdirSync(join(dir, 'blockers'), { recursive: true });
  writeFileSync(join(dir, 'blockers', 'test.yaml'), stringify(blockers));
  writeFileSync(join(dir, 'meta.yaml'), stringify(meta));
  return dir;
}

function run(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts/data.ts'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('data CLI', { timeout: 60_000 }, () => {
  const good = writeDataset('good', world());

  it('check: passes a good dataset with a one-line summary', () => {
    const r = run('check', '--data', good);
    expect(r.out).toMatch(/^no errors — 12 valid entities \(3 person, 2 country, 2 organization, 2 place, 1 treaty, 2 summit\), 1 blockers\n$/);
    expect(r.code).toBe(0);
  });

  it('check: prints every error as file: path: message and exits 1', () => {
    const w = world();
    w.find((e) => e.id === 'ann-alpha')!.born = '2020-02-30';
    w.find((e) => e.id === 'ab-summit-2014')!.previous = 'nope';
    const dir = writeDataset('bad', w);
    writeFileSync(join(dir, 'entities', 'person', 'broken.yaml'), 'id: broken\nkind: person\nname: [unclosed\n');
    const r = run('check', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('bad/entities/person/ann-alpha.yaml: born: not a real calendar day');
    expect(r.out).toContain('bad/entities/summit/ab-summit-2014.yaml: previous: unknown id "nope" (no summit with this id)');
    expect(r.out).toMatch(/bad\/entities\/person\/broken\.yaml: line \d+: YAML: /);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^\d+ error\(s\) — /);

    // With FILES, only their problems are shown (cross-references still see the whole dataset).
    const one = run('check', '--data', dir, join(dir, 'entities/person/ann-alpha.yaml'));
    expect(one.code).toBe(1);
    expect(one.out).toContain('ann-alpha.yaml: born');
    expect(one.out).not.toContain('ab-summit-2014');
    const fine = run('check', '--data', dir, join(dir, 'entities/country/betania.yaml'));
    expect(fine.code).toBe(0);
    expect(fine.out).toMatch(/^no errors in 1 file\(s\)/);
  });

  it('stats --json prints the exact one-line shape', () => {
    const r = run('stats', '--json', '--data', good);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\{"entities": 12, "aliases": \d+, "kinds": \{"person": 3, "country": 2, "organization": 2, "place": 2, "treaty": 1, "summit": 2\}, "asOf": "2025-11-30"\}\n$/);
    expect(Object.keys(JSON.parse(r.out))).toEqual(['entities', 'aliases', 'kinds', 'asOf']);
    const human = run('stats', '--data', good);
    expect(human.out).toMatch(/entities\s+12/);
  });

  it('build writes generated/ and fails on errors', () => {
    const out = join(tmp, 'out');
    const r = run('build', '--data', good, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const input = JSON.parse(readFileSync(join(out, 'matcher-input.json'), 'utf8'));
    expect(input.ids).toContain('ann-alpha');
    const store = JSON.parse(readFileSync(join(out, 'entities.json'), 'utf8'));
    expect(Object.keys(store.entities)).toHaveLength(12);
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8'));
    expect(meta.asOf).toBe('2025-11-30');
    const mod = readFileSync(join(out, 'matcher.ts'), 'utf8');
    expect(mod.length).toBeGreaterThan(0);
    if (/FALLBACK/.test(r.out)) expect(mod).toContain('export const MATCHER_INPUT');

    const bad = writeDataset('bad2', world().map((e) => (e.id === 'betania' ? { ...e, iso2: 'bad' } : e)));
    const out2 = join(tmp, 'out2');
    const f = run('build', '--data', bad, '--out', out2);
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/build failed: 1 error/);
    expect(existsSync(out2)).toBe(false);
  });

  it('build works for a tiny dataset (kinds missing, no blockers)', () => {
    const only = world().filter((e) => e.id === 'league');
    const dir = writeDataset('tiny', only, []);
    const r = run('build', '--data', dir, '--out', join(tmp, 'out3'));
    expect(r.code).toBe(0);
  });
});

describe('speed', { timeout: 60_000 }, () => {
  it('loads, checks and compiles ~1,000 files in under 3 s of CPU; the CLI builds them', () => {
    const w = bigWorld(1000);
    expect(w).toHaveLength(1000);
    const dir = writeDataset('big', w, ['Country Music']);
    // CPU time, not wall time: the bound must hold on a loaded CI box too.
    const cpu0 = process.cpuUsage();
    const src = loadSources(dir);
    const c = checkSources(src);
    expect(c.errors.slice(0, 5)).toEqual([]);
    compileDataset(c.entities, c.blockers, c.meta!);
    const cpu = process.cpuUsage(cpu0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3000);

    const r = run('build', '--data', dir, '--out', join(tmp, 'big-out'));
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/^built .*: 1000 entities, /);
  });
});
