/**
 * Shared history among a set of entities: the summits and treaties that two or more of them took
 * part in. Cards use it for "history with others in this article"; the popup uses it for the
 * page-wide summary. Pure: works on the card store's derived links (StoreEntity.summits /
 * .treaties), so only the given entities' own entries are needed.
 */
import type { StoreEntity } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { compareDates } from '../dataset/time';
import { timing, type Timing } from './format';

export interface Connection {
  /** Id of the summit or treaty. */
  id: string;
  kind: 'summit' | 'treaty';
  name: string;
  /** Summit start, or the treaty's signed/adopted date (see lib/dataset/time.ts treatyDate). */
  date?: PartialDate;
  /** Summit end, for multi-day summits. */
  end?: PartialDate;
  /** The given entities involved, in the order they were given (at least `minShared`). */
  entities: string[];
  /** Certainly before the article date. False when no article date is given. */
  before: boolean;
  /** Certainly after the article date ("after this article"). */
  after: boolean;
  /** before / after / during (dates could coincide) / undated (no article date or no item date). */
  timing: Timing;
}

export interface ConnectionOptions {
  /** Keep only connections that involve this entity. */
  focus?: string;
  /** Minimum number of the given entities involved (default 2). */
  minShared?: number;
  /** Drop connections certainly after the article date. */
  hideLater?: boolean;
}

const TIMING_RANK: Record<Timing, number> = { before: 0, during: 1, after: 2, undated: 3 };

/**
 * Summits and treaties shared by at least two of `entityIds`.
 *
 * An entity is involved in a summit/treaty when the summit/treaty appears in its derived
 * `summits`/`treaties` links (participant, host, venue, member country, party, former party,
 * document adopted at a summit), or when it *is* that summit/treaty. Ids missing from `entities`
 * are ignored.
 *
 * Order, most relevant first: shared by more of the entities; then items before the article
 * (most recent first), items around its date, items after it (earliest first), undated items.
 * Without `articleDate`, items sort most recent first.
 */
export function connections(
  entityIds: readonly string[],
  entities: Readonly<Record<string, StoreEntity>>,
  articleDate?: PartialDate,
  opts: ConnectionOptions = {},
): Connection[] {
  const minShared = opts.minShared ?? 2;
  const given = [...new Set(entityIds)].filter((id) => entities[id]);
  const order = new Map(given.map((id, i) => [id, i] as const));
  const items = new Map<string, { kind: 'summit' | 'treaty'; name: string; date?: string; end?: string; involved: Set<string> }>();

  const touch = (id: string, kind: 'summit' | 'treaty', name: string, who: string, date?: string, end?: string) => {
    let it = items.get(id);
    if (!it) {
      it = { kind, name, involved: new Set() };
      items.set(id, it);
    }
    if (date && !it.date) it.date = date;
    if (end && !it.end) it.end = end;
    it.involved.add(who);
  };

  for (const id of given) {
    const e = entities[id]!;
    for (const s of e.summits) touch(s.id, 'summit', s.name, id, s.start, s.end);
    for (const t of e.treaties) touch(t.id, 'treaty', t.name, id, t.date);
    // The summit or treaty itself is one of the entities.
    if (e.kind === 'summit') touch(e.id, 'summit', e.name, id, e.start, e.end);
    if (e.kind === 'treaty') {
      const own = e.events.map((v) => v.date).sort(compareDates)[0];
      const signed = e.events.find((v) => v.type === 'signed' || v.type === 'adopted')?.date;
      touch(e.id, 'treaty', e.name, id, signed ?? own);
    }
  }

  const out: Connection[] = [];
  for (const [id, it] of items) {
    if (it.involved.size < minShared) continue;
    if (opts.focus && !it.involved.has(opts.focus)) continue;
    const t = timing(it.date, it.end, articleDate);
    if (opts.hideLater && t === 'after') continue;
    const c: Connection = {
      id,
      kind: it.kind,
      name: it.name,
      entities: [...it.involved].sort((a, b) => order.get(a)! - order.get(b)!),
      before: t === 'before',
      after: t === 'after',
      timing: t,
    };
    if (it.date) c.date = it.date;
    if (it.end) c.end = it.end;
    out.push(c);
  }

  return out.sort(
    (a, b) =>
      b.entities.length - a.entities.length ||
      TIMING_RANK[a.timing] - TIMING_RANK[b.timing] ||
      byDate(a, b, a.timing === 'after' ? 1 : -1) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Dated before undated; then by date in `dir` (1 ascending, −1 descending). */
function byDate(a: Connection, b: Connection, dir: 1 | -1): number {
  if (a.date && b.date) return dir * compareDates(a.date, b.date);
  return a.date ? -1 : b.date ? 1 : 0;
}
