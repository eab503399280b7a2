import { describe, expect, it } from 'vitest';
import { fixtureStore } from '../../lib/card/__fixtures__/store';
import { connections } from '../../lib/card/connections';
import { ageAt, distance, timing } from '../../lib/card/format';
import { CardViewCache, cardView, type CardInput } from '../../lib/card/view-model';
import { whyMatched } from '../../lib/card/why';

const store = fixtureStore();
const PAGE = ['yoon-suk-yeol', 'joe-biden', 'fumio-kishida', 'south-korea', 'japan', 'united-states', 'camp-david-summit-2023'];

function view(id: string, articleDate?: string, extra: Partial<CardInput> = {}) {
  const v = cardView({ id, data: store, articleDate, pageEntityIds: PAGE, showLaterEvents: true, ...extra });
  if (!v) throw new Error(`no view for ${id}`);
  return v;
}

const fact = (v: ReturnType<typeof view>, label: string) => v.facts.find((f) => f.label === label);

describe('person: office at the article date and what changed since', () => {
  it('Yoon Suk Yeol in an August 2023 article: president since May 2022, removed April 2025', () => {
    const v = view('yoon-suk-yeol', '2023-08-19');
    expect(v.status.basis).toBe('article');
    expect(v.status.heading).toBe('At the time of this article · 19 Aug 2023');
    expect(v.status.lines[0]).toBe('President of South Korea at the time of this article (since May 2022); removed from office April 2025');
    expect(v.kindLabel).toBe('Person');
    expect(v.native).toEqual([{ lang: 'ko', text: '윤석열' }]);
    expect(fact(v, 'Born')?.text).toBe('18 Dec 1960 (aged 62 at the time of this article)');
    const offices = fact(v, 'Offices')?.items ?? [];
    expect(offices[0]).toMatchObject({ text: 'President of South Korea', current: true, after: false });
  });

  it('Yoon Suk Yeol in a January 2021 article: prosecutor general, not yet president', () => {
    const v = view('yoon-suk-yeol', '2021-01-01');
    expect(v.status.lines[0]).toBe('Prosecutor General of South Korea at the time of this article (since July 2019); resigned March 2021');
    expect(v.status.lines[1]).toBe('Not yet President of South Korea at the time of this article (took office May 2022; removed from office April 2025)');
    expect(fact(v, 'Offices')?.items?.[0]).toMatchObject({ text: 'President of South Korea', after: true, current: false });
  });

  it('without an article date, states everything as of the dataset date and says so', () => {
    const v = view('yoon-suk-yeol');
    expect(v.status.basis).toBe('dataset');
    expect(v.status.heading).toBe('As of the dataset · 30 Nov 2025 (article date unknown)');
    expect(v.status.lines[0]).toBe('No office as of 30 Nov 2025; formerly President of South Korea (May 2022 – April 2025, removed from office)');
    expect(v.status.later).toEqual([]);
  });

  it('hides what happened after the article when the reader turned later events off', () => {
    const v = view('yoon-suk-yeol', '2023-08-19', { showLaterEvents: false });
    expect(v.status.lines[0]).toBe('President of South Korea at the time of this article (since May 2022)');
    const early = view('yoon-suk-yeol', '2021-01-01', { showLaterEvents: false });
    expect(early.status.lines.join(' ')).not.toContain('President');
    expect(fact(early, 'Offices')?.items?.map((i) => i.text)).toEqual(['Prosecutor General of South Korea']);
    expect(early.history).toEqual([]);
    expect(early.historyHidden).toBeGreaterThan(0);
  });

  it('accepts a full timestamp as the article date', () => {
    expect(view('yoon-suk-yeol', '2023-08-18T23:30:00-04:00').status.heading).toBe('At the time of this article · 18 Aug 2023');
  });
});

describe('treaty: status at the article date and later events', () => {
  it('GSOMIA in September 2019: termination notice pending; later suspended and withdrawn', () => {
    const v = view('japan-rok-gsomia', '2019-09-01');
    expect(v.kindLabel).toBe('Agreement');
    expect(v.status.lines).toContain('Status at the time of this article: signed (since 23 Nov 2016)');
    expect(v.status.lines).toContain('Notice of termination by South Korea pending (given 22 Aug 2019)');
    expect(v.status.later.map((l) => l.text)).toEqual(['Suspended (South Korea)', 'Notice withdrawn (South Korea)']);
    expect(v.status.later[0]?.note).toContain('suspended its termination notice');
    expect(fact(v, 'Signed')?.text).toBe('23 Nov 2016');
    expect(fact(v, 'Parties')?.items?.map((i) => i.text)).toEqual(['Japan', 'South Korea']);
  });

  it('GSOMIA in 2024: no notice pending, nothing later', () => {
    const v = view('japan-rok-gsomia', '2024-01-10');
    expect(v.status.lines.join('\n')).not.toContain('pending');
    expect(v.status.later).toEqual([]);
  });

  it('before signature: not yet concluded', () => {
    expect(view('japan-rok-gsomia', '2015-06-01').status.lines[0]).toMatch(/^Not yet concluded at the time of this article/);
  });
});

