import { describe, expect, it } from 'vitest';
import type { Entity, Person, Treaty } from '../../lib/dataset/schema';
import {
  certainlyBefore,
  certainlyOnOrBefore,
  certainlyOverlap,
  changesSince,
  compareDates,
  contains,
  coverage,
  earliest,
  formatDate,
  formatRange,
  latest,
  mayCoincide,
  parseDate,
  possiblyCovers,
  possiblyOnOrBefore,
  precision,
  rolesAt,
  sortEvents,
  sortRoles,
  toPartialDate,
  treatyDate,
  treatyStatusAt,
} from '../../lib/dataset/time';

describe('partial dates', () => {
  it('parses and knows its precision', () => {
    expect(parseDate('2022')).toEqual({ year: 2022 });
    expect(parseDate('2022-05')).toEqual({ year: 2022, month: 5 });
    expect(parseDate('2022-05-20')).toEqual({ year: 2022, month: 5, day: 20 });
    expect(() => parseDate('May 2022')).toThrow();
    expect(precision('2022')).toBe('year');
    expect(precision('2022-05')).toBe('month');
    expect(precision('2022-05-20')).toBe('day');
  });

  it('earliest/latest bounds, with month lengths and leap years', () => {
    expect(earliest('2022')).toBe('2022-01-01');
    expect(latest('2022')).toBe('2022-12-31');
    expect(earliest('2022-05')).toBe('2022-05-01');
    expect(latest('2022-04')).toBe('2022-04-30');
    expect(latest('2024-02')).toBe('2024-02-29');
    expect(latest('2023-02')).toBe('2023-02-28');
    expect(latest('1900-02')).toBe('1900-02-28');
    expect(latest('2022-05-20')).toBe('2022-05-20');
  });

  it('sorts: by first day, coarser first', () => {
    const ds = ['2022-05-20', '2021', '2022', '2022-05', '2022-05-01', '2022-04-30'];
    expect([...ds].sort(compareDates)).toEqual(['2021', '2022', '2022-04-30', '2022-05', '2022-05-01', '2022-05-20']);
  });

  it('certain vs possible order', () => {
    expect(certainlyBefore('2021', '2022-01-01')).toBe(true);
    expect(certainlyBefore('2022', '2022-05')).toBe(false);
    expect(certainlyBefore('2022-05-20', '2022-05-20')).toBe(false);
    expect(certainlyOnOrBefore('2022-05-20', '2022-05-20')).toBe(true);
    expect(certainlyOnOrBefore('2022-05', '2022-05-20')).toBe(false);
    expect(possiblyOnOrBefore('2022-05', '2022-05-20')).toBe(true);
    expect(possiblyOnOrBefore('2022-05-21', '2022-05-20')).toBe(false);
  });

  it('contains and may coincide', () => {
    expect(contains('2022-05', '2022-05-20')).toBe(true);
    expect(contains('2022', '2022-05')).toBe(true);
    expect(contains('2022-05', '2022-05')).toBe(true);
    expect(contains('2022-05-20', '2022-05')).toBe(false);
    expect(contains('2022-05', '2022-06-01')).toBe(false);
    expect(mayCoincide('2022', '2022-05-20')).toBe(true);
    expect(mayCoincide('2022-06', '2022-05-20')).toBe(false);
  });

  it('formats for display', () => {
    expect(formatDate('2022')).toBe('2022');
    expect(formatDate('2022-05')).toBe('May 2022');
    expect(formatDate('2023-08')).toBe('August 2023');
    expect(formatDate('2023-08-18')).toBe('18 Aug 2023');
    expect(formatDate('2023-01-01')).toBe('1 Jan 2023');
    expect(formatRange('2022-05-10', undefined)).toBe('10 May 2022 – present');
    expect(formatRange('2017', '2022')).toBe('2017 – 2022');
    expect(formatRange('2023-08-18', '2023-08-18')).toBe('18 Aug 2023');
    expect(formatRange(undefined, undefined)).toBe('');
  });

  it('normalises article dates', () => {
    expect(toPartialDate('2023-08-18T23:30:00-04:00')).toBe('2023-08-18');
    expect(toPartialDate('2023-08-18')).toBe('2023-08-18');
    expect(toPartialDate('2023-08')).toBe('2023-08');
    expect(toPartialDate(' 2023 ')).toBe('2023');
    expect(toPartialDate(new Date(Date.UTC(2020, 1, 29)))).toBe('2020-02-29');
    expect(toPartialDate('2023-02-30')).toBeUndefined();
    expect(toPartialDate('2023-13')).toBeUndefined();
    expect(toPartialDate('yesterday')).toBeUndefined();
    expect(toPartialDate(new Date(NaN))).toBeUndefined();
    expect(toPartialDate(undefined)).toBeUndefined();
  });
});

