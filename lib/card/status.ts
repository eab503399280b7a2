/**
 * The card's time-aware block: what the entity was at the article's date (office held, treaty
 * status, how long before the article a summit took place, who led a country) and what changed
 * after it. Without an article date everything is stated as of the dataset's date, and the
 * heading says which of the two it is.
 */
import type { OfficeholderLink, StoreEntity } from '../dataset/compile';
import type { Entity, PartialDate, Role } from '../dataset/schema';
import {
  certainlyBefore,
  changesSince,
  coverage,
  describeTreatyEvent,
  ROLE_SENIORITY,
  rolesAt,
  sortEvents,
  sortRoles,
  treatyStatusAt,
  type Change,
} from '../dataset/time';
import { dateText, distance, listText, monthOf, timing } from './format';

export type Basis = 'article' | 'dataset';

export interface LaterItem {
  date: PartialDate;
  text: string;
  /** Reviewer-written detail (a treaty event's note). */
  note?: string;
  /** The date may coincide with the article's. */
  uncertain?: boolean;
}

export interface StatusView {
  basis: Basis;
  /** The date everything is stated at: the article's, or the dataset's as-of date. */
  date: PartialDate;
  /** "At the time of this article · 19 Aug 2023" / "As of the dataset · 30 Nov 2025 (article date unknown)". */
  heading: string;
  /** The state at `date`, one sentence each; the first is the headline. */
  lines: string[];
  /** Changes after the article's date (empty on the dataset basis). */
  later: LaterItem[];
  /** Later changes left out because the reader turned "show later events" off. */
  laterHidden: number;
}

export interface StatusContext {
  /** Article publication date (partial date), if known. */
  articleDate?: PartialDate;
  /** Dataset as-of date (YYYY-MM-DD). */
  asOf: PartialDate;
  showLaterEvents: boolean;
  nameOf(id: string): string | undefined;
}

const LEADER_CATEGORIES = new Set<Role['category']>(['head-of-state', 'head-of-government']);
const ORG_LEADER_CATEGORIES = new Set<Role['category']>(['head-of-state', 'head-of-government', 'secretary-general', 'party-leader']);

const ENDED: Record<NonNullable<Role['ended']>, string> = {
  'term-ended': 'term ended',
  resigned: 'resigned',
  removed: 'removed from office',
  impeached: 'impeached and left office',
  died: 'died in office',
  'lost-election': 'lost re-election',
  replaced: 'replaced',
  other: 'left office',
};

/** The card store drops only aliases and notes, which lib/dataset/time.ts never reads. */
function asEntity(e: StoreEntity): Entity {
  return e as unknown as Entity;
}

export function statusView(e: StoreEntity, ctx: StatusContext): StatusView {
  const basis: Basis = ctx.articleDate ? 'article' : 'dataset';
  const date = ctx.articleDate ?? ctx.asOf;
  const at = basis === 'article' ? 'at the time of this article' : `as of ${dateText(ctx.asOf)}`;
  const heading =
    basis === 'article' ? `At the time of this article · ${dateText(date)}` : `As of the dataset · ${dateText(ctx.asOf)} (article date unknown)`;
  const showLater = basis === 'article' && ctx.showLaterEvents;
  const s: Built = { lines: [], later: [] };
  switch (e.kind) {
    case 'person':
      person(e, date, at, showLater, ctx, s);
      break;
    case 'treaty':
      treaty(e, date, at, ctx, s);
      break;
    case 'summit':
      summit(e, date, basis, ctx, s);
      break;
    case 'country':
    case 'organization':
      polity(e, date, at, ctx, s);
      break;
    case 'place':
      if (e.status) s.lines.push(e.status);
      break;
  }
  const later = basis === 'article' ? s.later.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : [];
  return { basis, date, heading, lines: s.lines, later: showLater ? later : [], laterHidden: showLater ? 0 : later.length };
}

interface Built {
  lines: string[];
  later: LaterItem[];
}

function fromChange(c: Change): LaterItem {
  const item: LaterItem = { date: c.date, text: c.text };
  if (c.uncertain) item.uncertain = true;
  return item;
}


