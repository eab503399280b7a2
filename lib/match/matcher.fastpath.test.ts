/**
 * The scanner's fast paths (dense transition rows built after a few visits, the lower-case word
 * filter, skipping of word tails and white-space runs) must not change results: a matcher that has
 * scanned a lot (rows built) and a fresh one (label search) agree with each other on any text and
 * any chunking, including on datasets with lower-case and case-insensitive aliases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from './compile';
import { fixtureInput, splits } from './fixture';
import { loadMatcher, sortTriples } from './matcher';
import { syntheticInput, syntheticText } from './synthetic';
import type { MatcherInput, MatcherTables } from './types';

const fixture = fixtureInput();
const extra: MatcherInput = {
  ids: [...fixture.ids, 'sudan', 'npt', 'sisi', 'leyen', 'iran-deal'],
  patterns: [
    ...fixture.patterns,
    { text: 'the Sudan', entity: fixture.ids.length, type: 'name', caseMode: 'exact' },
    { text: 'Sudan', entity: fixture.ids.length, type: 'name', caseMode: 'exact' },
    { text: 'nuclear non-proliferation treaty', entity: fixture.ids.length + 1, type: 'name', caseMode: 'insensitive' },
    { text: 'el-Sisi', entity: fixture.ids.length + 2, type: 'name', caseMode: 'exact' },
    { text: 'von der Leyen', entity: fixture.ids.length + 3, type: 'name', caseMode: 'exact' },
    { text: 'Iran nuclear deal', entity: fixture.ids.length + 4, type: 'name', caseMode: 'insensitive' },
  ],
};
const tables: MatcherTables = compileMatcher(extra);
const warm = loadMatcher(tables);
// Build dense rows for the busy nodes.
const warmText = syntheticText(extra, 200_000, 3, 6);
for (let i = 0; i < 3; i++) warm.scanText(warmText + ' the sudan The Sudan NUCLEAR NON-PROLIFERATION TREATY el-sisi von der leyen');

const aliasTexts = extra.patterns.map((p) => p.text);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...aliasTexts) },
  { weight: 3, arbitrary: fc.constantFrom(...aliasTexts.map((t) => t.toLowerCase()), ...aliasTexts.map((t) => t.toUpperCase())) },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  \n ', '. ', ', ', "'s ", '-', '\u00ad', 'the ', 'The ', 'nuclear ', 'said ', 'Mr. ', 'u.s. ', 'a.b', 'x2y ') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const textArb = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));

describe('matcher fast paths', () => {
  it('a warmed-up matcher (dense rows) and a fresh one agree, under any chunking', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const cold = loadMatcher(tables);
        expect(warm.session().scan(splits(text, cuts))).toEqual(cold.session().scan([text]));
      }),
      { numRuns: 400 },
    );
  });

  it('lower-case and case-insensitive aliases are still found', () => {
    const show = (t: string) => warm.scanText(t).map((m) => `${extra.ids[m.entity]}=${t.slice(m.start, m.end)}`);
    expect(show('in the Sudan and Sudan')).toEqual(['sudan=the Sudan', 'sudan=Sudan']);
    expect(show('the nuclear non-proliferation treaty')).toEqual(['npt=nuclear non-proliferation treaty']);
    expect(show('the Iran nuclear deal and the iran nuclear deal')).toEqual(['iran-deal=Iran nuclear deal', 'iran-deal=iran nuclear deal']);
    expect(show('President el-Sisi met von der Leyen')).toEqual(['sisi=el-Sisi', 'leyen=von der Leyen']);
    expect(show('el-sisi and Von der Leyen')).toEqual([]);
    expect(show('fine china, the china shop')).toEqual([]);
  });

  it('a large synthetic dataset gives the same results warm and cold', () => {
    const input = syntheticInput(3000, 5);
    const t = compileMatcher(input);
    const a = loadMatcher(t);
    const text = syntheticText(input, 100_000, 4, 8);
    const first = a.scanText(text);
    const again = a.scanText(text); // rows built during the first pass
    expect(again).toEqual(first);
    expect(loadMatcher(t).session().scan(splits(text, [17, 999, 5000, 40000]))).toEqual(first);
  });
});

describe('candidate sort', () => {
  it('sorts (start, end, pattern) triples like a general sort, nearly sorted or not', () => {
    const triple = fc.tuple(fc.nat(60), fc.nat(60), fc.nat(40));
    fc.assert(
      fc.property(fc.array(triple, { maxLength: 200 }), fc.boolean(), (xs, nearly) => {
        // "nearly sorted": by end, the order in which the scanner reports candidates
        const ts = nearly ? [...xs].sort((a, b) => a[1] - b[1]) : xs;
        const a = Int32Array.from(ts.flat());
        sortTriples(a, ts.length);
        const want = [...ts].sort((x, y) => x[0] - y[0] || y[1] - x[1] || x[2] - y[2]).flat();
        expect(Array.from(a)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