describe('summit: distance to the article', () => {
  it('Camp David 2023 in a 2024 article is before this article', () => {
    expect(view('camp-david-summit-2023', '2024-08-20').status.lines[0]).toBe('Held 18 Aug 2023: 1 year before this article');
    expect(view('camp-david-summit-2023', '2024-03-01').status.lines[0]).toBe('Held 18 Aug 2023: 6 months before this article');
  });

  it('after this article, and on the same day', () => {
    expect(view('camp-david-summit-2023', '2023-08-01').status.lines[0]).toBe('Held 18 Aug 2023: 17 days after this article');
    expect(view('camp-david-summit-2023', '2023-08-18').status.lines[0]).toBe('Held 18 Aug 2023: at the time of this article');
  });

  it('lists dates, venue, participants, outcomes and its place in the series', () => {
    const v = view('camp-david-summit-2023', '2023-08-19');
    expect(fact(v, 'Venue')?.text).toBe('Camp David, Maryland, United States');
    expect(fact(v, 'Participants')?.items?.[1]).toEqual({ text: 'Yoon Suk Yeol', note: 'President of South Korea' });
    expect(fact(v, 'Outcomes')?.items).toHaveLength(1);
    const series = v.facts.find((f) => f.label.startsWith('Series'));
    expect(series?.label).toBe('Series (2 of 3)');
    expect(series?.items?.[1]).toMatchObject({ note: 'next · 16 Nov 2023', after: true });
  });
});

describe('country and organisation: leaders at the date', () => {
  it('South Korea in 2023: led by Yoon; Lee Jae-myung later', () => {
    const v = view('south-korea', '2023-08-19');
    expect(v.status.lines[0]).toBe('Led at the time of this article by Yoon Suk Yeol (President of South Korea, since May 2022)');
    expect(v.status.later.map((l) => l.text)).toEqual(['Yoon Suk Yeol left office as President of South Korea', 'Lee Jae-myung became President of South Korea']);
    expect(fact(v, 'Capital')?.text).toBe('Seoul');
    expect(fact(v, 'Official name')?.text).toBe('Republic of Korea');
    expect(fact(v, 'Member of')?.items?.[0]).toEqual({ text: 'United Nations', note: 'since September 1991', after: false });
  });

  it('NATO: secretary general at the date, members, founding', () => {
    const v = view('nato', '2023-08-19');
    expect(v.kindLabel).toBe('Alliance');
    expect(v.status.lines[0]).toBe('Headed at the time of this article by Jens Stoltenberg (Secretary General of NATO, since October 2014)');
    expect(v.status.later.map((l) => l.text)).toContain('Mark Rutte became Secretary General of NATO');
    expect(fact(v, 'Founded')?.text).toBe('4 Apr 1949');
    expect(fact(v, 'Headquarters')?.text).toBe('Brussels, Belgium');
    expect(fact(v, 'Members (in this dataset)')?.items?.map((i) => i.text)).toEqual(['United States']);
    expect(view('nato', '1940-01-01').status.lines[0]).toBe('Not yet founded at the time of this article (founded 4 Apr 1949)');
  });

  it('place: country, claims, status', () => {
    const v = view('liancourt-rocks', '2023-08-19');
    expect(v.kindLabel).toBe('Island');
    expect(v.status.lines).toEqual(['Administered by South Korea; claimed by Japan.']);
    expect(fact(v, 'Claimed by')?.text).toBe('South Korea, Japan');
  });
});

describe('history with the other entities on the page', () => {
  it("Yoon's card lists shared summits, most shared first, later ones flagged", () => {
    const v = view('yoon-suk-yeol', '2023-08-19');
    expect(v.history.map((h) => [h.id, h.timing])).toEqual([
      ['camp-david-summit-2023', 'before'],
      ['us-japan-rok-summit-phnom-penh-2022', 'before'],
      ['us-japan-rok-summit-san-francisco-2023', 'after'],
    ]);
    expect(v.history[1]?.with).toEqual(['Joe Biden', 'Fumio Kishida', 'South Korea', 'Japan', 'United States']);
    expect(v.history[0]?.when).toBe('18 Aug 2023');
  });

  it('only entities on the page count', () => {
    const v = view('yoon-suk-yeol', '2023-08-19', { pageEntityIds: ['yoon-suk-yeol', 'nato'] });
    expect(v.history).toEqual([]);
  });
});

