import { describe, expect, it } from 'vitest';
import { entityPatterns, normaliseAlias } from '../../lib/dataset/aliases';
import { checkSources } from '../../lib/dataset/check';
import { compileDataset, compileMatcherInput, type StoreEntity } from '../../lib/dataset/compile';
import { entity, type Entity } from '../../lib/dataset/schema';
import { fmt, files, META, world } from './fixtures';

function compiled(blockers: string[] = ['Alpha Centauri', 'Alpha Centauri', 'Beta Blocker']) {
  const c = checkSources({ entities: files(world()), blockers: [{ path: 'b.yaml', data: blockers }], meta: { path: 'meta.yaml', data: META } });
  expect(c.errors, fmt(c.errors)).toEqual([]);
  return compileDataset(c.entities, c.blockers, c.meta!);
}

const get = (id: string): StoreEntity => compiled().store.entities[id]!;

describe('entity patterns', () => {
  it('normalises punctuation, dashes, quotes and whitespace but keeps case', () => {
    expect(normaliseAlias('U.S.')).toBe('US');
    expect(normaliseAlias('Alpha–Beta  Pact')).toBe('Alpha-Beta Pact');
    expect(normaliseAlias('Xi’s')).toBe("Xi's");
    expect(normaliseAlias(' Seoul, Korea ')).toBe('Seoul Korea');
  });

  it('takes name, aliases and matchable native names; merges duplicates', () => {
    const e = entity.parse(world().find((x) => x.id === 'alpha-beta-pact')) as Entity;
    expect(entityPatterns(e).map((p) => [p.text, p.type, p.caseMode])).toEqual([['Alpha–Beta Pact', 'name', 'exact']]);
    const p = entity.parse({
      ...world().find((x) => x.id === 'ann-alpha'),
      aliases: [
        'Ann Alpha',
        { text: 'Ann Alpha', notAfter: ['Mrs'] },
        { text: 'ann alpha', case: 'insensitive' },
        { text: 'Alpha', type: 'surname', policy: 'always' },
        { text: 'Alpha', type: 'surname', policy: 'never' },
        { text: 'AA', type: 'abbreviation', ambiguous: true },
      ],
      native: [{ lang: 'ko', text: '앤 알파' }, { lang: 'ja', text: 'アン', match: false }],
    }) as Entity;
    expect(entityPatterns(p).map(({ origin: _o, ...x }) => x)).toEqual([
      { text: 'Ann Alpha', type: 'name', caseMode: 'exact', notAfter: ['Mrs'] }, // kept: adds a veto
      { text: 'ann alpha', type: 'name', caseMode: 'insensitive' },
      { text: 'Alpha', type: 'surname', caseMode: 'exact', policy: 'never' }, // stricter policy wins
      { text: 'AA', type: 'abbreviation', caseMode: 'exact', ambiguous: true },
      { text: '앤 알파', type: 'native', caseMode: 'exact' },
    ]);
  });

  it('skips display names with a parenthesised qualifier', () => {
    const s = entityPatterns(entity.parse(world().find((x) => x.id === 'ab-summit-2013')) as Entity);
    expect(s.map((p) => p.text)).toEqual(['first Alpha-Beta summit']);
  });

  it('drops an exact copy of an insensitive pattern without vetoes', () => {
    const e = entity.parse({ ...world()[1], name: 'Betania', aliases: [{ text: 'betania', case: 'insensitive' }] }) as Entity;
    expect(entityPatterns(e).map((p) => [p.text, p.caseMode])).toEqual([['betania', 'insensitive']]);
  });
});

describe('matcher input', () => {
  it('has sorted ids, patterns pointing into them, then blockers once each', () => {
    const { matcherInput: m } = compiled();
    expect(m.ids).toEqual([...m.ids].sort());
    expect(new Set(m.ids).size).toBe(m.ids.length);
    for (const p of m.patterns) {
      if (p.type === 'block') expect(p.entity).toBe(-1);
      else expect(m.ids[p.entity]).toBeDefined();
    }
    const ann = m.ids.indexOf('ann-alpha');
    expect(m.patterns.filter((p) => p.entity === ann)).toEqual([
      { text: 'Ann Alpha', entity: ann, type: 'name', caseMode: 'exact' },
      { text: 'Alpha Ann', entity: ann, type: 'name', caseMode: 'exact' },
      { text: 'Alpha', entity: ann, type: 'surname', caseMode: 'exact', policy: 'after-full' },
      { text: '앤 알파', entity: ann, type: 'native', caseMode: 'exact' },
    ]);
    expect(m.patterns.filter((p) => p.type === 'block')).toEqual([
      { text: 'Alpha Centauri', entity: -1, type: 'block', caseMode: 'exact' },
      { text: 'Beta Blocker', entity: -1, type: 'block', caseMode: 'exact' },
    ]);
    const alp = m.patterns.find((p) => p.text === 'ALP')!;
    expect(alp).toMatchObject({ type: 'abbreviation', entity: m.ids.indexOf('alphaland') });
  });

  it('is empty for an empty dataset', () => {
    expect(compileMatcherInput([], [])).toEqual({ ids: [], patterns: [] });
  });
});