describe('intervals', () => {
  it('coverage: yes / no / maybe', () => {
    expect(coverage({ from: '2022-05' }, '2022-05-20')).toBe('maybe');
    expect(coverage({ from: '2022-05-01' }, '2022-05-20')).toBe('yes');
    expect(coverage({ from: '2022-05-21' }, '2022-05-20')).toBe('no');
    expect(coverage({ from: '2017', to: '2022-05-09' }, '2022-05-10')).toBe('no');
    expect(coverage({ from: '2017', to: '2022-05-10' }, '2022-05-10')).toBe('yes'); // inclusive
    expect(coverage({ from: '2017', to: '2022' }, '2022-05-10')).toBe('maybe');
    expect(coverage({ from: '2017', to: '2022' }, '2021-12-31')).toBe('yes');
    expect(coverage({}, '2000')).toBe('yes');
    expect(coverage({ from: '2022-05-10' }, '2022-05')).toBe('maybe'); // partial query date
    expect(possiblyCovers({ from: '2022-05' }, '2022-05-20')).toBe(true);
  });

  it('certain overlap', () => {
    expect(certainlyOverlap({ from: '2010', to: '2015' }, { from: '2014' })).toBe(true);
    expect(certainlyOverlap({ from: '2010', to: '2015-05-10' }, { from: '2015-05-10' })).toBe(false); // boundary day
    expect(certainlyOverlap({ from: '2010', to: '2015-05' }, { from: '2015-05' })).toBe(false); // ambiguous
    expect(certainlyOverlap({ from: '2010', to: '2012' }, { from: '2013', to: '2014' })).toBe(false);
    expect(certainlyOverlap({ from: '2010' }, { from: '2013' })).toBe(true);
  });
});

const yoonLike: Pick<Person, 'roles'> = {
  roles: [
    { title: 'Prosecutor General', category: 'official', from: '2019-07-25', to: '2021-03-04', ended: 'resigned' },
    { title: 'President of Testland', category: 'head-of-state', of: 'testland', from: '2022-05-10', to: '2025-04-04', ended: 'removed' },
    { title: 'Party Leader', category: 'party-leader', from: '2022-05' },
  ],
};

describe('rolesAt', () => {
  it('returns the roles held on a date, certain first, most senior first', () => {
    const r = rolesAt(yoonLike, '2022-05-20');
    expect(r.map((x) => [x.role.title, x.certain])).toEqual([
      ['President of Testland', true],
      ['Party Leader', false], // from "2022-05": may have started after the 20th
    ]);
    expect(rolesAt(yoonLike, '2022-06-01').map((x) => x.certain)).toEqual([true, true]);
    const r2 = rolesAt(yoonLike, '2022-05-05');
    expect(r2.map((x) => [x.role.title, x.certain])).toEqual([['Party Leader', false]]);
    expect(rolesAt(yoonLike, '2022-05-05', { certainOnly: true })).toEqual([]);
    expect(rolesAt(yoonLike, '2020').map((x) => x.role.title)).toEqual(['Prosecutor General']);
    expect(rolesAt(yoonLike, '2025-04-04').map((x) => x.role.title)).toContain('President of Testland');
    expect(rolesAt(yoonLike, '2025-04-05').map((x) => x.role.title)).not.toContain('President of Testland');
    expect(rolesAt({ roles: [] }, '2020')).toEqual([]);
  });

  it('sortRoles: chronological, open-ended last', () => {
    expect(sortRoles(yoonLike.roles).map((r) => r.title)).toEqual(['Prosecutor General', 'Party Leader', 'President of Testland']);
    expect(sortRoles([{ from: '2020' }, { from: '2020', to: '2021' }]).map((r) => r.to)).toEqual(['2021', undefined]);
  });
});

