/**
 * A small invented, internally consistent dataset for the checks' tests: two countries, an
 * organisation with a sub-body, two places, three people, a treaty and two summits of a series.
 * `world()` returns fresh raw source objects (as parsed from YAML) each time.
 */
import { expect } from 'vitest';
import { checkSources } from '../../lib/dataset/check';
import type { Issue, SourceFile } from '../../lib/dataset/validate';

// Raw, pre-schema objects: tests mutate them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Raw = Record<string, any>;

const SRC = ['https://example.org/reference'];
const REV = '2025-01-01';

export function world(): Raw[] {
  return [
    {
      id: 'alphaland',
      kind: 'country',
      name: 'Alphaland',
      summary: 'An invented country used in the dataset tests.',
      aliases: ['Republic of Alpha', { text: 'ALP', type: 'abbreviation' }],
      native: [{ lang: 'ko', text: '알파랜드' }],
      iso2: 'AL',
      memberships: [{ of: 'league', from: '1950', status: 'member' }],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'betania',
      kind: 'country',
      name: 'Betania',
      summary: 'Another invented country used in the dataset tests.',
      memberships: [{ of: 'league', from: '1960-03' }],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'league',
      kind: 'organization',
      name: 'League of Invented Nations',
      summary: 'An invented international organisation for tests.',
      aliases: [{ text: 'LIN', type: 'abbreviation' }],
      orgType: 'international',
      founded: '1945-10-24',
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'league-council',
      kind: 'organization',
      name: 'Council of the League',
      summary: 'The invented executive body of the invented league.',
      orgType: 'international',
      parent: 'league',
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'alpha-city',
      kind: 'place',
      name: 'Alpha City',
      summary: 'The invented capital of the invented Alphaland.',
      placeType: 'capital',
      country: ['alphaland'],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'summit-hall',
      kind: 'place',
      name: 'Summit Hall',
      summary: 'An invented venue where invented summits are held.',
      placeType: 'venue',
      country: ['betania'],
      claimedBy: ['alphaland'],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'ann-alpha',
      kind: 'person',
      name: 'Ann Alpha',
      summary: 'An invented politician who led the invented Alphaland.',
      aliases: ['Alpha Ann', { text: 'Alpha', type: 'surname' }],
      native: [{ lang: 'ko', text: '앤 알파' }],
      born: '1950-02-03',
      nationality: ['alphaland'],
      roles: [
        { title: 'President of Alphaland', category: 'head-of-state', of: 'alphaland', from: '2010-05', to: '2015-05-10', ended: 'term-ended' },
        { title: 'Minister of Foreign Affairs of Alphaland', category: 'foreign-minister', of: 'alphaland', from: '2005', to: '2008' },
      ],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'bob-beta',
      kind: 'person',
      name: 'Bob Beta',
      summary: 'An invented politician who led the invented Betania.',
      aliases: [{ text: 'Beta', type: 'surname', policy: 'always' }],
      born: '1955',
      died: '2020-07-01',
      roles: [{ title: 'Prime Minister of Betania', category: 'head-of-government', of: 'betania', from: '2012-01-15', to: '2016-03-01' }],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'cy-league',
      kind: 'person',
      name: 'Cy League',
      summary: 'An invented head of the invented league.',
      roles: [{ title: 'Secretary-General of the League', category: 'secretary-general', of: 'league', from: '2012' }],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'alpha-beta-pact',
      kind: 'treaty',
      name: 'Alpha–Beta Pact',
      summary: 'An invented bilateral treaty between the two invented countries.',
      aliases: ['Alpha-Beta Pact'],
      treatyType: 'treaty',
      parties: ['alphaland', 'betania'],
      events: [
        { type: 'signed', date: '2013-06-01' },
        { type: 'in-force', date: '2014-01' },
        { type: 'ratified', date: '2013-09', party: 'betania' },
      ],
      summit: 'ab-summit-2013',
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'ab-summit-2013',
      kind: 'summit',
      name: 'Alpha–Beta Summit (2013)',
      summary: 'An invented first summit of the two invented countries.',
      aliases: ['first Alpha-Beta summit'],
      start: '2013-06-01',
      end: '2013-06-02',
      location: 'Summit Hall, Betania',
      venue: 'summit-hall',
      host: 'betania',
      countries: ['alphaland', 'betania'],
      organizations: ['league'],
      participants: [
        { person: 'ann-alpha', role: 'President of Alphaland' },
        { person: 'bob-beta', role: 'Prime Minister of Betania' },
        { person: 'cy-league', role: 'Secretary-General of the League' },
      ],
      series: 'alpha-beta',
      next: 'ab-summit-2014',
      outcomes: ['The invented pact was signed.'],
      documents: ['alpha-beta-pact'],
      sources: SRC,
      reviewed: REV,
    },
    {
      id: 'ab-summit-2014',
      kind: 'summit',
      name: 'Alpha–Beta Summit (2014)',
      summary: 'An invented second summit of the two invented countries.',
      start: '2014-07',
      location: 'Alpha City, Alphaland',
      venue: 'alpha-city',
      host: 'alphaland',
      countries: ['alphaland', 'betania'],
      participants: [
        { person: 'ann-alpha', role: 'President of Alphaland' },
        { person: 'bob-beta', role: 'Prime Minister of Betania' },
      ],
      series: 'alpha-beta',
      previous: 'ab-summit-2013',
      sources: SRC,
      reviewed: REV,
    },
  ];
}

