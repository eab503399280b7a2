/**
 * The page-wide "Connections" section: lib/card/connections.ts finds the summits and treaties
 * shared by the page's entities; this groups them into compact lines by who shares them
 * ("South Korea · Japan · United States — Camp David Summit (Aug 2023), …; Camp David
 * Principles (2023)") and picks the items nearest the article date for the short view.
 */
import type { StoreEntity } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { compareDates } from '../dataset/time';
import { connections, type Connection } from '../card/connections';
import type { Timing } from '../card/format';
import { monthYear, yearOf } from './format';

export interface ConnectionItem {
  id: string;
  kind: 'summit' | 'treaty';
  /** Display name with its date: "Camp David Summit (Aug 2023)", "Mutual Defense Treaty … (1953)". */
  label: string;
  date?: PartialDate;
  timing: Timing;
  /** Every page entity involved, in page order (may include the item itself when it is on the page). */
  entities: string[];
  /** Shown in the compact view (the rest behind "more"). */
  compact: boolean;
}

export interface ConnectionGroup {
  /** Stable key: the ids of `who`, joined. */
  key: string;
  /** Who the line is about: the countries and organisations sharing the items (else the people too, else everyone). */
  who: { id: string; name: string }[];
  /** Chronological. */
  summits: ConnectionItem[];
  treaties: ConnectionItem[];
  /** Items left out of the compact view. */
  more: number;
}

export interface GroupOptions {
  /** Most recent items before the article kept per kind in the compact view. */
  before?: number;
  /** Earliest items after the article kept per kind. */
  after?: number;
}

const POLITIES = new Set(['country', 'organization']);
const ACTORS = new Set(['country', 'organization', 'person']);
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** "Camp David Summit (2023)" → "Camp David Summit (Aug 2023)"; otherwise the date is appended. */
export function itemLabel(c: Pick<Connection, 'kind' | 'name' | 'date'>): string {
  if (!c.date) return c.name;
  const year = yearOf(c.date);
  if (c.kind === 'summit') {
    const when = monthYear(c.date);
    const trailing = new RegExp(`\\b(?:(?:${MONTH_NAMES}) )?${year}\\)$`);
    if (trailing.test(c.name)) return c.name.replace(trailing, `${when})`);
    return `${c.name} (${when})`;
  }
  return c.name.includes(year) ? c.name : `${c.name} (${year})`;
}

/** Keeps the `before` most recent items before the article, those around it, the `after` first after it. */
function markCompact(items: ConnectionItem[], before: number, after: number): void {
  const prior = items.filter((i) => i.timing === 'before');
  const later = items.filter((i) => i.timing === 'after');
  const keep = new Set<ConnectionItem>([
    ...prior.slice(-before),
    ...items.filter((i) => i.timing === 'during'),
    ...later.slice(0, after),
  ]);
  // Without an article date everything is undated: keep the most recent.
  const undated = items.filter((i) => i.timing === 'undated');
  for (const i of undated.slice(-before)) keep.add(i);
  for (const i of items) i.compact = keep.has(i);
}

function chronological(a: ConnectionItem, b: ConnectionItem): number {
  if (a.date && b.date) return compareDates(a.date, b.date) || (a.id < b.id ? -1 : 1);
  return a.date ? -1 : b.date ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Connections among `pageIds` (page order), grouped by who shares them, in the order of each
 * group's most relevant item (`connections()` ranks items shared by more page entities first).
 */
export function connectionGroups(
  pageIds: readonly string[],
  entities: Readonly<Record<string, StoreEntity>>,
  articleDate?: PartialDate,
  opts: GroupOptions = {},
): ConnectionGroup[] {
  const before = opts.before ?? 3;
  const after = opts.after ?? 2;
  const found = connections(pageIds, entities, articleDate);
  const nameOf = (id: string) => entities[id]?.name ?? id;
  const groups = new Map<string, ConnectionGroup>();
  for (const c of found) {
    const others = c.entities.filter((id) => id !== c.id);
    const polities = others.filter((id) => POLITIES.has(entities[id]?.kind ?? ''));
    const actors = others.filter((id) => ACTORS.has(entities[id]?.kind ?? ''));
    const who = polities.length >= 2 ? polities : actors.length >= 2 ? actors : others;
    if (who.length === 0) continue;
    const key = who.join(',');
    let g = groups.get(key);
    if (!g) {
      g = { key, who: who.map((id) => ({ id, name: nameOf(id) })), summits: [], treaties: [], more: 0 };
      groups.set(key, g);
    }
    const item: ConnectionItem = { id: c.id, kind: c.kind, label: itemLabel(c), timing: c.timing, entities: c.entities, compact: true };
    if (c.date) item.date = c.date;
    (c.kind === 'summit' ? g.summits : g.treaties).push(item);
  }
  const out = [...groups.values()];
  for (const g of out) {
    for (const list of [g.summits, g.treaties]) {
      list.sort(chronological);
      markCompact(list, before, after);
    }
    g.more = [...g.summits, ...g.treaties].filter((i) => !i.compact).length;
  }
  // Groups come in the order of their most relevant item, as `connections()` ranked them.
  return out;
}
