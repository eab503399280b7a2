/** The custom-dataset check: every bad file gives a clear error with its path; good files overlay the bundled dataset. */
import { describe, expect, it } from 'vitest';
import { checkCustomDatasetText, type BundledIndex, type ImportProgress } from '../../lib/settings/custom-import';
import { parseJsonText } from '../../lib/settings/json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string, any>;

/** A bundled dataset of three entries. */
const BUNDLED: BundledIndex = {
  kinds: { alphaland: 'country', league: 'organization', 'joe-example': 'person' },
  patterns: [
    { id: 'alphaland', text: 'Alphaland', type: 'name', caseMode: 'exact' },
    { id: 'league', text: 'League of Examples', type: 'name', caseMode: 'exact' },
    { id: 'league', text: 'LoE', type: 'abbreviation', caseMode: 'exact' },
    { id: 'joe-example', text: 'Joe Example', type: 'name', caseMode: 'exact' },
    { id: 'joe-example', text: 'Example', type: 'surname', caseMode: 'exact', policy: 'after-full' },
  ],
};

const SRC = ['https://example.org/source'];

function person(over: Raw = {}): Raw {
  return {
    id: 'ann-other',
    kind: 'person',
    name: 'Ann Other',
    summary: 'An invented politician of the invented Alphaland.',
    aliases: ['A. Other'],
    nationality: ['alphaland'],
    roles: [{ title: 'Foreign Minister of Alphaland', category: 'foreign-minister', of: 'alphaland', from: '2020-01-01', to: '2022-05-10' }],
    sources: SRC,
    reviewed: '2025-01-01',
    ...over,
  };
}

function place(over: Raw = {}): Raw {
  return { id: 'new-town', kind: 'place', name: 'New Town', summary: 'An invented town in the invented Alphaland.', placeType: 'city', country: ['alphaland'], sources: SRC, reviewed: '2025-01-01', ...over };
}

const file = (entities: unknown[]) => JSON.stringify({ entities });
const run = (text: string) => checkCustomDatasetText(text, BUNDLED, { yieldFn: () => Promise.resolve() });

/** [name, file text, expected path (string or pattern), expected message pattern] */
const BAD: [string, string, string | RegExp, RegExp][] = [
  ['invalid JSON', '{"entities": [', /^line 1, column \d+/, /not valid JSON/],
  ['invalid JSON on a later line', '{\n  "entities": [\n    {"id": "x",}\n  ]\n}', /^line 3, column \d+$/, /not valid JSON/],
  ['an empty file', '   ', '', /empty/],
  ['top level is a string', '"hello"', '', /expected a list of entities or an object/],
  ['top level is a number', '42', '', /got number/],
  ['top level is null', 'null', '', /got null/],
  ['"entities" is not a list', '{"entities": {"id": "x"}}', '', /"entities" must be a list/],
  ['an unknown top-level field', JSON.stringify({ entities: [person()], extra: true }), 'extra', /unknown field/],
  ['no entities', '[]', '', /no entities/],
  ['an entity that is a string', file(['ann-other']), 'entities[0]', /expected a mapping/],
  ['wrong type: name is a number', file([person({ name: 42 })]), 'entities[0].name', /string/i],
  ['wrong type: roles is an object', file([person({ roles: {} })]), 'entities[0].roles', /array|list/i],
  ['unknown referenced id', file([person({ nationality: ['nowhere'] })]), 'entities[0].nationality[0]', /unknown id "nowhere"/],
  ['reference to the wrong kind', file([person({ nationality: ['league'] })]), 'entities[0].nationality[0]', /is an organization; expected a country/],
  ['a date that is not a date', file([person({ born: '18/08/1960' })]), 'entities[0].born', /YYYY/],
  ['a day that does not exist', file([person({ born: '1960-02-30' })]), 'entities[0].born', /not a real calendar day/],
  ['a role that ends before it starts', file([person({ roles: [{ title: 'Mayor', category: 'official', from: '2020', to: '2019' }] })]), 'entities[0].roles[0].to', /ends before it starts/],
  ['a javascript: source URL', file([person({ sources: ['javascript:alert(1)'] })]), 'entities[0].sources[0]', /https/],
  ['an http: source URL', file([person({ sources: ['http://example.org/'] })]), 'entities[0].sources[0]', /https/],
  ['no sources', file([person({ sources: [] })]), 'entities[0].sources', /at least one/],
  ['duplicate ids', file([place(), place({ name: 'Another New Town' })]), 'entities[1].id', /duplicate id "new-town"/],
  ['an unknown kind', file([place({ kind: 'planet' })]), 'entities[0].kind', /unknown kind "planet"/],
  ['a missing kind', file([place({ kind: undefined })]), 'entities[0].kind', /required/],
  ['a missing summary', file([place({ summary: undefined })]), 'entities[0].summary', /required field is missing/],
  ['a summary too short', file([place({ summary: 'A town.' })]), 'entities[0].summary', /at least one real sentence/],
  ['an id that is not kebab-case', file([place({ id: 'New_Town' })]), 'entities[0].id', /kebab-case/],
  ['an unknown field in an entity', file([place({ colour: 'red' })]), 'entities[0].colour', /unknown field/],
  ['an alias collision inside the file', file([place({ aliases: ['Newtown'] }), place({ id: 'newtown-2', name: 'Newtown' })]), /^entities\[\d\]\.(aliases\[0\]|name)$/, /also claimed by/],
  ['an alias collision with a bundled entry', file([place({ aliases: ['LoE'] })]), 'entities[0].aliases[0]', /bundled entry league/],
  ['a name that collides with a bundled entry', file([place({ name: 'Alphaland' })]), 'entities[0].name', /bundled entry alphaland/],
  ['replacing a bundled entry with another kind', file([place({ id: 'league' })]), 'entities[0].kind', /bundled organization/],
  ['blockers that are not a list', JSON.stringify({ entities: [place()], blockers: 'New Town Hall' }), 'blockers', /array|list/i],
  ['a list top level with a bad entry', JSON.stringify([place(), place({ id: 'x', placeType: 'moon' })]), '[1].placeType', /option|expected/i],
];