const gsomiaLike: Pick<Treaty, 'events' | 'treatyType'> = {
  treatyType: 'agreement',
  events: [
    { type: 'in-force', date: '2016-11-23' },
    { type: 'signed', date: '2016-11-23' },
    { type: 'notice', date: '2019-08-22', party: 'korea' },
    { type: 'notice-withdrawn', date: '2019-11-22', party: 'korea' },
    { type: 'suspended', date: '2030-01' },
    { type: 'resumed', date: '2030-06-01' },
    { type: 'terminated', date: '2031' },
  ],
};

describe('treatyStatusAt', () => {
  it('before any event: not yet signed', () => {
    const s = treatyStatusAt(gsomiaLike, '2010');
    expect(s.status).toBe('not-yet-signed');
    expect(s.label).toBe('not yet signed');
    expect(s.since).toBeUndefined();
  });

  it('signed, not yet in force; ratified; in force', () => {
    const t: Pick<Treaty, 'events' | 'treatyType'> = {
      treatyType: 'treaty',
      events: [
        { type: 'signed', date: '1953-10-01' },
        { type: 'ratified', date: '1954-01' },
        { type: 'in-force', date: '1954-11-18' },
      ],
    };
    expect(treatyStatusAt(t, '1953-12-01')).toMatchObject({ status: 'signed', label: 'signed, not yet in force', since: '1953-10-01' });
    expect(treatyStatusAt(t, '1954-06')).toMatchObject({ status: 'signed', label: 'ratified, not yet in force' });
    expect(treatyStatusAt(t, '1954-11-18')).toMatchObject({ status: 'in-force', label: 'in force', since: '1954-11-18' });
    expect(treatyStatusAt(t, '2020')).toMatchObject({ status: 'in-force' });
  });

  it('declarations are "signed" / "adopted", not "not yet in force"', () => {
    expect(treatyStatusAt({ treatyType: 'declaration', events: [{ type: 'signed', date: '2018-04-27' }] }, '2019').label).toBe('signed');
    expect(treatyStatusAt({ treatyType: 'statement', events: [{ type: 'adopted', date: '2005-09-19' }] }, '2019')).toMatchObject({ status: 'adopted', label: 'adopted' });
    expect(treatyStatusAt({ treatyType: 'treaty', events: [{ type: 'adopted', date: '2017-07-07' }] }, '2019').label).toBe('adopted, not yet in force');
  });

  it('same-day events apply in chronological then dataset order', () => {
    expect(treatyStatusAt(gsomiaLike, '2016-11-23').status).toBe('in-force');
  });

  it('notices: pending, then withdrawn', () => {
    const during = treatyStatusAt(gsomiaLike, '2019-09');
    expect(during.status).toBe('in-force');
    expect(during.notice).toMatchObject({ type: 'notice', party: 'korea' });
    expect(treatyStatusAt(gsomiaLike, '2019-12').notice).toBeUndefined();
  });

  it('suspended, resumed, terminated', () => {
    expect(treatyStatusAt(gsomiaLike, '2030-03')).toMatchObject({ status: 'suspended', since: '2030-01' });
    expect(treatyStatusAt(gsomiaLike, '2030-07')).toMatchObject({ status: 'in-force', since: '2030-06-01' });
    expect(treatyStatusAt(gsomiaLike, '2032')).toMatchObject({ status: 'terminated', label: 'terminated' });
  });

  it('events with partial dates that may or may not have happened are listed as uncertain', () => {
    const s = treatyStatusAt(gsomiaLike, '2030-01-15');
    expect(s.status).toBe('in-force');
    expect(s.uncertain.map((e) => e.type)).toEqual(['suspended']);
  });

  it('party events change only that party', () => {
    const npt: Pick<Treaty, 'events' | 'treatyType'> = {
      treatyType: 'treaty',
      events: [
        { type: 'signed', date: '1968-07-01' },
        { type: 'in-force', date: '1970-03-05' },
        { type: 'ratified', date: '1985-12-12', party: 'nk' },
        { type: 'notice', date: '1993-03-12', party: 'nk' },
        { type: 'notice-withdrawn', date: '1993-06-11', party: 'nk' },
        { type: 'withdrawn', date: '2003-01-10', party: 'nk' },
        { type: 'suspended', date: '2010', party: 'x' },
      ],
    };
    const a = treatyStatusAt(npt, '1993-04');
    expect(a.status).toBe('in-force');
    expect(a.parties.nk).toMatchObject({ status: 'ratified', since: '1985-12-12' });
    expect(a.notice).toMatchObject({ party: 'nk' });
    const b = treatyStatusAt(npt, '2011');
    expect(b.status).toBe('in-force');
    expect(b.parties.nk).toMatchObject({ status: 'withdrawn', since: '2003-01-10' });
    expect(b.parties.x).toMatchObject({ status: 'suspended' });
    expect(b.notice).toBeUndefined();
  });

  it('expired, superseded and treaty-wide withdrawal', () => {
    for (const type of ['expired', 'superseded', 'withdrawn'] as const) {
      const s = treatyStatusAt({ treatyType: 'agreement', events: [{ type: 'signed' as const, date: '2000' }, { type, date: '2005' }] }, '2006');
      expect(s.status).toBe(type);
    }
  });

  it('treatyDate and sortEvents', () => {
    expect(treatyDate(gsomiaLike)).toBe('2016-11-23');
    expect(treatyDate({ events: [{ type: 'in-force', date: '1990' }] })).toBe('1990');
    expect(sortEvents([{ date: '2020-01' }, { date: '2019' }, { date: '2020' }]).map((e) => e.date)).toEqual(['2019', '2020', '2020-01']);
  });
});

