/** Schema rules: each one is shown to reject a broken entry, with file, field path and message. */
import { describe, expect, it } from 'vitest';
import { validateBlockers, validateImport, validateMeta, validateSources, formatIssue, splitSourcePath } from '../../lib/dataset/validate';
import { checkRaw, expectIssue, files, fmt, mutated, world, type Raw } from './fixtures';

const F = (id: string, kind: string) => `data/entities/${kind}/${id}.yaml`;

describe('the fixture world', () => {
  it('passes schema and QA', () => {
    const issues = checkRaw(world());
    expect(issues, fmt(issues)).toEqual([]);
  });
});

/** [description, entity id, kind, mutation, expected path, expected message] */
const cases: [string, string, string, (e: Raw) => void, string | RegExp, RegExp][] = [
  ['id must be kebab-case', 'ann-alpha', 'person', (e) => (e.id = 'Ann_Alpha'), 'id', /kebab-case/],
  ['name is required', 'ann-alpha', 'person', (e) => delete e.name, 'name', /required field is missing/],
  ['name may not be blank', 'ann-alpha', 'person', (e) => (e.name = '  '), 'name', /too small|at least/i],
  ['summary is required', 'ann-alpha', 'person', (e) => delete e.summary, 'summary', /required/],
  ['summary must be a real sentence', 'ann-alpha', 'person', (e) => (e.summary = 'Too short.'), 'summary', /at least one real sentence/],
  ['summary at most 500 chars', 'ann-alpha', 'person', (e) => (e.summary = 'x'.repeat(501)), 'summary', /too big|at most/i],
  ['sources required', 'ann-alpha', 'person', (e) => delete e.sources, 'sources', /required/],
  ['at least one source', 'ann-alpha', 'person', (e) => (e.sources = []), 'sources', /at least one https source/],
  ['sources must be https', 'ann-alpha', 'person', (e) => (e.sources = ['http://example.org/x']), 'sources[0]', /https/],
  ['sources must be URLs', 'ann-alpha', 'person', (e) => (e.sources = ['Wikipedia']), 'sources[0]', /https/],
  ['reviewed is required', 'ann-alpha', 'person', (e) => delete e.reviewed, 'reviewed', /required/],
  ['reviewed is a full date', 'ann-alpha', 'person', (e) => (e.reviewed = '2025-01'), 'reviewed', /full date/],
  ['reviewed is a real day', 'ann-alpha', 'person', (e) => (e.reviewed = '2025-02-30'), 'reviewed', /real calendar day/],
  ['unknown fields are rejected', 'ann-alpha', 'person', (e) => (e.birthday = '1950'), 'birthday', /unknown field/],
  ['unknown nested fields are rejected', 'ann-alpha', 'person', (e) => (e.roles[0].titel = 'x'), 'roles[0].titel', /unknown field/],
  ['kind must be known', 'ann-alpha', 'person', (e) => (e.kind = 'human'), 'kind', /unknown kind "human"/],
  ['kind is required', 'ann-alpha', 'person', (e) => delete e.kind, 'kind', /required/],
  ['partial dates: format', 'ann-alpha', 'person', (e) => (e.born = '03/02/1950'), 'born', /YYYY, YYYY-MM or YYYY-MM-DD/],
  ['partial dates: month range', 'ann-alpha', 'person', (e) => (e.born = '1950-13'), 'born', /YYYY/],
  ['partial dates: real day', 'ann-alpha', 'person', (e) => (e.born = '1950-02-30'), 'born', /real calendar day/],
  ['role title required', 'ann-alpha', 'person', (e) => delete e.roles[0].title, 'roles[0].title', /required/],
  ['role category enum', 'ann-alpha', 'person', (e) => (e.roles[0].category = 'king'), 'roles[0].category', /expected one of/i],
  ['role from required', 'ann-alpha', 'person', (e) => delete e.roles[0].from, 'roles[0].from', /required/],
  ['role ended enum', 'ann-alpha', 'person', (e) => (e.roles[0].ended = 'retired'), 'roles[0].ended', /expected one of/i],
  ['role of is an id', 'ann-alpha', 'person', (e) => (e.roles[0].of = 'Alphaland'), 'roles[0].of', /kebab-case/],
  ['alias object needs text', 'ann-alpha', 'person', (e) => (e.aliases = [{ type: 'surname' }]), 'aliases[0].text', /required/],
  ['alias type enum', 'ann-alpha', 'person', (e) => (e.aliases = [{ text: 'Alpha', type: 'nickname' }]), 'aliases[0].type', /expected one of/i],
  ['alias policy enum', 'ann-alpha', 'person', (e) => (e.aliases = [{ text: 'Alpha', type: 'surname', policy: 'sometimes' }]), 'aliases[0].policy', /expected one of/i],
  ['alias case enum', 'ann-alpha', 'person', (e) => (e.aliases = [{ text: 'Alpha', case: 'lower' }]), 'aliases[0].case', /expected one of/i],
  ['alias object is strict', 'ann-alpha', 'person', (e) => (e.aliases = [{ text: 'Alpha', regex: 'x' }]), 'aliases[0].regex', /unknown field/],
  ['alias must be string or object', 'ann-alpha', 'person', (e) => (e.aliases = [42]), 'aliases[0]', /expected a string, or an object/],
  ['alias vetoes are phrases', 'ann-alpha', 'person', (e) => (e.aliases = [{ text: 'Alpha', notBefore: [''] }]), /^aliases\[0\]\.notBefore\[0\]$/, /too small|at least/i],
  ['native lang tag', 'ann-alpha', 'person', (e) => (e.native = [{ lang: 'Korean', text: '앤' }]), 'native[0].lang', /language tag/],
  ['native text required', 'ann-alpha', 'person', (e) => (e.native = [{ lang: 'ko' }]), 'native[0].text', /required/],
  ['nationality ids', 'ann-alpha', 'person', (e) => (e.nationality = 'alphaland'), 'nationality', /expected array/],
  ['country iso2', 'alphaland', 'country', (e) => (e.iso2 = 'ALP'), 'iso2', /invalid|match/i],
  ['membership status enum', 'alphaland', 'country', (e) => (e.memberships[0].status = 'friend'), 'memberships[0].status', /expected one of/i],
  ['membership of required', 'alphaland', 'country', (e) => delete e.memberships[0].of, 'memberships[0].of', /required/],
  ['orgType required', 'league', 'organization', (e) => delete e.orgType, 'orgType', /required/],
  ['orgType enum', 'league', 'organization', (e) => (e.orgType = 'club'), 'orgType', /expected one of/i],
  ['placeType enum', 'alpha-city', 'place', (e) => (e.placeType = 'village'), 'placeType', /expected one of/i],
  ['treaty needs parties', 'alpha-beta-pact', 'treaty', (e) => (e.parties = []), 'parties', /too small|at least/i],
  ['treaty needs events', 'alpha-beta-pact', 'treaty', (e) => (e.events = []), 'events', /too small|at least/i],
  ['treaty event type enum', 'alpha-beta-pact', 'treaty', (e) => (e.events[0].type = 'celebrated'), 'events[0].type', /expected one of/i],
  ['treaty event date', 'alpha-beta-pact', 'treaty', (e) => (e.events[0].date = 'June 2013'), 'events[0].date', /YYYY/],
  ['treatyType enum', 'alpha-beta-pact', 'treaty', (e) => (e.treatyType = 'deal'), 'treatyType', /expected one of/i],
  ['summit start required', 'ab-summit-2013', 'summit', (e) => delete e.start, 'start', /required/],
  ['summit location required', 'ab-summit-2013', 'summit', (e) => delete e.location, 'location', /required/],
  ['participant needs role', 'ab-summit-2013', 'summit', (e) => delete e.participants[0].role, 'participants[0].role', /required/],
  ['participant is strict', 'ab-summit-2013', 'summit', (e) => (e.participants[0].title = 'x'), 'participants[0].title', /unknown field/],
  ['outcomes are sentences', 'ab-summit-2013', 'summit', (e) => (e.outcomes = ['ok']), 'outcomes[0]', /too small|at least/i],
  ['series is an id', 'ab-summit-2013', 'summit', (e) => (e.series = 'Alpha Beta'), 'series', /kebab-case/],
];