describe('entity store', () => {
  it('meta: as-of, licence, counts', () => {
    const { meta, store, matcherInput } = compiled();
    expect(meta).toEqual(store.meta);
    expect(meta).toMatchObject({ asOf: '2025-11-30', licence: META.licence });
    expect(meta.counts).toEqual({
      entities: 12,
      aliases: matcherInput.patterns.filter((p) => p.entity >= 0).length,
      blockers: 2,
      kinds: { person: 3, country: 2, organization: 2, place: 2, treaty: 1, summit: 2 },
    });
    expect(store.version).toBe(1);
    expect(Object.keys(store.entities)).toEqual([...matcherInput.ids]);
  });

  it('keeps card fields, drops aliases and notes, lists other names', () => {
    const a = get('alphaland');
    expect(a).toMatchObject({ id: 'alphaland', kind: 'country', name: 'Alphaland', summary: expect.any(String), sources: ['https://example.org/reference'], iso2: 'AL' });
    expect(a).not.toHaveProperty('aliases');
    expect(a).not.toHaveProperty('notes');
    expect(a.aka).toEqual(['Republic of Alpha', 'ALP']);
    expect(a.native).toEqual([{ lang: 'ko', text: '알파랜드' }]);
  });

  it('person: summits taken part in, by date, with the role', () => {
    const ann = get('ann-alpha');
    expect(ann.summits).toEqual([
      { id: 'ab-summit-2013', name: 'Alpha–Beta Summit (2013)', start: '2013-06-01', end: '2013-06-02', series: 'alpha-beta', as: ['participant'], role: 'President of Alphaland' },
      { id: 'ab-summit-2014', name: 'Alpha–Beta Summit (2014)', start: '2014-07', series: 'alpha-beta', as: ['participant'], role: 'President of Alphaland' },
    ]);
    expect(ann.refs).toMatchObject({ alphaland: { name: 'Alphaland', kind: 'country' }, 'ab-summit-2013': { kind: 'summit' } });
  });

  it('country: summits (as country/host) and treaties it is party to', () => {
    const b = get('betania');
    expect(b.summits.map((s) => [s.id, s.as])).toEqual([
      ['ab-summit-2013', ['country', 'host']],
      ['ab-summit-2014', ['country']],
    ]);
    expect(b.treaties).toEqual([
      { id: 'alpha-beta-pact', name: 'Alpha–Beta Pact', treatyType: 'treaty', date: '2013-06-01', as: ['party'], partyEvents: [{ type: 'ratified', date: '2013-09', party: 'betania' }] },
    ]);
    expect(b.officeholders).toEqual([{ person: 'bob-beta', name: 'Bob Beta', title: 'Prime Minister of Betania', category: 'head-of-government', from: '2012-01-15', to: '2016-03-01' }]);
  });

  it('a former party named only in events gets the treaty as "event"', () => {
    const w = world();
    const pact = w.find((e) => e.id === 'alpha-beta-pact')!;
    pact.parties = ['alphaland'];
    const c = checkSources({ entities: files(w), meta: { path: 'm', data: META } });
    const s = compileDataset(c.entities, [], c.meta!).store;
    expect(s.entities.betania!.treaties.map((t) => [t.id, t.as])).toEqual([['alpha-beta-pact', ['event']]]);
  });

  it('organisation: members, summits, officeholders', () => {
    const l = get('league');
    expect(l.members).toEqual([
      { id: 'alphaland', name: 'Alphaland', status: 'member', from: '1950' },
      { id: 'betania', name: 'Betania', from: '1960-03' },
    ]);
    expect(l.summits.map((s) => [s.id, s.as])).toEqual([['ab-summit-2013', ['organization']]]);
    expect(l.officeholders?.map((o) => o.person)).toEqual(['cy-league']);
  });

  it('place: summits held there', () => {
    expect(get('summit-hall').summits.map((s) => [s.id, s.as])).toEqual([['ab-summit-2013', ['venue']]]);
  });

  it('summit and treaty: documents both ways, series list', () => {
    const s = get('ab-summit-2013');
    expect(s.treaties.map((t) => [t.id, t.as])).toEqual([['alpha-beta-pact', ['document']]]);
    expect(s.seriesSummits?.map((x) => x.id)).toEqual(['ab-summit-2013', 'ab-summit-2014']);
    expect(s.refs['ann-alpha']).toEqual({ name: 'Ann Alpha', kind: 'person' });
    expect(get('alpha-beta-pact').summits.map((x) => x.id)).toEqual(['ab-summit-2013']);
  });

  it('derives a summit\'s documents from treaty.summit alone', () => {
    const w = world();
    w.find((e) => e.id === 'ab-summit-2013')!.documents = [];
    const c = checkSources({ entities: files(w), meta: { path: 'm', data: META } });
    const s = compileDataset(c.entities, [], c.meta!).store;
    expect(s.entities['ab-summit-2013']!.treaties.map((t) => t.id)).toEqual(['alpha-beta-pact']);
  });

  it('is JSON-serialisable and deterministic', () => {
    const a = JSON.stringify(compiled().store);
    const b = JSON.stringify(compiled().store);
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual(compiled().store);
  });

  it('works with a dataset missing whole kinds', () => {
    const countries = world().filter((e) => e.kind === 'country');
    for (const c of countries) c.memberships = [];
    const c = checkSources({ entities: files(countries), meta: { path: 'm', data: META } });
    expect(c.errors).toEqual([]);
    const r = compileDataset(c.entities, [], c.meta!);
    expect(r.meta.counts.kinds).toEqual({ person: 0, country: 2, organization: 0, place: 0, treaty: 0, summit: 0 });
  });
});