describe('changesSince', () => {
  const person: Entity = {
    id: 'p',
    kind: 'person',
    name: 'P',
    summary: 'An invented person for tests.',
    aliases: [],
    sources: ['https://example.org'],
    reviewed: '2025-01-01',
    died: '2025-02',
    roles: [
      { title: 'President of Testland', category: 'head-of-state', of: 'testland', from: '2022-05-10', to: '2024-12-14', ended: 'impeached' },
      { title: 'Envoy', category: 'official', from: '2025-01' },
      { title: 'Mayor', category: 'official', from: '2010', to: '2015' },
    ],
  } as Entity;

  it('lists roles ended and started, and death, after the date, sorted', () => {
    const c = changesSince(person, '2023-08-18');
    expect(c.map((x) => [x.date, x.type, x.text])).toEqual([
      ['2024-12-14', 'role-ended', 'Left office as President of Testland (impeached)'],
      ['2025-01', 'role-started', 'Became Envoy'],
      ['2025-02', 'died', 'Died'],
    ]);
    expect(c[0]!.ref).toBe('testland');
  });

  it('flags changes that may coincide with the date as uncertain', () => {
    const c = changesSince(person, '2025-01-10');
    expect(c.find((x) => x.text === 'Became Envoy')).toMatchObject({ uncertain: true });
    expect(c.find((x) => x.type === 'died')?.uncertain).toBeUndefined();
  });

  it('treaty events after the date, with party names', () => {
    const t = {
      id: 't', kind: 'treaty', name: 'T', summary: 'An invented treaty for tests.', aliases: [], sources: ['https://example.org'], reviewed: '2025-01-01',
      treatyType: 'treaty', parties: ['a'],
      events: [{ type: 'signed', date: '2000' }, { type: 'withdrawn', date: '2019-08-02', party: 'a', note: 'After notice.' }],
    } as Entity;
    expect(changesSince(t, '2010', (id) => (id === 'a' ? 'Aland' : undefined)).map((x) => x.text)).toEqual(['Withdrawn (Aland): After notice.']);
  });

  it('memberships and dissolution', () => {
    const o = {
      id: 'o', kind: 'organization', name: 'O', summary: 'An invented organisation for tests.', aliases: [], sources: ['https://example.org'], reviewed: '2025-01-01',
      orgType: 'forum', dissolved: '2024', memberships: [{ of: 'g', from: '2010', to: '2022-03', status: 'observer' }],
    } as Entity;
    expect(changesSince(o, '2000').map((x) => x.text)).toEqual(['Joined g (observer)', 'Left g', 'Dissolved']);
  });

  it('nothing for a date after everything', () => {
    expect(changesSince(person, '2026')).toEqual([]);
  });
});