describe('schema rules', () => {
  for (const [what, id, kind, mutate, path, message] of cases) {
    it(what, () => {
      const issues = checkRaw(mutated(id, mutate));
      expectIssue(issues, F(id, kind), path, message);
    });
  }

  it('reports all errors of all files at once', () => {
    const w = mutated('ann-alpha', (e) => {
      e.born = 'x';
      e.sources = [];
      e.roles[0].category = 'king';
    });
    w.find((e) => e.id === 'league')!.orgType = 'club';
    const issues = validateSources(files(w)).errors;
    expect(issues.map((i) => `${i.file.split('/').pop()}: ${i.path}`).sort()).toEqual(
      ['ann-alpha.yaml: born', 'ann-alpha.yaml: roles[0].category', 'ann-alpha.yaml: sources', 'league.yaml: orgType'].sort(),
    );
  });

  it('accepts YAML bare years (numbers) as partial dates', () => {
    const w = mutated('ann-alpha', (e) => {
      e.born = 1950;
      e.roles[1].from = 2005;
    });
    expect(checkRaw(w)).toEqual([]);
  });

  it('rejects an empty file and a non-mapping', () => {
    const r = validateSources([
      { path: 'data/entities/person/empty.yaml', data: null },
      { path: 'data/entities/person/list.yaml', data: ['a'] },
    ]);
    expect(r.errors.map(formatIssue)).toEqual([
      'data/entities/person/empty.yaml: empty: expected an entity mapping (id, kind, name, …)',
      'data/entities/person/list.yaml: expected a mapping of fields, got a list',
    ]);
    expect(r.entities).toEqual([]);
  });
});

