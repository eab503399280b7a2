/**
 * The popup's page summary as plain data: the article header and every entity found, grouped by
 * kind and ordered by first appearance, each with its mention count and one line of context.
 * Pure: the popup entrypoint fetches, the components render.
 */
import type { StoreEntity, StoreMeta } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { formatDate, toPartialDate } from '../dataset/time';
import type { PageSummary } from '../protocol';
import { ENTITY_KINDS, type EntityKind } from '../settings/schema';
import { connectionGroups, type ConnectionGroup } from './connections';
import { contextLine } from './context';

export interface CardsReply {
  meta: StoreMeta;
  entities: Record<string, StoreEntity>;
}

export interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  count: number;
  /** Office or status at the article date (at the dataset date without one). */
  context: string;
  /** The mention could be more than one entity; the card lets the reader pick. */
  ambiguous: boolean;
}

export interface EntityGroup {
  kind: EntityKind;
  label: string;
  rows: EntityRow[];
}

export interface ArticleHeader {
  title: string;
  /** "19 Aug 2023", or undefined when the page states no date. */
  published?: string;
  modified?: string;
  /** The dataset's as-of date ("30 Nov 2025"): what the context is stated at without an article date. */
  asOf?: string;
}

export interface SummaryView {
  header: ArticleHeader;
  groups: EntityGroup[];
  /** Total entities found. */
  total: number;
  connections: ConnectionGroup[];
}

export const GROUP_ORDER: readonly EntityKind[] = ['person', 'country', 'organization', 'treaty', 'summit', 'place'];

export const GROUP_LABELS: Record<EntityKind, string> = {
  person: 'People',
  country: 'Countries',
  organization: 'Organisations',
  treaty: 'Treaties',
  summit: 'Summits',
  place: 'Places',
};

function isKind(k: string): k is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(k);
}

function dayText(d: string | undefined): string | undefined {
  const p = d ? toPartialDate(d) : undefined;
  return p ? formatDate(p) : undefined;
}

/** The article date the context is stated at (the published date, as the cards use it). */
export function articleDateOf(summary: Pick<PageSummary, 'date'>): PartialDate | undefined {
  return toPartialDate(summary.date.published);
}

export function summaryView(summary: PageSummary, cards: CardsReply | null): SummaryView {
  const articleDate = articleDateOf(summary);
  const entities = cards?.entities ?? {};
  const asOf = cards?.meta.asOf;
  const byKind = new Map<EntityKind, EntityRow[]>();
  const sorted = [...summary.entities].sort((a, b) => a.order - b.order);
  for (const p of sorted) {
    const e = entities[p.id];
    const kind = e?.kind ?? p.kind;
    if (!isKind(kind)) continue;
    const row: EntityRow = {
      id: p.id,
      kind,
      name: e?.name || p.name || p.text || p.id,
      count: p.count,
      context: e && asOf ? contextLine(e, { articleDate, asOf, entities }) : '',
      ambiguous: p.ambiguous === true,
    };
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(row);
  }
  const groups = GROUP_ORDER.flatMap((kind) => {
    const rows = byKind.get(kind);
    return rows?.length ? [{ kind, label: GROUP_LABELS[kind], rows }] : [];
  });
  const header: ArticleHeader = { title: summary.title };
  const published = dayText(summary.date.published);
  const modified = dayText(summary.date.modified);
  if (published) header.published = published;
  if (modified && modified !== published) header.modified = modified;
  if (asOf) header.asOf = formatDate(asOf);
  return {
    header,
    groups,
    total: groups.reduce((n, g) => n + g.rows.length, 0),
    connections: cards ? connectionGroups(sorted.map((e) => e.id), entities, articleDate) : [],
  };
}
