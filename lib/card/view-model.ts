/**
 * The card's view model: everything a card shows about one entity at one article date, computed
 * from the card store (pure). Components only render it. `CardViewCache` memoises per
 * entity + date + page entities + settings, so re-showing a card costs a map lookup.
 */
import type { StoreEntity, StoreMeta } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { toPartialDate } from '../dataset/time';
import { connections, type Connection } from './connections';
import { factsView, type Fact } from './facts';
import { dateText, kindLabel, sourceLabel } from './format';
import { statusView, type StatusView } from './status';

export interface CardSource {
  meta: StoreMeta;
  entities: Readonly<Record<string, StoreEntity>>;
}

export interface CardInput {
  id: string;
  data: CardSource;
  /** The article's publication date as the page states it (ISO day or timestamp), if known. */
  articleDate?: string;
  /** Entities found on the page, in order of first appearance (for shared history). */
  pageEntityIds: readonly string[];
  showLaterEvents: boolean;
}

export interface HistoryItem extends Connection {
  /** Display date ("18 Aug 2023"). */
  when?: string;
  /** Names of the other page entities involved. */
  with: string[];
}

export interface CardView {
  id: string;
  kind: StoreEntity['kind'];
  name: string;
  kindLabel: string;
  native: { lang: string; text: string }[];
  aka: string[];
  summary: string;
  status: StatusView;
  facts: Fact[];
  /** Summits and treaties shared with other entities on the page, most relevant first. */
  history: HistoryItem[];
  /** History items after the article left out by the "show later events" setting. */
  historyHidden: number;
  sources: { url: string; label: string }[];
  /** The dataset's as-of date, for display. */
  asOf: string;
  reviewed?: string;
}

const MAX_HISTORY = 6;
const MAX_NATIVE = 2;

/** Name of an id as the entry (or any loaded entry) knows it. */
export function nameResolver(e: StoreEntity | undefined, entities: Readonly<Record<string, StoreEntity>>): (id: string) => string | undefined {
  return (id) => e?.refs[id]?.name ?? entities[id]?.name;
}

export function cardView(input: CardInput): CardView | undefined {
  const e = input.data.entities[input.id];
  if (!e) return undefined;
  const articleDate: PartialDate | undefined = toPartialDate(input.articleDate);
  const nameOf = nameResolver(e, input.data.entities);
  const asOf = input.data.meta.asOf;
  const status = statusView(e, { articleDate, asOf, showLaterEvents: input.showLaterEvents, nameOf });
  const facts = factsView(e, { basis: status.basis, date: status.date, showLaterEvents: input.showLaterEvents, nameOf });

  const ids = [e.id, ...input.pageEntityIds.filter((id) => id !== e.id)];
  const all = connections(ids, input.data.entities, articleDate, { focus: e.id }).filter((c) => c.id !== e.id);
  const kept = input.showLaterEvents ? all : all.filter((c) => !c.after);
  const history = kept.slice(0, MAX_HISTORY).map((c): HistoryItem => {
    const item: HistoryItem = { ...c, with: c.entities.filter((x) => x !== e.id && x !== c.id).map((x) => nameOf(x) ?? x) };
    if (c.date) item.when = c.end && c.end !== c.date ? `${dateText(c.date)} – ${dateText(c.end)}` : dateText(c.date);
    return item;
  });

  const view: CardView = {
    id: e.id,
    kind: e.kind,
    name: e.name,
    kindLabel: kindLabel(e),
    native: (e.native ?? []).slice(0, MAX_NATIVE).map((n) => ({ lang: n.lang, text: n.text })),
    aka: e.aka.slice(0, 3),
    summary: e.summary,
    status,
    facts,
    history,
    historyHidden: all.length - kept.length,
    sources: e.sources.map((url) => ({ url, label: sourceLabel(url) })),
    asOf: dateText(asOf),
  };
  if (e.reviewed) view.reviewed = dateText(e.reviewed);
  return view;
}

/** Memoised `cardView`; drop it (or call `clear`) when the card data changes. */
export class CardViewCache {
  private readonly map = new Map<string, CardView | undefined>();
  private data: CardSource | undefined;

  get(input: CardInput): CardView | undefined {
    if (input.data !== this.data) {
      this.map.clear();
      this.data = input.data;
    }
    const key = [input.id, input.articleDate ?? '', input.showLaterEvents ? 1 : 0, input.pageEntityIds.join(',')].join('|');
    if (this.map.has(key)) return this.map.get(key);
    const v = cardView(input);
    this.map.set(key, v);
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}