function person(e: Extract<StoreEntity, { kind: 'person' }>, date: PartialDate, at: string, showLater: boolean, ctx: StatusContext, s: Built) {
  if (e.died && certainlyBefore(e.died, date)) {
    s.lines.push(`Died ${dateText(e.died)}`);
    return;
  }
  if (e.born && certainlyBefore(date, e.born)) {
    s.lines.push(`Not yet born ${at} (born ${dateText(e.born)})`);
    return;
  }
  const held = rolesAt(e, date).slice(0, 2);
  const covered = new Set<Role>();
  for (const { role, certain } of held) {
    covered.add(role);
    let line = certain ? `${roleTitle(role)} ${at} (since ${monthOf(role.from)})` : `Possibly ${roleTitle(role)} ${at} (${monthOf(role.from)} – ${role.to ? monthOf(role.to) : 'present'})`;
    if (showLater && role.to && certainlyBefore(date, role.to)) line += `; ${ENDED[role.ended ?? 'other']} ${monthOf(role.to)}`;
    s.lines.push(line);
  }
  if (!held.length) {
    const past = sortRoles(e.roles.filter((r) => r.to && certainlyBefore(r.to, date)));
    const last = past.sort((a, b) => ROLE_SENIORITY[a.category] - ROLE_SENIORITY[b.category] || (a.to! < b.to! ? 1 : -1))[0];
    if (last) s.lines.push(`No office ${at}; formerly ${roleTitle(last)} (${monthOf(last.from)} – ${monthOf(last.to!)}${last.ended ? `, ${ENDED[last.ended]}` : ''})`);
    else if (e.roles.length === 0) s.lines.push(`No offices recorded in the dataset`);
  }
  // The most senior office taken up after the date, if more senior than what was held then.
  if (showLater) {
    const best = held.length ? Math.min(...held.map((h) => ROLE_SENIORITY[h.role.category])) : 99;
    const upcoming = e.roles
      .filter((r) => certainlyBefore(date, r.from) && ROLE_SENIORITY[r.category] < best)
      .sort((a, b) => ROLE_SENIORITY[a.category] - ROLE_SENIORITY[b.category] || (a.from < b.from ? -1 : 1))[0];
    if (upcoming) {
      covered.add(upcoming);
      s.lines.push(`Not yet ${roleTitle(upcoming)} ${at} (took office ${monthOf(upcoming.from)}${upcoming.to ? `; ${ENDED[upcoming.ended ?? 'other']} ${monthOf(upcoming.to)}` : ''})`);
    }
  }
  const skip = new Set<string>();
  for (const r of covered) {
    skip.add(`role-started|${r.from}|${r.of ?? ''}`);
    if (r.to) skip.add(`role-ended|${r.to}|${r.of ?? ''}`);
  }
  for (const c of changesSince(asEntity(e), date, ctx.nameOf)) {
    if (skip.has(`${c.type}|${c.date}|${c.ref ?? ''}`)) continue;
    s.later.push(fromChange(c));
  }
}

function roleTitle(r: Pick<Role, 'title' | 'acting'>): string {
  return r.acting && !/^acting\b/i.test(r.title) ? `Acting ${r.title}` : r.title;
}

function holderTitle(h: OfficeholderLink): string {
  return h.acting && !/^acting\b/i.test(h.title) ? `acting ${h.title}` : h.title;
}

