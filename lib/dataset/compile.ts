/**
 * Compiles validated entities into (a) the matcher's input (ids + pattern specs) and (b) the
 * entity store the cards render from, with the reverse indexes cards need (summits an entity took
 * part in, treaties it is party to, members of an organisation, holders of a country's offices).
 * Pure: runs at build time and in the options page for imported datasets.
 */
import type { MatcherInput, PatternSpec } from '../match/types';
import { entityPatterns, toPatternSpec } from './aliases';
import { KINDS, type DatasetMeta, type Entity, type Kind, type Role, type Summit, type Treaty, type TreatyEvent } from './schema';
import { compareDates, sortEvents, treatyDate } from './time';

/** How an entity took part in a summit. */
export type SummitRelation = 'participant' | 'country' | 'organization' | 'host' | 'venue';

export interface SummitLink {
  id: string;
  name: string;
  start: string;
  end?: string;
  series?: string;
  as: SummitRelation[];
  /** For participants: the role they attended in. */
  role?: string;
}

/**
 * How an entity relates to a treaty: a listed `party`; named in `events` only (a former party
 * that withdrew, not listed in `parties`); or, for a summit, a `document` adopted there.
 */
export type TreatyRelation = 'party' | 'event' | 'document';

export interface TreatyLink {
  id: string;
  name: string;
  treatyType: Treaty['treatyType'];
  /** Signed/adopted date, else the first event's. */
  date?: string;
  as: TreatyRelation[];
  /** The events concerning this party specifically (withdrawal, ratification), if any. */
  partyEvents?: TreatyEvent[];
}

export interface MemberLink {
  id: string;
  name: string;
  status?: 'member' | 'observer' | 'partner' | 'suspended' | 'former';
  from?: string;
  to?: string;
}

export interface OfficeholderLink {
  person: string;
  name: string;
  title: string;
  category: Role['category'];
  from: string;
  to?: string;
  acting?: boolean;
}

export interface RefName {
  name: string;
  kind: Kind;
}

export interface Derived {
  /** Other names the entry is known by (aliases of type name/abbreviation), for "also known as". */
  aka: string[];
  /** Display name and kind of every id this entry (and its derived lists) refers to. */
  refs: Record<string, RefName>;
  /** Summits the entity took part in / hosted / was the venue of, by start date. */
  summits: SummitLink[];
  /** Treaties it is party to (or, for a summit, adopted there), by date. */
  treaties: TreatyLink[];
  /** For organisations: members (from members' `memberships`). */
  members?: MemberLink[];
  /** For countries and organisations: who held their offices (from people's roles), by start. */
  officeholders?: OfficeholderLink[];
  /** For summits with a series: every summit of the series, by start date. */
  seriesSummits?: { id: string; name: string; start: string }[];
}

type StoreBase<E> = E extends Entity ? Omit<E, 'aliases' | 'notes'> & Derived : never;
/** One entry of the card store: the authored fields (minus aliases and reviewer notes) plus derived links. */
export type StoreEntity = StoreBase<Entity>;

export interface DatasetCounts {
  entities: number;
  /** Patterns the matcher knows for entities: names, aliases, native names (de-duplicated). */
  aliases: number;
  blockers: number;
  kinds: Record<Kind, number>;
}

export interface StoreMeta {
  asOf: string;
  licence: string;
  title?: string;
  counts: DatasetCounts;
}

export interface EntityStore {
  version: 1;
  meta: StoreMeta;
  entities: Record<string, StoreEntity>;
}

export interface CompiledDataset {
  matcherInput: MatcherInput;
  store: EntityStore;
  meta: StoreMeta;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Matcher input: ids sorted, every entity's de-duplicated patterns, then blockers (entity -1). */
export function compileMatcherInput(entities: readonly Entity[], blockers: readonly string[] = []): MatcherInput {
  const sorted = [...entities].sort(byId);
  const ids = sorted.map((e) => e.id);
  const patterns: PatternSpec[] = [];
  sorted.forEach((e, i) => {
    for (const p of entityPatterns(e)) patterns.push(toPatternSpec(p, i));
  });
  const seen = new Set<string>();
  for (const b of blockers) {
    const t = b.trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    patterns.push({ text: t, entity: -1, type: 'block', caseMode: 'exact' });
  }
  return { ids, patterns };
}

export function countDataset(entities: readonly Entity[], input: MatcherInput): DatasetCounts {
  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const e of entities) kinds[e.kind]++;
  let aliases = 0;
  let blockers = 0;
  for (const p of input.patterns) if (p.entity < 0) blockers++;
  else aliases++;
  return { entities: entities.length, aliases, blockers, kinds };
}