export const META = { asOf: '2025-11-30', licence: 'CC BY 4.0 (test)' };

const PATH = Symbol('path');

/** Source files for entities at their canonical paths (as they were before `mutated` changed them). */
export function files(entities: Raw[]): SourceFile[] {
  return entities.map((e) => ({ path: e[PATH as unknown as string] ?? `data/entities/${e.kind}/${e.id}.yaml`, data: e }));
}

/** Runs the whole check (schema, paths, blockers, meta, QA) on raw entities. */
export function checkRaw(entities: Raw[], opts: { blockers?: string[]; meta?: unknown } = {}): Issue[] {
  return checkSources({
    entities: files(entities),
    blockers: opts.blockers ? [{ path: 'data/blockers/test.yaml', data: opts.blockers }] : [],
    meta: { path: 'data/meta.yaml', data: opts.meta ?? META },
  }).errors;
}

/** A fresh world with `mutate` applied to the entity `id` (or to the whole list when id is '*'). */
export function mutated(id: string, mutate: (e: Raw, all: Raw[]) => void): Raw[] {
  const w = world();
  for (const e of w) Object.defineProperty(e, PATH, { value: `data/entities/${e.kind}/${e.id}.yaml`, enumerable: false });
  if (id === '*') mutate({}, w);
  else {
    const e = w.find((x) => x.id === id);
    if (!e) throw new Error(`no fixture ${id}`);
    mutate(e, w);
  }
  return w;
}

export function fmt(issues: Issue[]): string {
  return issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n');
}

/** Asserts at least one issue in `file` (suffix) at `path` whose message matches. */
export function expectIssue(issues: Issue[], file: string, path: string | RegExp, message: RegExp) {
  const hit = issues.some(
    (i) => i.file.endsWith(file) && (typeof path === 'string' ? i.path === path : path.test(i.path)) && message.test(i.message),
  );
  expect(hit, `expected ${file}: ${String(path)}: ${String(message)}\ngot:\n${fmt(issues)}`).toBe(true);
}

/** ~1,000 consistent invented entities. */
export function bigWorld(n = 1000): Raw[] {
  const out: Raw[] = [];
  const base = (id: string, kind: string, name: string) => ({ id, kind, name, summary: `An invented ${kind} number ${id} for the speed test.`, sources: ['https://example.org/x'], reviewed: '2025-01-01' });
  const C = Math.round(n * 0.15);
  const O = Math.round(n * 0.05);
  const PL = Math.round(n * 0.1);
  const PE = Math.round(n * 0.45);
  const T = Math.round(n * 0.1);
  const S = n - C - O - PL - PE - T;
  for (let i = 0; i < O; i++) out.push({ ...base(`org-${i}`, 'organization', `Organisation ${i}`), orgType: 'forum', aliases: [{ text: `ORG${i}`, type: 'abbreviation' }] });
  for (let i = 0; i < C; i++) out.push({ ...base(`country-${i}`, 'country', `Country ${i}`), aliases: [`Republic of ${i}`], memberships: [{ of: `org-${i % O}`, from: '1990' }] });
  for (let i = 0; i < PL; i++) out.push({ ...base(`place-${i}`, 'place', `Place ${i}`), placeType: 'city', country: [`country-${i % C}`] });
  for (let i = 0; i < PE; i++)
    out.push({
      ...base(`person-${i}`, 'person', `Person Number${i}`),
      aliases: [`Number${i} Person`, { text: `Number${i}`, type: 'surname' }],
      born: '1950',
      roles: [{ title: `Leader of Country ${i % C}`, category: 'head-of-state', of: `country-${i % C}`, from: `${2000 + Math.floor(i / C) * 3}`, to: `${2002 + Math.floor(i / C) * 3}` }],
    });
  for (let i = 0; i < S; i++) {
    const year = 2000 + (i % 3);
    const people = [0, 1, 2].map((k) => (i * 3 + k) % C).filter((c) => c < PE);
    out.push({
      ...base(`summit-${i}`, 'summit', `Summit ${i}`),
      start: `${year}-06-01`,
      location: 'Somewhere',
      venue: `place-${i % PL}`,
      countries: [...new Set(people.map((c) => `country-${c}`))],
      participants: [...new Set(people)].map((c) => ({ person: `person-${c}`, role: `Leader of Country ${c}` })),
    });
  }
  for (let i = 0; i < T; i++)
    out.push({ ...base(`treaty-${i}`, 'treaty', `Treaty ${i}`), treatyType: 'treaty', parties: [`country-${i % C}`, `country-${(i + 1) % C}`], events: [{ type: 'signed', date: '1999' }, { type: 'in-force', date: '2000-01' }], summit: `summit-${i % S}` });
  return out;
}

