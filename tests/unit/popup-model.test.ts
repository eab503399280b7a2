import { describe, expect, it } from 'vitest';
import { fixtureStore } from '../../lib/card/__fixtures__/store';
import { connectionGroups, itemLabel } from '../../lib/popup/connections';
import { disablePatch, enablePlan, siteKey } from '../../lib/popup/site';
import { popupState, type PopupFacts } from '../../lib/popup/state';
import { summaryView, type CardsReply } from '../../lib/popup/view-model';
import type { PageSummary } from '../../lib/protocol';

const store = fixtureStore();
const cards: CardsReply = { meta: store.meta, entities: store.entities };

/** Page entities in order of first appearance, as the content script reports them (names left empty). */
const PAGE: [id: string, kind: string, count: number][] = [
  ['camp-david', 'place', 3],
  ['joe-biden', 'person', 3],
  ['yoon-suk-yeol', 'person', 4],
  ['south-korea', 'country', 1],
  ['fumio-kishida', 'person', 3],
  ['japan', 'country', 3],
  ['united-states', 'country', 2],
  ['camp-david-summit-2023', 'summit', 1],
  ['spirit-of-camp-david', 'treaty', 1],
  ['japan-rok-gsomia', 'treaty', 1],
];

function summary(over: Partial<PageSummary> = {}): PageSummary {
  return {
    url: 'https://www.example.com/world/camp-david',
    title: 'At Camp David, three leaders turn a wary partnership into a routine',
    state: 'ok',
    date: { published: '2023-08-19', modified: '2023-08-20', source: 'json-ld' },
    entities: PAGE.map(([id, kind, count], order) => ({ id, kind, name: '', count, order, text: id })),
    marks: 21,
    ...over,
  };
}

