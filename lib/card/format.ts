/**
 * Small text helpers shared by the card view models: kind labels, month-precision dates, and
 * "N years before this article" distances between partial dates.
 */
import type { StoreEntity } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { certainlyBefore, earliest, formatDate, latest, parseDate } from '../dataset/time';

const ORG_TYPES: Record<string, string> = {
  international: 'International organisation',
  alliance: 'Alliance',
  forum: 'Forum',
  'government-body': 'Government body',
  legislature: 'Legislature',
  agency: 'Agency',
  court: 'Court',
  party: 'Political party',
  'think-tank': 'Think tank',
  news: 'News organisation',
  other: 'Organisation',
};

const PLACE_TYPES: Record<string, string> = {
  city: 'City',
  capital: 'Capital city',
  region: 'Region',
  island: 'Island',
  sea: 'Sea',
  strait: 'Strait',
  venue: 'Venue',
  zone: 'Zone',
  other: 'Place',
};

const TREATY_TYPES: Record<string, string> = {
  treaty: 'Treaty',
  agreement: 'Agreement',
  declaration: 'Declaration',
  statement: 'Joint statement',
  accord: 'Accord',
  memorandum: 'Memorandum',
  law: 'Law',
  other: 'Agreement',
};

/** "Person", "Alliance", "Capital city", "Agreement", "Summit"… */
export function kindLabel(e: StoreEntity): string {
  switch (e.kind) {
    case 'person':
      return 'Person';
    case 'country':
      return 'Country';
    case 'organization':
      return ORG_TYPES[e.orgType] ?? 'Organisation';
    case 'place':
      return PLACE_TYPES[e.placeType] ?? 'Place';
    case 'treaty':
      return TREATY_TYPES[e.treatyType] ?? 'Agreement';
    case 'summit':
      return 'Summit';
  }
}

/** "May 2022" for any date in May 2022; "2022" for a year. Used for "since …" phrases. */
export function monthOf(d: PartialDate): string {
  const p = parseDate(d);
  return formatDate(p.month === undefined ? String(p.year) : `${p.year}-${String(p.month).padStart(2, '0')}`);
}

/** Full display form ("18 Aug 2023", "May 2022", "2019"). */
export const dateText = formatDate;

/** Whole days between two YYYY-MM-DD strings (b − a). */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "3 days", "5 months", "1 year", "12 years" between the closest possible days of two dates. */
export function distance(from: PartialDate, to: PartialDate): string {
  const a = latest(from);
  const b = earliest(to);
  const days = Math.abs(dayDiff(a, b));
  if (days < 45) return plural(Math.max(1, days), 'day');
  const months = Math.round(days / 30.44);
  if (months < 12) return plural(months, 'month');
  const years = Math.floor(days / 365.25);
  return plural(Math.max(1, years), 'year');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export type Timing = 'before' | 'after' | 'during' | 'undated';

/**
 * Where an event (a day or a span) lies relative to a reference date: certainly before it,
 * certainly after it, or overlapping it (partial dates that could coincide count as `during`).
 */
export function timing(start: PartialDate | undefined, end: PartialDate | undefined, ref: PartialDate | undefined): Timing {
  if (!start || !ref) return 'undated';
  const last = end ?? start;
  if (certainlyBefore(last, ref)) return 'before';
  if (certainlyBefore(ref, start)) return 'after';
  return 'during';
}

/** Age in whole years on `at` (undefined when the dates are too coarse to say). */
export function ageAt(born: PartialDate, at: PartialDate): number | undefined {
  const lo = yearsBetween(latest(born), earliest(at));
  const hi = yearsBetween(earliest(born), latest(at));
  return lo === hi ? lo : undefined;
}

function yearsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return by - ay - (bm < am || (bm === am && bd < ad) ? 1 : 0);
}

/** The host name of a source URL, for link text ("en.wikipedia.org"). */
export function sourceLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
