/**
 * Cases for the resolution shortcuts (see README, "Scan fast paths"): vetoes longer than the first
 * look at a few units, surname vetoes checked only for surnames that survive the overlap checks,
 * clusters of two overlapping candidates decided directly, single-child trie nodes.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from './compile';
import { loadMatcher } from './matcher';
import type { MatcherInput } from './types';

const input: MatcherInput = {
  ids: ['sudan', 'sisi', 'a', 'b', 'c', 'congo', 'kim'],
  patterns: [
    { text: 'Sudan', entity: 0, type: 'name', caseMode: 'exact', notBefore: ["People's Liberation Movement"] },
    { text: 'Abdel Fattah el-Sisi', entity: 1, type: 'name', caseMode: 'exact' },
    { text: 'Sisi', entity: 1, type: 'surname', caseMode: 'exact', policy: 'always', notAfter: ['Empress', 'Her Imperial Highness'] },
    { text: 'Alpha Beta', entity: 2, type: 'name', caseMode: 'exact' },
    { text: 'Beta Gamma', entity: 3, type: 'name', caseMode: 'exact' },
    { text: 'Gamma Delta Epsilon', entity: 4, type: 'name', caseMode: 'exact' },
    { text: 'Congo', entity: 5, type: 'name', caseMode: 'exact', notAfter: ['Democratic Republic of the'] },
    { text: 'Kim Jong Un', entity: 6, type: 'name', caseMode: 'exact' },
    { text: 'Kim', entity: 6, type: 'surname', caseMode: 'exact', policy: 'after-full', notBefore: ['Kardashian'] },
  ],
};
const tables = compileMatcher(input);

function show(text: string, m = loadMatcher(tables)): string[] {
  return m.scanText(text).map((x) => `${input.ids[x.entity]}=${text.slice(x.start, x.end)}${x.rule.kind === 'surname' ? '(s)' : ''}`);
}

describe('matcher resolution shortcuts', () => {
  it('vetoes longer than the first look are still found, with a gap of spaces and one comma', () => {
    expect(show("Sudan People's Liberation Movement")).toEqual([]);
    expect(show("Sudan,  People's Liberation Movement")).toEqual([]);
    expect(show("Sudan People's Liberation Army")).toEqual(['sudan=Sudan']);
    expect(show('Sudan People said')).toEqual(['sudan=Sudan']);
    expect(show('Sudan, , People’s Liberation Movement')).toEqual(['sudan=Sudan']);
    expect(show('the Democratic Republic of the Congo and Congo')).toEqual(['congo=Congo']);
    expect(show('the Democratic  Republic of the,Congo')).toEqual([]);
  });

  it('surname vetoes apply to surnames outside full mentions only', () => {
    expect(show('Abdel Fattah el-Sisi met Empress Sisi; Sisi said')).toEqual(['sisi=Abdel Fattah el-Sisi', 'sisi=Sisi(s)']);
    expect(show('Her Imperial Highness Sisi and Sisi')).toEqual(['sisi=Sisi(s)']);
    expect(show('Kim Jong Un. Kim Kardashian. Kim left')).toEqual(['kim=Kim Jong Un', 'kim=Kim(s)']);
  });

  it('overlapping candidates: the longer wins, else the left one', () => {
    expect(show('Alpha Beta Gamma')).toEqual(['a=Alpha Beta']);
    expect(show('Beta Gamma Delta Epsilon')).toEqual(['c=Gamma Delta Epsilon']);
    expect(show('Alpha Beta Gamma Delta Epsilon')).toEqual(['a=Alpha Beta', 'c=Gamma Delta Epsilon']);
    expect(show('Alpha Beta Gamma Delta')).toEqual(['a=Alpha Beta']);
  });

  it('a warm matcher (rows built) agrees with a fresh one on these texts', () => {
    const warm = loadMatcher(tables);
    const texts = ['Alpha Beta Gamma Delta Epsilon', 'Abdel Fattah el-Sisi met Empress Sisi; Sisi said', "Sudan People's Liberation Movement"];
    for (let i = 0; i < 20; i++) for (const t of texts) warm.scanText(t);
    for (const t of [...texts, 'Abdel Fattah al-Sisi', 'Alpha Gamma Beta', 'Kim Jong Kim Jong Un']) expect(show(t, warm)).toEqual(show(t));
  });
});