function strip<E extends Entity>(e: E): Omit<E, 'aliases' | 'notes'> {
  const { aliases: _a, notes: _n, ...rest } = e;
  const out = rest as Omit<E, 'aliases' | 'notes'> & { native?: { lang: string; text: string }[] };
  if (out.native) out.native = out.native.map((n) => ({ lang: n.lang, text: n.text }));
  return out;
}

/** Ids an entity refers to directly. */
function directRefs(e: Entity): string[] {
  const ids: (string | undefined)[] = [];
  switch (e.kind) {
    case 'person':
      ids.push(...e.roles.map((r) => r.of), ...(e.nationality ?? []));
      break;
    case 'country':
      ids.push(...e.memberships.map((m) => m.of));
      break;
    case 'organization':
      ids.push(...e.memberships.map((m) => m.of), e.parent, e.country, e.predecessor, e.successor);
      break;
    case 'place':
      ids.push(...(e.country ?? []), ...(e.claimedBy ?? []));
      break;
    case 'treaty':
      ids.push(...e.parties, ...e.events.map((v) => v.party), e.summit, e.predecessor, e.successor);
      break;
    case 'summit':
      ids.push(e.venue, e.host, ...e.countries, ...e.organizations, ...e.participants.map((p) => p.person), e.previous, e.next, ...e.documents);
      break;
  }
  return ids.filter((x): x is string => !!x);
}

