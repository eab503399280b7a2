/** Cross-entity QA rules: each is shown to catch a broken dataset; the fixture world passes. */
import { describe, expect, it } from 'vitest';
import { runQa } from '../../lib/dataset/qa';
import { entity, type Entity } from '../../lib/dataset/schema';
import { checkRaw, expectIssue, fmt, mutated, world, type Raw } from './fixtures';

const P = (id: string) => `person/${id}.yaml`;
const S = (id: string) => `summit/${id}.yaml`;
const T = (id: string) => `treaty/${id}.yaml`;

function qaOnly(raw: Raw[], opts: Parameters<typeof runQa>[1] = {}) {
  const entities = raw.map((r) => entity.parse(r) as Entity);
  return runQa(entities, opts);
}

describe('references resolve to an entity of the right kind', () => {
  const cases: [string, string, (e: Raw) => void, string, RegExp][] = [
    ['roles.of unknown', 'ann-alpha', (e) => (e.roles[0].of = 'gammaland'), 'roles[0].of', /unknown id "gammaland"/],
    ['roles.of wrong kind', 'ann-alpha', (e) => (e.roles[0].of = 'alpha-city'), 'roles[0].of', /is a place; expected a country or organization/],
    ['nationality', 'ann-alpha', (e) => (e.nationality = ['league']), 'nationality[0]', /is an organization; expected a country/],
    ['nationality listed twice', 'ann-alpha', (e) => (e.nationality = ['alphaland', 'alphaland']), 'nationality[1]', /listed twice/],
    ['memberships.of', 'alphaland', (e) => (e.memberships[0].of = 'betania'), 'memberships[0].of', /expected an organization/],
    ['parent', 'league-council', (e) => (e.parent = 'nope'), 'parent', /unknown id "nope"/],
    ['parent is not itself', 'league-council', (e) => (e.parent = 'league-council'), 'parent', /refers to the entry itself/],
    ['organization country', 'league', (e) => (e.country = 'league-council'), 'country', /expected a country/],
    ['predecessor', 'league', (e) => (e.predecessor = 'alpha-beta-pact'), 'predecessor', /is a treaty; expected an organization/],
    ['successor', 'league', (e) => (e.successor = 'nope'), 'successor', /unknown id/],
    ['place country', 'alpha-city', (e) => (e.country = ['alpha-city-2']), 'country[0]', /unknown id/],
    ['claimedBy', 'summit-hall', (e) => (e.claimedBy = ['ann-alpha']), 'claimedBy[0]', /is a person; expected a country/],
    ['treaty parties are countries/organisations', 'alpha-beta-pact', (e) => (e.parties = ['alphaland', 'ann-alpha']), 'parties[1]', /is a person; expected a country or organization/],
    ['treaty parties exist', 'alpha-beta-pact', (e) => e.parties.push('gammaland'), 'parties[2]', /unknown id "gammaland"/],
    ['events.party', 'alpha-beta-pact', (e) => (e.events[2].party = 'summit-hall'), 'events[2].party', /expected a country or organization/],
    ['treaty summit', 'alpha-beta-pact', (e) => (e.summit = 'league'), 'summit', /expected a summit/],
    ['treaty predecessor', 'alpha-beta-pact', (e) => (e.predecessor = 'ab-summit-2013'), 'predecessor', /expected a treaty/],
    ['summit venue', 'ab-summit-2013', (e) => (e.venue = 'betania'), 'venue', /expected a place/],
    ['summit host', 'ab-summit-2013', (e) => (e.host = 'summit-hall'), 'host', /expected a country or organization/],
    ['summit countries', 'ab-summit-2013', (e) => (e.countries = ['alphaland', 'league']), 'countries[1]', /expected a country/],
    ['summit organizations', 'ab-summit-2013', (e) => (e.organizations = ['betania']), 'organizations[0]', /expected an organization/],
    ['participants.person', 'ab-summit-2013', (e) => (e.participants[0].person = 'alphaland'), 'participants[0].person', /expected a person/],
    ['participant listed twice', 'ab-summit-2013', (e) => e.participants.push({ ...e.participants[0] }), 'participants[3].person', /listed twice/],
    ['summit previous', 'ab-summit-2014', (e) => (e.previous = 'nope'), 'previous', /unknown id/],
    ['summit next', 'ab-summit-2013', (e) => (e.next = 'alpha-beta-pact'), 'next', /expected a summit/],
    ['summit documents', 'ab-summit-2013', (e) => (e.documents = ['ab-summit-2014']), 'documents[0]', /expected a treaty/],
  ];
  for (const [what, id, mutate, path, message] of cases) {
    it(what, () => expectIssue(checkRaw(mutated(id, mutate)), `/${id}.yaml`, path, message));
  }

  it('an event may name a former party not listed in parties', () => {
    const w = mutated('alpha-beta-pact', (e) => {
      e.parties = ['alphaland'];
      e.events.push({ type: 'withdrawn', date: '2015', party: 'betania' });
    });
    expect(checkRaw(w)).toEqual([]);
  });

  it('external ids (the bundled dataset) resolve for an import', () => {
    const w = world().filter((e) => e.id !== 'league');
    expect(qaOnly(w).some((i) => /unknown id "league"/.test(i.message))).toBe(true);
    const issues = qaOnly(w, { external: new Map([['league', 'organization']]) });
    expect(issues, fmt(issues)).toEqual([]);
  });
});