describe('custom dataset import: bad files', () => {
  it('has at least 20 cases', () => expect(BAD.length).toBeGreaterThanOrEqual(20));

  it.each(BAD)('%s', async (_name, text, path, message) => {
    const r = await run(text);
    expect(r.ok).toBe(false);
    expect(r.entities).toEqual([]);
    const hit = r.problems.find((p) => (typeof path === 'string' ? p.path === path : path.test(p.path)) && message.test(p.message));
    expect(hit, `problems were: ${JSON.stringify(r.problems)}`).toBeDefined();
    for (const p of r.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('reports every problem of a file, not just the first', async () => {
    const r = await run(file([person({ born: 'soon' }), place({ summary: undefined, sources: ['ftp://x'] })]));
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['entities[0].born', 'entities[1].summary', 'entities[1].sources[0]']));
  });
});

describe('custom dataset import: good files', () => {
  it('accepts new entries that refer to bundled ones', async () => {
    const r = await run(file([person(), place()]));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.entities.map((e) => e.id)).toEqual(['ann-other', 'new-town']);
    expect(r.replaces).toEqual([]);
    expect(r.bytes).toBeGreaterThan(0);
  });

  it('accepts a plain list of entities', async () => {
    expect((await run(JSON.stringify([place()]))).ok).toBe(true);
  });

  it('replaces a bundled entry with the same id and kind (its own bundled names do not collide)', async () => {
    const r = await run(file([person({ id: 'joe-example', name: 'Joe Example', aliases: [] })]));
    expect(r.problems).toEqual([]);
    expect(r.replaces).toEqual(['joe-example']);
  });

  it('accepts an alias shared with a bundled surname that only matches after the full name', async () => {
    const r = await run(file([person({ aliases: [{ text: 'Example', type: 'surname', policy: 'after-full' }] })]));
    expect(r.problems).toEqual([]);
  });

  it('accepts a byte-order mark and blockers', async () => {
    const r = await run(`\ufeff${JSON.stringify({ entities: [place()], blockers: ['New Town Hall'] })}`);
    expect(r.ok).toBe(true);
    expect(r.blockers).toEqual(['New Town Hall']);
  });

  it('reports progress while validating', async () => {
    const seen: ImportProgress[] = [];
    const entities = Array.from({ length: 30 }, (_, i) => place({ id: `town-${i}`, name: `Town ${i}` }));
    await checkCustomDatasetText(file(entities), BUNDLED, { batch: 10, yieldFn: () => Promise.resolve(), onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => `${p.phase}:${p.done}`)).toEqual(['parsing:0', 'validating:0', 'validating:10', 'validating:20', 'checking:30']);
  });
});

describe('custom dataset import: 10 MB files', () => {
  /** About `mb` megabytes of distinct, valid place entries. */
  function bigFile(mb: number, mutate?: (list: Raw[]) => void): string {
    const one = JSON.stringify(place({ id: 'town-0000000', name: 'Town 0000000', summary: 'x'.repeat(400) })).length;
    const n = Math.ceil((mb * 1024 * 1024) / (one + 1));
    const list = Array.from({ length: n }, (_, i) => place({ id: `town-${i}`, name: `Town ${i}`, summary: `An invented town number ${i}. ${'x'.repeat(380)}` }));
    mutate?.(list);
    return file(list);
  }

  it('finds the one error deep inside a 10 MB file, with its path', async () => {
    let bad = 0;
    const text = bigFile(10, (l) => {
      bad = l.length - 3;
      l[bad]!.reviewed = '2025-13-01';
    });
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const r = await checkCustomDatasetText(text, BUNDLED, { batch: 2000, yieldFn: () => Promise.resolve() });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ path: `entities[${bad}].reviewed`, message: expect.stringMatching(/calendar day/) }]);
  }, 60_000);

  it('rejects a valid 10 MB file that would not fit storage.local, saying why', async () => {
    const r = await checkCustomDatasetText(bigFile(10), BUNDLED, { batch: 2000, yieldFn: () => Promise.resolve() });
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ path: '', message: expect.stringMatching(/valid but take 1\d\.\d MB, more than the 8\.0 MB/) });
  }, 60_000);
});

describe('JSON errors', () => {
  it('give line and column', () => {
    expect(parseJsonText('{\n "a": 1,\n}')).toMatchObject({ ok: false, path: expect.stringMatching(/^line 3, column \d+$/) });
  });
});
