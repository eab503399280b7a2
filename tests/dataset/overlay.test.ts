import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../lib/dataset/compile';
import { overlayMatcherInput, overlayStore } from '../../lib/dataset/overlay';
import { entity, type Entity } from '../../lib/dataset/schema';
import { compileMatcher } from '../../lib/match/compile';
import { loadMatcher } from '../../lib/match';
import { META, world } from './fixtures';

const parse = (raw: Record<string, unknown>): Entity => entity.parse(raw);
const bundled = compileDataset(world().map(parse), ['Alphaland Street'], META);

const newSummit = parse({
  id: 'gamma-summit',
  kind: 'summit',
  name: 'Gamma Summit (2024)',
  summary: 'An imported summit between the two invented countries.',
  aliases: ['Gamma Summit'],
  start: '2024-03-01',
  location: 'Gamma City',
  countries: ['alphaland', 'betania'],
  sources: ['https://example.org/gamma'],
  reviewed: '2025-01-01',
});

describe('imported entries over the bundled dataset', () => {
  it('adds new entities to the matcher and keeps the bundled ones', () => {
    const input = overlayMatcherInput(bundled.matcherInput, [newSummit]);
    const m = loadMatcher(compileMatcher(input));
    const found = m.scanText('At the Gamma Summit, Alphaland and ALP met.').map((x) => m.ids[x.entity]);
    expect(found).toEqual(['gamma-summit', 'alphaland', 'alphaland']);
    expect(input.ids.slice(0, bundled.matcherInput.ids.length)).toEqual(bundled.matcherInput.ids);
  });

  it('replaces a bundled entity: its old aliases stop matching, the new ones match', () => {
    const old = world().find((e) => e.id === 'alphaland')!;
    const renamed = parse({ ...old, name: 'Alphastan', aliases: ['Alpha Republic'] });
    const input = overlayMatcherInput(bundled.matcherInput, [renamed], ['Alpha Republic Airlines']);
    const m = loadMatcher(compileMatcher(input));
    expect(m.scanText('Alphaland and ALP').map((x) => m.ids[x.entity])).toEqual([]);
    expect(m.scanText('Alphastan, the Alpha Republic').map((x) => m.ids[x.entity])).toEqual(['alphaland', 'alphaland']);
    expect(m.scanText('Alpha Republic Airlines').length).toBe(0);
    expect(input.ids).toEqual(bundled.matcherInput.ids);
  });

  it('derives relations both ways in the store and keeps bundled "also known as"', () => {
    const store = overlayStore(bundled.store, [newSummit]);
    expect(store.entities['gamma-summit']?.name).toBe('Gamma Summit (2024)');
    expect(store.entities.alphaland?.summits.map((s) => s.id)).toContain('gamma-summit');
    expect(store.entities.alphaland?.aka).toEqual(bundled.store.entities.alphaland?.aka);
    expect(store.meta.counts.entities).toBe(Object.keys(bundled.store.entities).length + 1);
    expect(store.meta.counts.kinds.summit).toBe(bundled.store.meta.counts.kinds.summit + 1);
  });
});