describe('connections()', () => {
  const entities = store.entities;

  it('finds summits and treaties shared by at least two of the entities, with before/after flags', () => {
    const c = connections(['joe-biden', 'fumio-kishida', 'japan-rok-gsomia', 'south-korea', 'japan'], entities, '2023-01-01');
    const byId = Object.fromEntries(c.map((x) => [x.id, x]));
    expect(byId['camp-david-summit-2023']).toMatchObject({ kind: 'summit', after: true, before: false, entities: ['joe-biden', 'fumio-kishida', 'south-korea', 'japan'] });
    expect(byId['us-japan-rok-summit-phnom-penh-2022']).toMatchObject({ before: true, after: false });
    // The treaty is on the page itself, so it counts as involved.
    expect(byId['japan-rok-gsomia']).toMatchObject({ kind: 'treaty', date: '2016-11-23', entities: ['japan-rok-gsomia', 'south-korea', 'japan'] });
  });

  it('orders by number of entities involved, then most recent before the article, then later ones', () => {
    const c = connections(['yoon-suk-yeol', 'joe-biden'], entities, '2023-09-01');
    expect(c.map((x) => x.id)).toEqual(['camp-david-summit-2023', 'us-japan-rok-summit-phnom-penh-2022', 'us-japan-rok-summit-san-francisco-2023']);
  });

  it('without an article date: most recent first, undated timing', () => {
    const c = connections(['yoon-suk-yeol', 'joe-biden'], entities);
    expect(c.map((x) => x.id)[0]).toBe('us-japan-rok-summit-san-francisco-2023');
    expect(c.every((x) => x.timing === 'undated' && !x.before && !x.after)).toBe(true);
  });

  it('focus, minShared and hideLater options; unknown ids ignored', () => {
    expect(connections(['yoon-suk-yeol', 'joe-biden', 'nope'], entities, '2023-09-01', { hideLater: true }).map((x) => x.id)).not.toContain('us-japan-rok-summit-san-francisco-2023');
    expect(connections(['japan', 'south-korea', 'joe-biden'], entities, undefined, { focus: 'joe-biden' }).every((x) => x.entities.includes('joe-biden'))).toBe(true);
    expect(connections(['yoon-suk-yeol'], entities, undefined, { minShared: 1 }).length).toBe(3);
    expect(connections(['yoon-suk-yeol'], entities)).toEqual([]);
  });
});

describe('why it matched', () => {
  it('describes each rule', () => {
    expect(whyMatched({ kind: 'alias' }, 'Yoon Suk Yeol', 'Yoon Suk Yeol')).toBe('Matched the name “Yoon Suk Yeol”.');
    expect(whyMatched({ kind: 'alias' }, 'Yoon Suk-yeol', 'Yoon Suk Yeol')).toBe('Matched “Yoon Suk-yeol”, a name for Yoon Suk Yeol.');
    expect(whyMatched({ kind: 'abbreviation' }, 'ROK', 'South Korea')).toBe('Matched the abbreviation “ROK”.');
    expect(whyMatched({ kind: 'native' }, '윤석열', 'Yoon Suk Yeol')).toBe('Matched the native-script name “윤석열”.');
    expect(whyMatched({ kind: 'surname', policy: 'after-full', fullAt: 10 }, 'Yoon', 'Yoon Suk Yeol')).toBe('Surname “Yoon” after “Yoon Suk Yeol” earlier in the article.');
    expect(whyMatched({ kind: 'surname', policy: 'always', title: 'President' }, 'Yoon', 'Yoon Suk Yeol')).toBe('Title and surname “President Yoon”.');
    expect(whyMatched({ kind: 'surname', policy: 'always' }, 'Kishida', 'Fumio Kishida')).toBe('Surname “Kishida”, matched on its own for Fumio Kishida.');
    expect(whyMatched(undefined, 'x', 'y')).toBeUndefined();
    expect(whyMatched({ kind: 'bogus' }, 'x', 'y')).toBeUndefined();
  });
});

describe('helpers and memoisation', () => {
  it('distance, timing, age', () => {
    expect(distance('2023-08-18', '2025-08-20')).toBe('2 years');
    expect(distance('2023-08-18', '2023-08-19')).toBe('1 day');
    expect(timing('2023-08', undefined, '2023-08-18')).toBe('during');
    expect(timing('2023-08-18', '2023-08-19', '2023-08-20')).toBe('before');
    expect(ageAt('1960-12-18', '2023-12-17')).toBe(62);
    expect(ageAt('1960', '2023-06-01')).toBeUndefined();
  });

  it('returns the same view for the same entity, date, page and settings', () => {
    const cache = new CardViewCache();
    const input: CardInput = { id: 'yoon-suk-yeol', data: store, articleDate: '2023-08-19', pageEntityIds: PAGE, showLaterEvents: true };
    const a = cache.get(input);
    expect(cache.get({ ...input, pageEntityIds: [...PAGE] })).toBe(a);
    expect(cache.get({ ...input, articleDate: '2021-01-01' })).not.toBe(a);
    expect(cache.get({ ...input, id: 'missing' })).toBeUndefined();
  });
});
