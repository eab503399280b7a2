/**
 * One line of time-aware context per entity for the popup list: the headline of the card's
 * status block (lib/card/status.ts), shortened because the popup states the date once, on top.
 */
import type { StoreEntity } from '../dataset/compile';
import type { PartialDate } from '../dataset/schema';
import { kindLabel } from '../card/format';
import { statusView } from '../card/status';
import { nameResolver } from '../card/view-model';

export interface ContextInput {
  articleDate?: PartialDate;
  asOf: PartialDate;
  entities: Readonly<Record<string, StoreEntity>>;
}

/** The status headline without "at the time of this article"; the kind label when there is none. */
export function contextLine(e: StoreEntity, input: ContextInput): string {
  const view = statusView(e, {
    articleDate: input.articleDate,
    asOf: input.asOf,
    // Later changes belong in the card; one line keeps only the state at the date.
    showLaterEvents: false,
    nameOf: nameResolver(e, input.entities),
  });
  const line = view.lines[0];
  if (!line) return kindLabel(e);
  return line.replace(/ at the time of this article/g, '').replace(/ as of \d{1,2} \w{3} \d{4}| as of \w+ \d{4}| as of \d{4}/g, '');
}
