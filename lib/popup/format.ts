/** Short date forms for the popup's compact lines. */
import type { PartialDate } from '../dataset/schema';
import { parseDate } from '../dataset/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Aug 2023" (or "2023" for a year-only date). */
export function monthYear(d: PartialDate): string {
  const p = parseDate(d);
  return p.month === undefined ? String(p.year) : `${MONTHS[p.month - 1]} ${p.year}`;
}

/** "1953". */
export function yearOf(d: PartialDate): string {
  return String(parseDate(d).year);
}

/** "3 mentions" / "1 mention". */
export function mentions(n: number): string {
  return `${n} mention${n === 1 ? '' : 's'}`;
}