function treaty(e: Extract<StoreEntity, { kind: 'treaty' }>, date: PartialDate, at: string, ctx: StatusContext, s: Built) {
  const st = treatyStatusAt(e, date);
  const name = (id: string) => ctx.nameOf(id) ?? id;
  // The dataset may record a signature without an entry-into-force event (agreements in force on
  // signature): do not claim "not yet in force" then.
  const label = st.status === 'signed' && !e.events.some((v) => v.type === 'in-force') ? 'signed' : st.label;
  if (st.status === 'not-yet-signed') {
    const first = sortEvents(e.events)[0];
    s.lines.push(`Not yet concluded ${at}${first ? ` (${describeTreatyEvent({ ...first, note: undefined }, ctx.nameOf).toLowerCase()} ${dateText(first.date)})` : ''}`);
  } else {
    s.lines.push(`Status ${at}: ${label}${st.since ? ` (since ${dateText(st.since)})` : ''}`);
  }
  if (st.notice) {
    const who = st.notice.party ? ` by ${name(st.notice.party)}` : '';
    s.lines.push(`Notice of termination${who} pending (given ${dateText(st.notice.date)})`);
  }
  for (const [party, p] of Object.entries(st.parties)) {
    if (p.status === 'withdrawn' || p.status === 'suspended') s.lines.push(`${name(party)}: ${p.status} since ${dateText(p.since)}`);
  }
  for (const u of st.uncertain) s.lines.push(`May have changed around then: ${describeTreatyEvent({ ...u, note: undefined }, ctx.nameOf)} (${dateText(u.date)})`);
  const uncertain = new Set(st.uncertain);
  for (const v of sortEvents(e.events)) {
    if (uncertain.has(v) || !certainlyBefore(date, v.date)) continue;
    const item: LaterItem = { date: v.date, text: describeTreatyEvent({ ...v, note: undefined }, ctx.nameOf) };
    if (v.note) item.note = v.note;
    s.later.push(item);
  }
}

function summit(e: Extract<StoreEntity, { kind: 'summit' }>, date: PartialDate, basis: Basis, ctx: StatusContext, s: Built) {
  const when = e.end && e.end !== e.start ? `${dateText(e.start)} – ${dateText(e.end)}` : dateText(e.start);
  const t = timing(e.start, e.end, date);
  const ref = basis === 'article' ? 'this article' : `the dataset date (${dateText(ctx.asOf)})`;
  switch (t) {
    case 'before':
      s.lines.push(`Held ${when}: ${distance(e.end ?? e.start, date)} before ${ref}`);
      break;
    case 'after':
      s.lines.push(`Held ${when}: ${distance(date, e.start)} after ${ref}`);
      break;
    default:
      s.lines.push(basis === 'article' ? `Held ${when}: at the time of this article` : `Held ${when}`);
  }
}

/** Leaders of a country (heads of state/government) or an organisation (its secretaries-general, heads). */
function leadersAt(holders: readonly OfficeholderLink[], date: PartialDate, kinds: Set<Role['category']>): OfficeholderLink[] {
  const inOffice = holders.filter((h) => kinds.has(h.category) && coverage(h, date) === 'yes');
  return inOffice.sort((a, b) => ROLE_SENIORITY[a.category] - ROLE_SENIORITY[b.category] || (a.from < b.from ? 1 : -1));
}

function polity(e: Extract<StoreEntity, { kind: 'country' | 'organization' }>, date: PartialDate, at: string, ctx: StatusContext, s: Built) {
  const kinds = e.kind === 'country' ? LEADER_CATEGORIES : ORG_LEADER_CATEGORIES;
  if (e.kind === 'organization') {
    if (e.founded && certainlyBefore(date, e.founded)) s.lines.push(`Not yet founded ${at} (founded ${dateText(e.founded)})`);
    if (e.dissolved && certainlyBefore(e.dissolved, date)) s.lines.push(`Dissolved ${dateText(e.dissolved)}`);
  }
  const holders = e.officeholders ?? [];
  const leaders = leadersAt(holders, date, kinds);
  if (leaders.length) {
    const parts = leaders.map((l) => `${l.name} (${holderTitle(l)}, since ${monthOf(l.from)})`);
    s.lines.push(`${e.kind === 'country' ? 'Led' : 'Headed'} ${at} by ${listText(parts)}`);
  }
  for (const h of holders) {
    if (!kinds.has(h.category)) continue;
    if (certainlyBefore(date, h.from)) s.later.push({ date: h.from, text: `${h.name} became ${holderTitle(h)}` });
    else if (h.to && certainlyBefore(date, h.to) && coverage(h, date) === 'yes') s.later.push({ date: h.to, text: `${h.name} left office as ${h.title}` });
  }
  for (const m of e.members ?? []) {
    if (m.from && certainlyBefore(date, m.from)) s.later.push({ date: m.from, text: `${m.name} joined` });
    if (m.to && certainlyBefore(date, m.to)) s.later.push({ date: m.to, text: `${m.name} left` });
  }
  for (const c of changesSince(asEntity(e), date, ctx.nameOf)) s.later.push(fromChange(c));
}

