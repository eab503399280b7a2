/**
 * Key facts per kind, as label/value rows: born, party and offices for people; signed, in force,
 * parties for treaties; dates, venue, participants, outcomes for summits; capital and memberships
 * for countries; type, headquarters, founded, members for organisations; country, claims for
 * places. Items dated after the reference date are flagged (or dropped when the reader hides
 * later events).
 */
import type { StoreEntity } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { certainlyBefore, coverage, sortEvents, sortRoles } from '../dataset/time';
import { ageAt, dateText, monthOf } from './format';
import type { Basis } from './status';

export interface FactItem {
  text: string;
  /** Secondary text (a role at a summit, an office's dates). */
  note?: string;
  /** Held / in effect at the reference date. */
  current?: boolean;
  /** Dated after the article. */
  after?: boolean;
}

export interface Fact {
  label: string;
  text?: string;
  items?: FactItem[];
}

export interface FactContext {
  basis: Basis;
  /** The reference date (article date, or the dataset's as-of date). */
  date: PartialDate;
  showLaterEvents: boolean;
  nameOf(id: string): string | undefined;
}

const MAX_ITEMS = 8;

export function factsView(e: StoreEntity, ctx: FactContext): Fact[] {
  const out: Fact[] = [];
  const name = (id: string) => ctx.nameOf(id) ?? id;
  const text = (label: string, value: string | undefined) => {
    if (value) out.push({ label, text: value });
  };
  const list = (label: string, items: FactItem[], max = MAX_ITEMS) => {
    const kept = items.filter((i) => ctx.showLaterEvents || !i.after);
    if (!kept.length) return;
    const shown = kept.slice(0, max);
    if (kept.length > max) shown.push({ text: `and ${kept.length - max} more` });
    out.push({ label, items: shown });
  };
  const isAfter = (d: PartialDate | undefined) => ctx.basis === 'article' && !!d && certainlyBefore(ctx.date, d);
  const atRef = ctx.basis === 'article' ? 'at the time of this article' : `as of ${dateText(ctx.date)}`;

  switch (e.kind) {
    case 'person': {
      if (e.born) {
        const age = e.died && certainlyBefore(e.died, ctx.date) ? undefined : ageAt(e.born, ctx.date);
        text('Born', `${dateText(e.born)}${age !== undefined && age >= 0 ? ` (aged ${age} ${atRef})` : ''}`);
      }
      if (e.died && (!isAfter(e.died) || ctx.showLaterEvents)) text('Died', `${dateText(e.died)}${isAfter(e.died) ? ' (after this article)' : ''}`);
      text('Party', e.party);
      text('Nationality', e.nationality?.map(name).join(', '));
      list(
        'Offices',
        sortRoles(e.roles)
          .reverse()
          .map((r) => ({
            text: r.acting && !/^acting\b/i.test(r.title) ? `Acting ${r.title}` : r.title,
            note: `${monthOf(r.from)} – ${r.to ? monthOf(r.to) : 'present'}`,
            current: coverage(r, ctx.date) === 'yes',
            after: isAfter(r.from),
          })),
        6,
      );
      break;
    }
    case 'treaty': {
      const events = sortEvents(e.events);
      const signed = events.find((v) => !v.party && (v.type === 'signed' || v.type === 'adopted'));
      const inForce = events.find((v) => !v.party && v.type === 'in-force');
      if (signed) text(signed.type === 'signed' ? 'Signed' : 'Adopted', dateText(signed.date));
      if (inForce && (!isAfter(inForce.date) || ctx.showLaterEvents)) text('In force', `${dateText(inForce.date)}${isAfter(inForce.date) ? ' (after this article)' : ''}`);
      list('Parties', e.parties.map((p) => ({ text: name(p) })), 10);
      if (e.summit) text('Concluded at', name(e.summit));
      list(
        'Events',
        events
          .filter((v) => !isAfter(v.date))
          .map((v) => ({ text: `${dateText(v.date)}: ${eventWord(v.type)}${v.party ? ` (${name(v.party)})` : ''}` })),
      );
      if (e.predecessor) text('Preceded by', name(e.predecessor));
      if (e.successor) text('Succeeded by', name(e.successor));
      break;
    }
    case 'summit': {
      text('Dates', e.end && e.end !== e.start ? `${dateText(e.start)} – ${dateText(e.end)}` : dateText(e.start));
      text('Venue', e.location);
      if (e.host) text('Host', name(e.host));
      list('Participants', e.participants.map((p) => ({ text: name(p.person), note: p.role })));
      if (!e.participants.length) list('Countries', e.countries.map((c) => ({ text: name(c) })));
      list('Organisations', e.organizations.map((o) => ({ text: name(o) })));
      list('Outcomes', e.outcomes.map((o) => ({ text: o })), 5);
      list('Documents', e.documents.map((d) => ({ text: name(d) })));
      const series = e.seriesSummits ?? [];
      const i = series.findIndex((x) => x.id === e.id);
      if (i >= 0 && series.length > 1) {
        const around: FactItem[] = [];
        const prev = series[i - 1];
        const next = series[i + 1];
        if (prev) around.push({ text: prev.name, note: `previous · ${dateText(prev.start)}`, after: isAfter(prev.start) });
        if (next) around.push({ text: next.name, note: `next · ${dateText(next.start)}`, after: isAfter(next.start) });
        list(`Series (${i + 1} of ${series.length})`, around);
      }
      break;
    }
    case 'country': {
      text('Official name', e.officialName && e.officialName !== e.name ? e.officialName : undefined);
      text('Capital', e.capital);
      text('Status', e.status);
      list(
        'Member of',
        e.memberships
          .filter((m) => m.status !== 'former' && (!m.to || !certainlyBefore(m.to, ctx.date)))
          .map((m) => ({
            text: name(m.of),
            note: [m.status && m.status !== 'member' ? m.status : '', m.from ? `since ${monthOf(m.from)}` : ''].filter(Boolean).join(', ') || undefined,
            after: isAfter(m.from),
          }))
          .map(dropEmptyNote),
      );
      break;
    }
    case 'organization': {
      text('Founded', e.founded ? dateText(e.founded) : undefined);
      if (e.dissolved && (!isAfter(e.dissolved) || ctx.showLaterEvents)) text('Dissolved', `${dateText(e.dissolved)}${isAfter(e.dissolved) ? ' (after this article)' : ''}`);
      text('Headquarters', e.headquarters);
      if (e.parent) text('Part of', name(e.parent));
      if (e.country) text('Country', name(e.country));
      const members = (e.members ?? []).filter((m) => m.status !== 'former' && (!m.to || !certainlyBefore(m.to, ctx.date)));
      list(
        'Members (in this dataset)',
        members.map((m) => dropEmptyNote({ text: m.name, note: m.status && m.status !== 'member' ? m.status : undefined, after: isAfter(m.from) })),
        10,
      );
      list('Member of', e.memberships.filter((m) => m.status !== 'former').map((m) => ({ text: name(m.of) })));
      if (e.predecessor) text('Preceded by', name(e.predecessor));
      if (e.successor) text('Succeeded by', name(e.successor));
      break;
    }
    case 'place': {
      text('Country', e.country?.map(name).join(', '));
      text('Claimed by', e.claimedBy?.map(name).join(', '));
      break;
    }
  }
  return out;
}

function dropEmptyNote(i: FactItem): FactItem {
  if (i.note === undefined) delete i.note;
  return i;
}

const EVENT_WORDS: Record<string, string> = {
  signed: 'signed',
  adopted: 'adopted',
  ratified: 'ratified',
  'in-force': 'entered into force',
  amended: 'amended',
  extended: 'extended',
  suspended: 'suspended',
  resumed: 'resumed',
  notice: 'notice of termination or withdrawal',
  'notice-withdrawn': 'notice withdrawn',
  withdrawn: 'withdrawn',
  terminated: 'terminated',
  expired: 'expired',
  superseded: 'superseded',
  other: 'event',
};

function eventWord(type: string): string {
  return EVENT_WORDS[type] ?? type;
}