describe('summaryView: the page summary as the popup shows it', () => {
  const v = summaryView(summary(), cards);

  it('groups by kind in a fixed order, each group in order of first appearance', () => {
    expect(v.groups.map((g) => g.label)).toEqual(['People', 'Countries', 'Treaties', 'Summits', 'Places']);
    expect(v.groups[0]!.rows.map((r) => r.name)).toEqual(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida']);
    expect(v.groups[1]!.rows.map((r) => r.id)).toEqual(['south-korea', 'japan', 'united-states']);
    expect(v.total).toBe(PAGE.length);
  });

  it('gives each entity its mention count and one line of context at the article date', () => {
    const yoon = v.groups[0]!.rows[1]!;
    expect(yoon).toMatchObject({ id: 'yoon-suk-yeol', count: 4, ambiguous: false });
    expect(yoon.context).toBe('President of South Korea (since May 2022)');
    const us = v.groups[1]!.rows.find((r) => r.id === 'united-states')!;
    expect(us.context).toMatch(/^Led by Joe Biden/);
    const summit = v.groups.find((g) => g.kind === 'summit')!.rows[0]!;
    expect(summit.context).toMatch(/^Held 18 Aug 2023: 1 day before this article/);
  });

  it('states the publication date, or says there is none and what the background is as of', () => {
    expect(v.header).toMatchObject({ published: '19 Aug 2023', modified: '20 Aug 2023' });
    const undated = summaryView(summary({ date: {} }), cards);
    expect(undated.header.published).toBeUndefined();
    expect(undated.header.asOf).toBe('30 Nov 2025');
    // Without an article date the context is the dataset's present.
    expect(undated.groups[0]!.rows[1]!.context).toMatch(/^No office; formerly President of South Korea/);
  });

  it('falls back to the mention text while the card data is not there', () => {
    const bare = summaryView(summary(), null);
    expect(bare.groups[0]!.rows[0]).toMatchObject({ name: 'joe-biden', context: '' });
    expect(bare.connections).toEqual([]);
  });
});

describe('connections among the page entities', () => {
  const ids = PAGE.map(([id]) => id);

  it('groups shared summits and treaties by the countries sharing them, as a timeline around the article', () => {
    const groups = connectionGroups(ids, store.entities, '2023-08-19');
    const trio = groups[0]!;
    expect(trio.who.map((w) => w.name)).toEqual(['South Korea', 'Japan', 'United States']);
    expect(trio.summits.map((s) => [s.label, s.timing])).toEqual([
      ['US-Japan-South Korea Trilateral Meeting (Phnom Penh, Nov 2022)', 'before'],
      ['Camp David Summit (Aug 2023)', 'before'],
      ['US-Japan-South Korea Trilateral Meeting (San Francisco, Nov 2023)', 'after'],
    ]);
    expect(trio.treaties.map((t) => t.label)).toContain('The Spirit of Camp David (2023)');
    const pair = groups.find((g) => g.treaties.some((t) => t.id === 'japan-rok-gsomia'))!;
    expect(pair.who.map((w) => w.id)).toEqual(['south-korea', 'japan']);
  });

  it('keeps the items nearest the article in the compact view', () => {
    const groups = connectionGroups(ids, store.entities, '2023-08-19', { before: 1, after: 0 });
    const trio = groups[0]!;
    expect(trio.summits.filter((s) => s.compact).map((s) => s.id)).toEqual(['camp-david-summit-2023']);
    expect(trio.more).toBeGreaterThanOrEqual(2);
  });

  it('labels items with short dates, without repeating a year the name already has', () => {
    expect(itemLabel({ kind: 'summit', name: 'Camp David Summit (2023)', date: '2023-08-18' })).toBe('Camp David Summit (Aug 2023)');
    expect(itemLabel({ kind: 'summit', name: "Quad Leaders' Summit (virtual, March 2021)", date: '2021-03-12' })).toBe("Quad Leaders' Summit (virtual, Mar 2021)");
    expect(itemLabel({ kind: 'summit', name: 'Hanoi Summit', date: '2019-02-27' })).toBe('Hanoi Summit (Feb 2019)');
    expect(itemLabel({ kind: 'treaty', name: 'Mutual Defense Treaty', date: '1953-10-01' })).toBe('Mutual Defense Treaty (1953)');
    expect(itemLabel({ kind: 'treaty', name: 'Pyongyang Joint Declaration of September 2018', date: '2018-09-19' })).toBe(
      'Pyongyang Joint Declaration of September 2018',
    );
  });

  it('has nothing to say about a single entity', () => {
    expect(connectionGroups(['japan'], store.entities, '2023-08-19')).toEqual([]);
  });
});

describe('popupState: never a blank popup', () => {
  const base: PopupFacts = { url: 'https://www.example.com/a', site: 'builtin', enabled: true, summary: null, waiting: false };
  const kind = (f: Partial<PopupFacts>) => popupState({ ...base, ...f }).kind;

  it('restricted pages, the master switch and the site lists come first', () => {
    expect(kind({ url: 'chrome://extensions/', site: 'restricted' })).toBe('restricted');
    expect(kind({ enabled: false, summary: summary() })).toBe('switched-off');
    expect(popupState({ ...base, site: 'disabled' })).toEqual({ kind: 'disabled', host: 'www.example.com' });
    expect(popupState({ ...base, site: 'not-enabled' })).toEqual({ kind: 'not-enabled', host: 'www.example.com' });
  });

  it('follows the summary of an enabled page', () => {
    expect(kind({ summary: summary() })).toBe('ok');
    expect(kind({ summary: summary({ entities: [] }) })).toBe('nothing-found');
    expect(popupState({ ...base, summary: summary({ state: 'not-article', reason: 'no article element' }) })).toMatchObject({
      kind: 'not-article',
      reason: 'no article element',
    });
    expect(kind({ summary: summary({ state: 'unsupported' }) })).toBe('unsupported');
    expect(kind({ summary: summary({ state: 'scanning' }) })).toBe('scanning');
  });

  it('is scanning while it waits, then says the page needs a reload or is out of reach', () => {
    expect(kind({ waiting: true })).toBe('scanning');
    expect(kind({})).toBe('no-script');
    expect(kind({ summary: summary({ state: 'disabled' }), waiting: true })).toBe('scanning');
    expect(kind({ summary: summary({ state: 'disabled' }) })).toBe('no-script');
    const { url: _url, site: _site, ...noUrl } = base;
    expect(popupState({ ...noUrl, waiting: true }).kind).toBe('scanning');
    expect(popupState(noUrl).kind).toBe('unknown');
  });
});

describe('site switch', () => {
  const none = { disabledSites: [], addedSites: [] };

  it('turns off the built-in site, the added site, or the host', () => {
    expect(siteKey('www.bbc.co.uk', none)).toBe('bbc.co.uk');
    expect(disablePatch('www.bbc.co.uk', none)).toEqual({ disabledSites: ['bbc.co.uk'] });
    expect(disablePatch('news.example.org', { disabledSites: [], addedSites: ['example.org'] })).toEqual({ disabledSites: ['example.org'] });
    expect(disablePatch('127.0.0.1', { disabledSites: ['127.0.0.1'], addedSites: [] })).toEqual({ disabledSites: ['127.0.0.1'] });
  });

  it('turns a built-in site back on without asking for a permission', () => {
    expect(enablePlan('www.bbc.co.uk', { disabledSites: ['bbc.co.uk', 'x.org'], addedSites: [] })).toEqual({ patch: { disabledSites: ['x.org'] } });
    expect(enablePlan('127.0.0.1', { disabledSites: ['127.0.0.1'], addedSites: [] }, { loopbackIsNews: true })).toEqual({ patch: { disabledSites: [] } });
  });

  it('asks for the host permission for any other site, then adds it', () => {
    expect(enablePlan('www.example.com', none)).toEqual({ patch: { addedSites: ['example.com'] }, permissionFor: 'example.com' });
    expect(enablePlan('a.example.org', { disabledSites: [], addedSites: ['example.org'] }, { granted: false })).toEqual({ patch: {}, permissionFor: 'example.org' });
    expect(enablePlan('a.example.org', { disabledSites: ['example.org'], addedSites: ['example.org'] }, { granted: true })).toEqual({ patch: { disabledSites: [] } });
  });
});