describe('date intervals are ordered', () => {
  it('role from ≤ to', () => expectIssue(checkRaw(mutated('ann-alpha', (e) => (e.roles[0].to = '2009'))), P('ann-alpha'), 'roles[0].to', /role ends before it starts: 2010-05 is after 2009/));
  it('partial dates that may be equal are accepted', () => {
    expect(checkRaw(mutated('ann-alpha', (e) => (e.roles[1].to = '2005-06')))).toEqual([]);
    expect(checkRaw(mutated('ann-alpha', (e) => (e.roles[1] = { ...e.roles[1], from: '2005-06-10', to: '2005' })))).toEqual([]);
  });
  it('born ≤ died', () => expectIssue(checkRaw(mutated('bob-beta', (e) => (e.died = '1954'))), P('bob-beta'), 'died', /died before born/));
  it('born ≤ roles', () => expectIssue(checkRaw(mutated('ann-alpha', (e) => (e.born = '2006'))), P('ann-alpha'), 'roles[1].from', /before the person was born/));
  it('roles end by death', () => expectIssue(checkRaw(mutated('bob-beta', (e) => (e.died = '2015'))), P('bob-beta'), 'roles[0].to', /after the person died/));
  it('a dead person holds no open-ended role', () =>
    expectIssue(checkRaw(mutated('bob-beta', (e) => delete e.roles[0].to)), P('bob-beta'), 'roles[0].to', /died .* no end date/));
  it('membership from ≤ to', () =>
    expectIssue(checkRaw(mutated('alphaland', (e) => (e.memberships[0].to = '1949'))), 'country/alphaland.yaml', 'memberships[0].to', /membership ends before it starts/));
  it('founded ≤ dissolved', () =>
    expectIssue(checkRaw(mutated('league', (e) => (e.dissolved = '1940'))), 'organization/league.yaml', 'dissolved', /dissolved before founded/));
  it('summit start ≤ end', () => expectIssue(checkRaw(mutated('ab-summit-2013', (e) => (e.end = '2013-05-31'))), S('ab-summit-2013'), 'end', /ends before it starts/));
  it('no date after the as-of date', () => {
    expectIssue(checkRaw(mutated('cy-league', (e) => (e.roles[0].to = '2026'))), P('cy-league'), 'roles[0].to', /after the dataset's as-of date 2025-11-30/);
    expect(checkRaw(mutated('cy-league', (e) => (e.roles[0].to = '2025-11')))).toEqual([]);
  });
  it('roles with the same title do not overlap', () => {
    const w = mutated('ann-alpha', (e) => e.roles.push({ title: 'President of Alphaland', category: 'head-of-state', of: 'alphaland', from: '2014' }));
    expectIssue(checkRaw(w), P('ann-alpha'), 'roles[2]', /overlaps roles\[0\] with the same title "President of Alphaland"/);
  });
  it('same-title roles may touch on a boundary day or be ambiguous', () => {
    const touch = mutated('ann-alpha', (e) => e.roles.push({ title: 'President of Alphaland', category: 'head-of-state', of: 'alphaland', from: '2015-05-10' }));
    expect(checkRaw(touch)).toEqual([]);
    const ambiguous = mutated('ann-alpha', (e) => e.roles.push({ title: 'President of Alphaland', category: 'head-of-state', of: 'alphaland', from: '2015-05' }));
    expect(checkRaw(ambiguous)).toEqual([]);
  });
});

describe('treaty events are sensible', () => {
  it('nothing before the signature', () =>
    expectIssue(checkRaw(mutated('alpha-beta-pact', (e) => (e.events[1].date = '2012'))), T('alpha-beta-pact'), 'events[1].date', /"in-force" \(2012\) is before the treaty was signed/));
  it('a ratification is not before the party signed', () => {
    const w = mutated('alpha-beta-pact', (e) => e.events.push({ type: 'signed', date: '2013-10', party: 'betania' }));
    expectIssue(checkRaw(w), T('alpha-beta-pact'), 'events[2].date', /betania ratified \(2013-09\) before signing \(2013-10\)/);
  });
  it('nothing after the treaty ended', () => {
    const w = mutated('alpha-beta-pact', (e) => e.events.push({ type: 'terminated', date: '2015' }, { type: 'amended', date: '2016' }, { type: 'other', date: '2017', note: 'Commemorated.' }));
    const issues = checkRaw(w);
    expectIssue(issues, T('alpha-beta-pact'), 'events[4].date', /"amended" \(2016\) is after the treaty terminated/);
    expect(issues.filter((i) => i.path === 'events[5].date')).toEqual([]);
  });
  it('resumed needs an earlier suspension', () => {
    const w = mutated('alpha-beta-pact', (e) => e.events.push({ type: 'resumed', date: '2015' }));
    expectIssue(checkRaw(w), T('alpha-beta-pact'), 'events[3].type', /"resumed" without an earlier "suspended"/);
    const ok = mutated('alpha-beta-pact', (e) => e.events.push({ type: 'suspended', date: '2015-02' }, { type: 'resumed', date: '2015' }));
    expect(checkRaw(ok)).toEqual([]);
  });
  it('notice-withdrawn needs a notice by the same party', () => {
    const w = mutated('alpha-beta-pact', (e) => e.events.push({ type: 'notice', date: '2015', party: 'alphaland' }, { type: 'notice-withdrawn', date: '2015-11', party: 'betania' }));
    expectIssue(checkRaw(w), T('alpha-beta-pact'), 'events[4].type', /without an earlier "notice" for betania/);
  });
});

describe('summit participants held the stated role on the summit date', () => {
  it('passes for roles covering the date, including partial dates (2010-05 covers 2013-06-01; 2014-07 vs a role to 2016)', () => {
    expect(checkRaw(world())).toEqual([]);
  });
  it('fails for a title the person never held, listing the titles held', () =>
    expectIssue(
      checkRaw(mutated('ab-summit-2013', (e) => (e.participants[0].role = 'President of Alpha'))),
      S('ab-summit-2013'),
      'participants[0].role',
      /ann-alpha has no role titled "President of Alpha" \(roles: "President of Alphaland", "Minister of Foreign Affairs of Alphaland"\)/,
    ));
  it('fails when the role did not cover the date', () =>
    expectIssue(
      checkRaw(mutated('ab-summit-2013', (e) => (e.participants[0].role = 'Minister of Foreign Affairs of Alphaland'))),
      S('ab-summit-2013'),
      'participants[0].role',
      /did not hold "Minister of Foreign Affairs of Alphaland" on 2013-06-01 \(held 2005 – 2008\)/,
    ));
  it('treats a possible overlap as covering (role from 2013-06 on a summit of 2013-06-01)', () => {
    const w = mutated('bob-beta', (e) => (e.roles[0].from = '2013-06'));
    expect(checkRaw(w)).toEqual([]);
  });
  it('a role that starts the day after does not cover', () => {
    const w = mutated('bob-beta', (e) => (e.roles[0].from = '2013-06-02'));
    expectIssue(checkRaw(w), S('ab-summit-2013'), 'participants[1].role', /did not hold "Prime Minister of Betania" on 2013-06-01/);
  });
  it('a role ending on the summit day covers it', () => {
    const w = mutated('bob-beta', (e) => (e.roles[0].to = '2014-07-01'));
    expect(checkRaw(w)).toEqual([]);
  });
});

describe('series links are symmetric', () => {
  it('A.next = B requires B.previous = A', () =>
    expectIssue(checkRaw(mutated('ab-summit-2014', (e) => delete e.previous)), S('ab-summit-2013'), 'next', /ab-summit-2014\.previous is not set/));
  it('B.previous = A requires A.next = B', () =>
    expectIssue(checkRaw(mutated('ab-summit-2013', (e) => delete e.next)), S('ab-summit-2014'), 'previous', /ab-summit-2013\.next is not set/));
  it('linked summits share the series', () =>
    expectIssue(checkRaw(mutated('ab-summit-2014', (e) => (e.series = 'other'))), S('ab-summit-2013'), 'next', /same series/));
  it('next is not dated before previous', () => {
    const w = mutated('ab-summit-2014', (e) => {
      e.start = '2012';
      e.participants = [];
    });
    expectIssue(checkRaw(w), S('ab-summit-2013'), 'next', /"ab-summit-2014" \(2012\) is dated before "ab-summit-2013"/);
  });
});

describe('aliases are not claimed twice', () => {
  it('an alias of two entities is an error in both files', () => {
    const w = mutated('betania', (e) => (e.aliases = ['Republic of Alpha']));
    const issues = checkRaw(w);
    expectIssue(issues, 'country/betania.yaml', 'aliases[0]', /"Republic of Alpha" is also claimed by alphaland \(aliases\[0\]\)/);
    expectIssue(issues, 'country/alphaland.yaml', 'aliases[0]', /also claimed by betania/);
  });
  it('a display name counts as an alias', () =>
    expectIssue(checkRaw(mutated('betania', (e) => (e.aliases = ['Alpha City']))), 'country/betania.yaml', 'aliases[0]', /also claimed by alpha-city \(name\)/));
  it('normalisation: punctuation, dashes and whitespace', () => {
    const w = mutated('betania', (e) => (e.aliases = ['Republic  of  Alpha.']));
    expectIssue(checkRaw(w), 'country/betania.yaml', 'aliases[0]', /also claimed by alphaland/);
    const w2 = mutated('league', (e) => (e.aliases = ['Alpha-Beta Pact']));
    expectIssue(checkRaw(w2), 'organization/league.yaml', 'aliases[0]', /also claimed by alpha-beta-pact/);
  });
  it('case: exact aliases differing in case do not collide; an insensitive one does', () => {
    expect(checkRaw(mutated('betania', (e) => (e.aliases = ['republic of alpha'])))).toEqual([]);
    const w = mutated('betania', (e) => (e.aliases = [{ text: 'republic of alpha', case: 'insensitive' }]));
    expectIssue(checkRaw(w), 'country/betania.yaml', 'aliases[0]', /also claimed by alphaland/);
  });
  it('abbreviations and native names count', () => {
    expectIssue(checkRaw(mutated('betania', (e) => (e.aliases = [{ text: 'ALP', type: 'abbreviation' }]))), 'country/betania.yaml', 'aliases[0]', /"ALP" is also claimed by alphaland/);
    expectIssue(checkRaw(mutated('betania', (e) => (e.native = [{ lang: 'ko', text: '알파랜드' }]))), 'country/betania.yaml', 'native[0]', /also claimed by alphaland \(native\[0\]\)/);
  });
  it('a native name with match: false is not claimed', () => {
    expect(checkRaw(mutated('betania', (e) => (e.native = [{ lang: 'ko', text: '알파랜드', match: false }])))).toEqual([]);
  });
  it('allowed when both sides mark it ambiguous', () => {
    const w = mutated('betania', (e) => (e.aliases = [{ text: 'Republic of Alpha', ambiguous: true }]));
    expectIssue(checkRaw(w), 'country/alphaland.yaml', 'aliases[0]', /also claimed by betania/); // only one side
    w.find((e) => e.id === 'alphaland')!.aliases[0] = { text: 'Republic of Alpha', ambiguous: true };
    expect(checkRaw(w)).toEqual([]);
  });
  it('allowed for surnames matched only after the full name (or never)', () => {
    const w = mutated('bob-beta', (e) => (e.aliases = [{ text: 'Alpha', type: 'surname' }]));
    expect(checkRaw(w)).toEqual([]);
    const never = mutated('bob-beta', (e) => (e.aliases = [{ text: 'Alpha', type: 'surname', policy: 'never' }]));
    expect(checkRaw(never)).toEqual([]);
  });
  it('a surname with policy always collides', () => {
    const w = mutated('ann-alpha', (e) => (e.aliases = [{ text: 'Beta', type: 'surname', policy: 'always' }]));
    expectIssue(checkRaw(w), P('ann-alpha'), 'aliases[0]', /"Beta" is also claimed by bob-beta/);
  });
  it('an alias equal to a blocker phrase is reported', () =>
    expectIssue(checkRaw(world(), { blockers: ['Republic of Alpha'] }), 'country/alphaland.yaml', 'aliases[0]', /also a blocker phrase/));
  it('an alias that is only punctuation is reported', () =>
    expectIssue(checkRaw(mutated('betania', (e) => (e.aliases = ['...']))), 'country/betania.yaml', 'aliases[0]', /empty after normalisation/));
});

describe('uniqueness and provenance', () => {
  it('duplicate ids', () => {
    const w = world();
    const copy = { ...w[0]!, name: 'Alphaland Two', aliases: [], native: [] };
    const issues = qaOnly([...w, copy], { files: [...w.map((e) => `data/entities/${e.kind}/${e.id}.yaml`), 'data/entities/country/copy.yaml'] });
    expectIssue(issues, 'country/copy.yaml', 'id', /duplicate id "alphaland" \(also in data\/entities\/country\/alphaland\.yaml\)/);
  });
  it('duplicate display names (case/punctuation-insensitive)', () =>
    expectIssue(checkRaw(mutated('betania', (e) => (e.name = 'alphaland'))), 'country/betania.yaml', 'name', /duplicate display name "alphaland" \(also alphaland\)/));
  it('every entry has a source and a summary (also for entries built without the schema)', () => {
    const e = entity.parse(world()[0]) as Entity;
    const issues = runQa([{ ...e, sources: [], summary: '' }]);
    expectIssue(issues, 'alphaland', 'sources', /at least one source/);
    expectIssue(issues, 'alphaland', 'summary', /summary/);
  });
});