/** The entity store with reverse indexes. Unknown references are skipped (QA reports them). */
export function compileStore(entities: readonly Entity[], meta: StoreMeta): EntityStore {
  const index = new Map(entities.map((e) => [e.id, e] as const));
  const derived = new Map<string, Derived>();
  for (const e of entities) {
    const aka: string[] = [];
    for (const p of entityPatterns(e)) if ((p.type === 'name' || p.type === 'abbreviation') && p.text !== e.name && !aka.includes(p.text)) aka.push(p.text);
    derived.set(e.id, { aka, refs: {}, summits: [], treaties: [] });
  }
  const d = (id: string) => derived.get(id);

  // Summits → participants, countries, organisations, host, venue.
  const summits = entities.filter((e): e is Summit => e.kind === 'summit');
  for (const s of summits) {
    const rel = new Map<string, { as: Set<SummitRelation>; role?: string }>();
    const add = (id: string | undefined, as: SummitRelation, role?: string) => {
      if (!id || !index.has(id) || id === s.id) return;
      let r = rel.get(id);
      if (!r) rel.set(id, (r = { as: new Set() }));
      r.as.add(as);
      if (role) r.role = role;
    };
    for (const p of s.participants) add(p.person, 'participant', p.role);
    for (const c of s.countries) add(c, 'country');
    for (const o of s.organizations) add(o, 'organization');
    add(s.host, 'host');
    add(s.venue, 'venue');
    for (const [id, r] of rel) {
      const link: SummitLink = { id: s.id, name: s.name, start: s.start, as: [...r.as] };
      if (s.end) link.end = s.end;
      if (s.series) link.series = s.series;
      if (r.role) link.role = r.role;
      d(id)!.summits.push(link);
    }
  }

  // Treaties → parties; treaty ↔ summit documents in both directions.
  const treaties = entities.filter((e): e is Treaty => e.kind === 'treaty');
  const docsOf = new Map<string, Set<string>>();
  for (const s of summits) docsOf.set(s.id, new Set(s.documents.filter((t) => index.get(t)?.kind === 'treaty')));
  for (const t of treaties) if (t.summit && docsOf.has(t.summit)) docsOf.get(t.summit)!.add(t.id);
  const treatyLink = (t: Treaty, as: TreatyRelation[], party?: string): TreatyLink => {
    const link: TreatyLink = { id: t.id, name: t.name, treatyType: t.treatyType, as };
    const date = treatyDate(t);
    if (date) link.date = date;
    if (party) {
      const evs = sortEvents(t.events.filter((e) => e.party === party));
      if (evs.length) link.partyEvents = evs;
    }
    return link;
  };
  for (const t of treaties) {
    for (const p of new Set(t.parties)) if (index.has(p)) d(p)!.treaties.push(treatyLink(t, ['party'], p));
    for (const p of new Set(t.events.map((e) => e.party))) if (p && !t.parties.includes(p) && index.has(p)) d(p)!.treaties.push(treatyLink(t, ['event'], p));
  }
  for (const [sid, docs] of docsOf) {
    for (const tid of docs) {
      const t = index.get(tid) as Treaty;
      d(sid)!.treaties.push(treatyLink(t, ['document']));
      const s = index.get(sid) as Summit;
      const link: SummitLink = { id: s.id, name: s.name, start: s.start, as: [] };
      if (s.end) link.end = s.end;
      if (s.series) link.series = s.series;
      d(tid)!.summits.push(link);
    }
  }

  // Memberships → members of organisations.
  for (const e of entities) {
    if (e.kind !== 'country' && e.kind !== 'organization') continue;
    for (const m of e.memberships) {
      const org = d(m.of);
      if (!org || index.get(m.of)?.kind !== 'organization') continue;
      const link: MemberLink = { id: e.id, name: e.name };
      if (m.status) link.status = m.status;
      if (m.from) link.from = m.from;
      if (m.to) link.to = m.to;
      (org.members ??= []).push(link);
    }
  }

  // Roles → officeholders of countries and organisations.
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    for (const r of e.roles) {
      if (!r.of) continue;
      const target = index.get(r.of);
      if (!target || (target.kind !== 'country' && target.kind !== 'organization')) continue;
      const link: OfficeholderLink = { person: e.id, name: e.name, title: r.title, category: r.category, from: r.from };
      if (r.to) link.to = r.to;
      if (r.acting) link.acting = true;
      (d(r.of)!.officeholders ??= []).push(link);
    }
  }

  // Series.
  const series = new Map<string, Summit[]>();
  for (const s of summits) if (s.series) (series.get(s.series) ?? series.set(s.series, []).get(s.series)!).push(s);
  for (const s of summits) {
    if (!s.series) continue;
    d(s.id)!.seriesSummits = series
      .get(s.series)!
      .map((x) => ({ id: x.id, name: x.name, start: x.start }))
      .sort((a, b) => compareDates(a.start, b.start) || byId(a, b));
  }

  // Sort derived lists; fill refs.
  const out: Record<string, StoreEntity> = {};
  for (const e of [...entities].sort(byId)) {
    const x = d(e.id)!;
    x.summits.sort((a, b) => compareDates(a.start, b.start) || byId(a, b));
    x.treaties.sort((a, b) => (a.date && b.date ? compareDates(a.date, b.date) : a.date ? -1 : b.date ? 1 : 0) || byId(a, b));
    x.members?.sort((a, b) => (a.from && b.from ? compareDates(a.from, b.from) : a.from ? -1 : b.from ? 1 : 0) || byId(a, b));
    x.officeholders?.sort((a, b) => compareDates(a.from, b.from) || (a.person < b.person ? -1 : 1));
    const ids = new Set([
      ...directRefs(e),
      ...x.summits.map((s) => s.id),
      ...x.treaties.map((t) => t.id),
      ...(x.members ?? []).map((m) => m.id),
      ...(x.officeholders ?? []).map((o) => o.person),
      ...(x.seriesSummits ?? []).map((s) => s.id),
    ]);
    ids.delete(e.id);
    for (const id of [...ids].sort()) {
      const r = index.get(id);
      if (r) x.refs[id] = { name: r.name, kind: r.kind };
    }
    out[e.id] = { ...strip(e), ...x } as StoreEntity;
  }
  return { version: 1, meta, entities: out };
}

/** Both artefacts and the metadata, from validated entities. */
export function compileDataset(entities: readonly Entity[], blockers: readonly string[], meta: DatasetMeta): CompiledDataset {
  const matcherInput = compileMatcherInput(entities, blockers);
  const m: StoreMeta = { asOf: meta.asOf, licence: meta.licence, counts: countDataset(entities, matcherInput) };
  if (meta.title) m.title = meta.title;
  return { matcherInput, store: compileStore(entities, m), meta: m };
}