describe('path rules', () => {
  it('id must equal the file name', () => {
    const w = world();
    const f = files(w);
    f[0]!.path = 'data/entities/country/alpha.yaml';
    const issues = validateSources(f).errors;
    expectIssue(issues, 'country/alpha.yaml', 'id', /differs from the file name "alpha"/);
  });

  it('kind must equal the folder', () => {
    const f = files(world());
    f[0]!.path = 'data/entities/place/alphaland.yaml';
    expectIssue(validateSources(f).errors, 'place/alphaland.yaml', 'kind', /differs from the folder "place"/);
  });

  it('files must sit in a kind folder', () => {
    const f = files(world());
    f[0]!.path = 'data/entities/alphaland.yaml';
    expectIssue(validateSources(f).errors, 'entities/alphaland.yaml', '', /not in a kind folder/);
  });

  it('path checks can be turned off (imports)', () => {
    const f = files(world());
    f[0]!.path = 'whatever.json';
    expect(validateSources(f, { checkPaths: false }).errors).toEqual([]);
  });

  it('splits paths on either separator', () => {
    expect(splitSourcePath('data\\entities\\person\\x-y.yml')).toEqual({ folder: 'person', name: 'x-y', ext: '.yml' });
    expect(splitSourcePath('x.json')).toEqual({ name: 'x', ext: '.json' });
  });
});

describe('meta, blockers and imports', () => {
  it('meta needs asOf and licence', () => {
    expectIssue(validateMeta({ licence: 'x' }).errors, 'meta.yaml', 'asOf', /required/);
    expectIssue(validateMeta({ asOf: '2025-11', licence: 'x' }).errors, 'meta.yaml', 'asOf', /full date/);
    expectIssue(validateMeta({ asOf: '2025-11-30' }).errors, 'meta.yaml', 'licence', /required/);
    expect(validateMeta({ asOf: '2025-11-30', licence: 'CC BY 4.0' }).errors).toEqual([]);
  });

  it('blocker files are lists of phrases; duplicates are merged', () => {
    const r = validateBlockers([
      { path: 'b/a.yaml', data: ['Paris Hilton', 'Michael Jordan'] },
      { path: 'b/b.yaml', data: ['Paris Hilton', 3] },
      { path: 'b/c.yaml', data: { a: 1 } },
      { path: 'b/d.yaml', data: null },
    ]);
    expect(r.blockers).toEqual(['Paris Hilton', 'Michael Jordan']);
    expectIssue(r.errors, 'b/b.yaml', '[1]', /expected string/);
    expectIssue(r.errors, 'b/c.yaml', '', /expected array/);
  });

  it('imports: a list or {entities, blockers}, errors located by index', () => {
    const w = world();
    expect(validateImport(w).errors).toEqual([]);
    const bad = world();
    bad[1]!.iso2 = 'x';
    const r = validateImport({ entities: bad, blockers: ['Foo Bar'] }, 'my.json');
    expect(r.entities).toHaveLength(w.length - 1);
    expect(r.blockers).toEqual(['Foo Bar']);
    expectIssue(r.errors, 'my.json', 'entities[1].iso2', /./);
    expectIssue(validateImport({ entities: [], foo: 1 }).errors, 'import', 'foo', /unknown field/);
    expectIssue(validateImport('nope').errors, 'import', '', /expected a list/);
  });
});

describe('error cascades', () => {
  it('an entry failing the schema still resolves as a reference (one error, not one per referrer)', () => {
    const issues = checkRaw(mutated('league', (e) => (e.orgType = 'club')));
    expect(issues.map((i) => `${i.file}: ${i.path}`)).toEqual(['data/entities/organization/league.yaml: orgType']);
  });
});
