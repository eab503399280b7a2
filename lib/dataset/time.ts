/**
 * Partial-date utilities. Dataset dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date
 * stands for every day it could be ("2022-05" is any day from 1 to 31 May 2022). Comparisons
 * therefore come in two strengths: *certain* (true for every day the dates could be) and
 * *possible* (true for at least one). Pure: usable in the content script, cards and node.
 */
import type { Person, Role, Treaty, TreatyEvent, PartialDate, Entity } from './schema';

export type Precision = 'year' | 'month' | 'day';

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** Parses a partial date; throws on malformed input (dataset dates are schema-checked). */
export function parseDate(d: PartialDate): DateParts {
  const m = DATE_RE.exec(d);
  if (!m) throw new Error(`not a partial date: ${JSON.stringify(d)}`);
  const parts: DateParts = { year: +m[1]! };
  if (m[2]) parts.month = +m[2];
  if (m[3]) parts.day = +m[3];
  return parts;
}

export function isPartialDate(d: unknown): d is PartialDate {
  return typeof d === 'string' && DATE_RE.test(d);
}

export function precision(d: PartialDate): Precision {
  const p = parseDate(d);
  return p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day the partial date could be, as YYYY-MM-DD. */
export function earliest(d: PartialDate): string {
  const p = parseDate(d);
  return `${pad(p.year, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** The last day the partial date could be, as YYYY-MM-DD. */
export function latest(d: PartialDate): string {
  const p = parseDate(d);
  const month = p.month ?? 12;
  return `${pad(p.year, 4)}-${pad(month)}-${pad(p.day ?? daysInMonth(p.year, month))}`;
}

/**
 * Total order for sorting: by first possible day, coarser dates first on ties
 * ("2022" < "2022-05" < "2022-05-01" < "2022-05-02"). Equivalent to string order.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const ea = earliest(a);
  const eb = earliest(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const order = { year: 0, month: 1, day: 2 } as const;
  return order[precision(a)] - order[precision(b)];
}

/** Every day `a` could be is strictly before every day `b` could be. */
export function certainlyBefore(a: PartialDate, b: PartialDate): boolean {
  return latest(a) < earliest(b);
}

/** Every day `a` could be is on or before every day `b` could be. */
export function certainlyOnOrBefore(a: PartialDate, b: PartialDate): boolean {
  return latest(a) <= earliest(b);
}

/** Some day `a` could be is on or before some day `b` could be. */
export function possiblyOnOrBefore(a: PartialDate, b: PartialDate): boolean {
  return earliest(a) <= latest(b);
}

/** `outer` contains `inner`: "2022" contains "2022-05"; "2022-05" contains "2022-05-20" and itself. */
export function contains(outer: PartialDate, inner: PartialDate): boolean {
  return earliest(outer) <= earliest(inner) && latest(inner) <= latest(outer);
}

/** The two partial dates could be the same day. */
export function mayCoincide(a: PartialDate, b: PartialDate): boolean {
  return earliest(a) <= latest(b) && earliest(b) <= latest(a);
}

/**
 * Normalises an article date (ISO string, `Date`, or partial date) to a partial date.
 * Returns undefined for unparseable input. Full timestamps keep the calendar day as written
 * (no timezone shift): "2023-08-18T23:30:00-04:00" → "2023-08-18".
 */
export function toPartialDate(input: string | Date | undefined | null): PartialDate | undefined {
  if (input == null) return undefined;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return undefined;
    return `${pad(input.getUTCFullYear(), 4)}-${pad(input.getUTCMonth() + 1)}-${pad(input.getUTCDate())}`;
  }
  const s = input.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (+mo < 1 || +mo > 12)) return undefined;
  if (d && mo && (+d < 1 || +d > daysInMonth(+y!, +mo))) return undefined;
  return d ? `${y}-${mo}-${d}` : mo ? `${y}-${mo}` : y!;
}

const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * Display form: "2022", "May 2022" / "August 2023" (month precision, full month name),
 * "18 Aug 2023" (day precision, short month name).
 */
export function formatDate(d: PartialDate): string {
  const p = parseDate(d);
  if (p.month === undefined) return String(p.year);
  if (p.day === undefined) return `${MONTHS_LONG[p.month - 1]} ${p.year}`;
  return `${p.day} ${MONTHS_SHORT[p.month - 1]} ${p.year}`;
}

/** "May 2022 – present", "2017 – 2022", "18 Aug 2023" (single day), "since May 2022" style left to callers. */
export function formatRange(from: PartialDate | undefined, to: PartialDate | undefined, open = 'present'): string {
  if (!from && !to) return '';
  if (from && to && from === to) return formatDate(from);
  return `${from ? formatDate(from) : '?'} – ${to ? formatDate(to) : open}`;
}

// ---------------------------------------------------------------------------------------------
// Intervals
// ---------------------------------------------------------------------------------------------

export interface Interval {
  from?: PartialDate;
  to?: PartialDate;
}

export type Coverage = 'yes' | 'no' | 'maybe';

/**
 * Whether an interval (inclusive at both ends; open when `from`/`to` is absent) covers a date.
 * `yes`: for every reading of the partial dates; `no`: for none; `maybe` otherwise.
 */
export function coverage(iv: Interval, date: PartialDate): Coverage {
  const dFirst = earliest(date);
  const dLast = latest(date);
  const fromFirst = iv.from ? earliest(iv.from) : '0000-01-01';
  const fromLast = iv.from ? latest(iv.from) : '0000-01-01';
  const toFirst = iv.to ? earliest(iv.to) : '9999-12-31';
  const toLast = iv.to ? latest(iv.to) : '9999-12-31';
  // Impossible: the interval certainly starts after the date, or certainly ends before it.
  if (fromFirst > dLast || toLast < dFirst) return 'no';
  // Certain: it certainly started by the date's first day and certainly lasts to its last day.
  if (fromLast <= dFirst && toFirst >= dLast) return 'yes';
  return 'maybe';
}

/** The interval possibly covers the date (partial-date aware, inclusive). */
export function possiblyCovers(iv: Interval, date: PartialDate): boolean {
  return coverage(iv, date) !== 'no';
}

/** Two intervals certainly share more than a single boundary day. */
export function certainlyOverlap(a: Interval, b: Interval): boolean {
  const aStart = a.from ? latest(a.from) : '0000-01-01';
  const bStart = b.from ? latest(b.from) : '0000-01-01';
  const aEnd = a.to ? earliest(a.to) : '9999-12-31';
  const bEnd = b.to ? earliest(b.to) : '9999-12-31';
  const start = aStart > bStart ? aStart : bStart;
  const end = aEnd < bEnd ? aEnd : bEnd;
  return start < end;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export interface RoleAt {
  role: Role;
  /** False when partial dates leave it open whether the role was held on the date. */
  certain: boolean;
}

/** Seniority of role categories (lower is more senior), for ordering roles in cards and lists. */
export const ROLE_SENIORITY: Record<Role['category'], number> = {
  'head-of-state': 0,
  'head-of-government': 1,
  'secretary-general': 2,
  'party-leader': 3,
  'foreign-minister': 4,
  'defence-minister': 5,
  minister: 6,
  spokesperson: 7,
  official: 8,
  other: 9,
};

/**
 * The roles a person (possibly) held on `date`, most senior first (head of state, head of
 * government, …), then the most recently started. `certainOnly` drops the maybes.
 */
export function rolesAt(person: Pick<Person, 'roles'>, date: PartialDate, opts: { certainOnly?: boolean } = {}): RoleAt[] {
  const out: RoleAt[] = [];
  for (const role of person.roles ?? []) {
    const c = coverage(role, date);
    if (c === 'no' || (c === 'maybe' && opts.certainOnly)) continue;
    out.push({ role, certain: c === 'yes' });
  }
  return out.sort(
    (a, b) =>
      Number(b.certain) - Number(a.certain) ||
      ROLE_SENIORITY[a.role.category] - ROLE_SENIORITY[b.role.category] ||
      compareDates(b.role.from, a.role.from),
  );
}

/** Roles sorted chronologically (by start, then end; open-ended last). */
export function sortRoles<R extends Interval & { from: PartialDate }>(roles: readonly R[]): R[] {
  return [...roles].sort(
    (a, b) =>
      compareDates(a.from, b.from) ||
      (a.to ? (b.to ? compareDates(a.to, b.to) : -1) : b.to ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Treaties
// ---------------------------------------------------------------------------------------------

export type TreatyStatus =
  | 'not-yet-signed'
  | 'signed'
  | 'adopted'
  | 'in-force'
  | 'suspended'
  | 'withdrawn'
  | 'terminated'
  | 'expired'
  | 'superseded';

export type PartyStatus = 'signed' | 'ratified' | 'in-force' | 'suspended' | 'withdrawn';

export interface TreatyStatusAt {
  status: TreatyStatus;
  /** Human label: "signed, not yet in force", "in force", "suspended", … */
  label: string;
  /** Date of the event that set the status. */
  since?: PartialDate;
  /** The event that set the status. */
  event?: TreatyEvent;
  /** Per-party changes (ratified, withdrawn, suspended) as of the date, keyed by party id. */
  parties: Record<string, { status: PartyStatus; since: PartialDate; event: TreatyEvent }>;
  /** A termination/withdrawal notice given and not withdrawn by the date (treaty-wide or by a party). */
  notice?: TreatyEvent;
  /**
   * Events whose (partial) date may or may not fall on or before `date` ("2019-11" vs an article
   * of 15 Nov 2019). They are not applied; cards may say "may have changed around …".
   */
  uncertain: TreatyEvent[];
}

const NON_BINDING = new Set<Treaty['treatyType']>(['declaration', 'statement']);

function labelFor(status: TreatyStatus, treatyType: Treaty['treatyType'], ratified: boolean): string {
  switch (status) {
    case 'not-yet-signed':
      return 'not yet signed';
    case 'signed':
      if (NON_BINDING.has(treatyType)) return 'signed';
      return ratified ? 'ratified, not yet in force' : 'signed, not yet in force';
    case 'adopted':
      return NON_BINDING.has(treatyType) ? 'adopted' : 'adopted, not yet in force';
    case 'in-force':
      return 'in force';
    default:
      return status;
  }
}

/** Chronological order of events, stable for equal dates (the dataset's order breaks ties). */
export function sortEvents<E extends { date: PartialDate }>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareDates(a.e.date, b.e.date) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * A treaty's status on `date`, from the events certainly on or before it (inclusive): the last
 * treaty-wide event decides (signed → "signed, not yet in force", in-force → "in force",
 * suspended, resumed → back in force, terminated / expired / superseded / withdrawn); events with a
 * `party` change that party's status only (a party's withdrawal does not end a multilateral
 * treaty). Amendments and extensions keep the status.
 */
export function treatyStatusAt(treaty: Pick<Treaty, 'events' | 'treatyType'>, date: PartialDate): TreatyStatusAt {
  let status = 'not-yet-signed' as TreatyStatus;
  let since: PartialDate | undefined;
  let event: TreatyEvent | undefined;
  let ratified = false;
  let beforeSuspension: TreatyStatus = 'in-force';
  let notice: TreatyEvent | undefined;
  const parties: TreatyStatusAt['parties'] = {};
  const partyNotices = new Map<string, TreatyEvent>();
  const uncertain: TreatyEvent[] = [];
  const set = (s: TreatyStatus, e: TreatyEvent) => {
    status = s;
    since = e.date;
    event = e;
  };

  for (const e of sortEvents(treaty.events)) {
    if (!certainlyOnOrBefore(e.date, date)) {
      if (possiblyOnOrBefore(e.date, date)) uncertain.push(e);
      continue;
    }
    if (e.party) {
      const p = e.party;
      switch (e.type) {
        case 'signed':
          parties[p] = { status: 'signed', since: e.date, event: e };
          break;
        case 'ratified':
          parties[p] = { status: 'ratified', since: e.date, event: e };
          break;
        case 'in-force':
        case 'resumed':
          parties[p] = { status: 'in-force', since: e.date, event: e };
          break;
        case 'suspended':
          parties[p] = { status: 'suspended', since: e.date, event: e };
          break;
        case 'withdrawn':
        case 'terminated':
          parties[p] = { status: 'withdrawn', since: e.date, event: e };
          partyNotices.delete(p);
          break;
        case 'notice':
          partyNotices.set(p, e);
          break;
        case 'notice-withdrawn':
          partyNotices.delete(p);
          break;
        default:
          break;
      }
      continue;
    }
    switch (e.type) {
      case 'signed':
        if (status === 'not-yet-signed' || status === 'adopted') set('signed', e);
        break;
      case 'adopted':
        if (status === 'not-yet-signed') set('adopted', e);
        break;
      case 'ratified':
        ratified = true;
        if (status === 'not-yet-signed') set('signed', e);
        break;
      case 'in-force':
        set('in-force', e);
        break;
      case 'suspended':
        if (status !== 'suspended') beforeSuspension = status === 'not-yet-signed' ? 'in-force' : status;
        set('suspended', e);
        break;
      case 'resumed':
        set(status === 'suspended' ? beforeSuspension : 'in-force', e);
        break;
      case 'notice':
        notice = e;
        break;
      case 'notice-withdrawn':
        notice = undefined;
        break;
      case 'withdrawn':
        set('withdrawn', e);
        notice = undefined;
        break;
      case 'terminated':
      case 'expired':
      case 'superseded':
        set(e.type, e);
        notice = undefined;
        break;
      default:
        // amended, extended, other: no change of status.
        break;
    }
  }
  if (!notice && partyNotices.size) notice = sortEvents([...partyNotices.values()]).at(-1);
  const result: TreatyStatusAt = { status, label: labelFor(status, treaty.treatyType, ratified), parties, uncertain };
  if (since) result.since = since;
  if (event) result.event = event;
  if (notice) result.notice = notice;
  return result;
}

/** The date a treaty was concluded: its first signed/adopted event, else its first event. */
export function treatyDate(treaty: Pick<Treaty, 'events'>): PartialDate | undefined {
  const sorted = sortEvents(treaty.events);
  return (sorted.find((e) => e.type === 'signed' || e.type === 'adopted') ?? sorted[0])?.date;
}

// ---------------------------------------------------------------------------------------------
// "What changed since"
// ---------------------------------------------------------------------------------------------

export type ChangeType =
  | 'role-ended'
  | 'role-started'
  | 'died'
  | 'treaty-event'
  | 'membership-started'
  | 'membership-ended'
  | 'dissolved';

export interface Change {
  date: PartialDate;
  type: ChangeType;
  /** One line for a card: "Left office as President of South Korea (removed)". */
  text: string;
  /** The id the change concerns (the office's country/organisation, the treaty party). */
  ref?: string;
  /** True when the change's partial date may fall on or before `date` (reported anyway). */
  uncertain?: boolean;
}

type NameOf = (id: string) => string | undefined;

/** The change happened after `since`: certainly (or possibly, flagged `uncertain`). */
function after(d: PartialDate, since: PartialDate): { include: boolean; uncertain: boolean } {
  if (certainlyBefore(since, d)) return { include: true, uncertain: false };
  if (!certainlyOnOrBefore(d, since) && mayCoincide(d, since)) return { include: true, uncertain: true };
  return { include: false, uncertain: false };
}

const EVENT_TEXT: Record<TreatyEvent['type'], string> = {
  signed: 'Signed',
  adopted: 'Adopted',
  ratified: 'Ratified',
  'in-force': 'Entered into force',
  amended: 'Amended',
  extended: 'Extended',
  suspended: 'Suspended',
  resumed: 'Resumed',
  notice: 'Notice of termination or withdrawal given',
  'notice-withdrawn': 'Notice withdrawn',
  withdrawn: 'Withdrawn',
  terminated: 'Terminated',
  expired: 'Expired',
  superseded: 'Superseded',
  other: 'Event',
};

export function describeTreatyEvent(e: TreatyEvent, nameOf: NameOf = () => undefined): string {
  let s = EVENT_TEXT[e.type];
  if (e.party) s += ` (${nameOf(e.party) ?? e.party})`;
  if (e.note) s += `: ${e.note}`;
  return s;
}

/**
 * What has changed for an entity after `since` (the article's date), up to the dataset's as-of
 * date: offices left or taken up, death, treaty events, memberships, dissolution. Sorted by date.
 * `nameOf` resolves ids for the text (the entity store's names).
 */
export function changesSince(entity: Entity, since: PartialDate, nameOf: NameOf = () => undefined): Change[] {
  const out: Change[] = [];
  const push = (date: PartialDate, type: ChangeType, text: string, ref?: string) => {
    const a = after(date, since);
    if (!a.include) return;
    const c: Change = { date, type, text };
    if (ref) c.ref = ref;
    if (a.uncertain) c.uncertain = true;
    out.push(c);
  };
  switch (entity.kind) {
    case 'person':
      for (const r of entity.roles) {
        const title = r.acting && !/^acting\b/i.test(r.title) ? `acting ${r.title}` : r.title;
        if (r.to) push(r.to, 'role-ended', `Left office as ${title}${r.ended ? ` (${r.ended.replace(/-/g, ' ')})` : ''}`, r.of);
        push(r.from, 'role-started', `Became ${title}`, r.of);
      }
      if (entity.died) push(entity.died, 'died', 'Died');
      break;
    case 'treaty':
      for (const e of entity.events) push(e.date, 'treaty-event', describeTreatyEvent(e, nameOf), e.party);
      break;
    case 'country':
    case 'organization':
      for (const m of entity.memberships) {
        const org = nameOf(m.of) ?? m.of;
        if (m.from) push(m.from, 'membership-started', `Joined ${org}${m.status && m.status !== 'member' && m.status !== 'former' ? ` (${m.status})` : ''}`, m.of);
        if (m.to) push(m.to, 'membership-ended', `Left ${org}`, m.of);
      }
      if (entity.kind === 'organization' && entity.dissolved) push(entity.dissolved, 'dissolved', 'Dissolved');
      break;
    default:
      break;
  }
  return out.sort((a, b) => compareDates(a.date, b.date));
}
