/**
 * The one message protocol between extension contexts. Each message is named by direction
 * (`page:*` content → background, `popup:*` popup → background, `tab:*` background/popup →
 * content). Receivers validate with these schemas; senders get the types. The content script
 * imports types only, so zod never loads on the page's hot path.
 */
import { z } from 'zod';

const entityId = z.string().regex(/^[a-z0-9-]{1,120}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const pageEntity = z.object({
  id: entityId,
  kind: z.string().max(20),
  name: z.string().max(200),
  /** Number of mentions in the article. */
  count: z.number().int().nonnegative(),
  /** Order of first appearance (0 = first). */
  order: z.number().int().nonnegative(),
  /** The text of the first mention, as written in the article. */
  text: z.string().max(200),
  ambiguous: z.boolean().optional(),
});

export const pageSummary = z.object({
  url: z.string().max(4096),
  title: z.string().max(500),
  state: z.enum(['ok', 'not-article', 'disabled', 'unsupported', 'scanning']),
  reason: z.string().max(300).optional(),
  date: z.object({ published: day.optional(), modified: day.optional(), source: z.string().max(20).optional() }),
  entities: z.array(pageEntity).max(5000),
  marks: z.number().int().nonnegative(),
});
export type PageSummary = z.infer<typeof pageSummary>;
export type PageEntity = z.infer<typeof pageEntity>;

/** content → background */
export const pageMessage = z.discriminatedUnion('type', [
  /** First thing a content script asks: may it run here, and with which settings. */
  z.object({ type: z.literal('page:config'), url: z.string().max(4096) }),
  /** The page's scan result (sent after every scan pass that changed it). */
  z.object({ type: z.literal('page:summary'), summary: pageSummary }),
  /** Card data for the entities found on the page, in one batch. */
  z.object({ type: z.literal('page:cards'), ids: z.array(entityId).max(5000) }),
  /**
   * Match a piece of the article's text (in document order) in the service worker, where the
   * matcher stays loaded and compiled across pages; `doc` names this page's document session
   * (surnames are resolved against full names seen earlier in the same document).
   */
  z.object({
    type: z.literal('page:match'),
    doc: z.string().regex(/^[a-z0-9]{8,40}$/),
    /**
     * The text nodes' texts joined, with their lengths: one string crosses the process boundary
     * much faster than thousands of small ones.
     */
    text: z.string().max(2_000_000),
    lens: z.array(z.number().int().nonnegative()).max(200_000),
    breaks: z.array(z.number().int().nonnegative()).max(200_000),
  }),
  /** The card UI is needed: inject it into this frame (first hover only). */
  z.object({ type: z.literal('page:load-ui') }),
  /** Card actions, persisted by the background. */
  z.object({ type: z.literal('page:hide-entity'), id: entityId }),
  z.object({ type: z.literal('page:choose'), text: z.string().min(1).max(200), id: entityId }),
  z.object({ type: z.literal('page:disable-site') }),
  /** The reader asked for the full summary in the popup ("open in popup" on a card). */
  z.object({ type: z.literal('page:open-popup'), entity: entityId.optional() }),
]);
export type PageMessage = z.infer<typeof pageMessage>;

/** The chunks of a `page:match` message (null when the lengths do not add up to the text). */
export function splitChunks(text: string, lens: readonly number[]): string[] | null {
  const chunks: string[] = new Array<string>(lens.length);
  let at = 0;
  for (let i = 0; i < lens.length; i++) {
    const end = at + lens[i]!;
    if (end > text.length) return null;
    chunks[i] = text.slice(at, end);
    at = end;
  }
  return at === text.length ? chunks : null;
}

/** Reply to `page:config`. */
export interface PageConfig {
  site: 'builtin' | 'added' | 'disabled' | 'not-enabled' | 'restricted';
  enabled: boolean;
  settings: import('./settings/schema').Settings;
  hidden: string[];
  /** Remembered picks for ambiguous mentions on this site: alias text → entity id. */
  choices: Record<string, string>;
}

/** Reply to `page:match`: mentions (entity indices) and the id and kind of every index they use. */
export interface MatchReply {
  mentions: import('./match/types').Mention[];
  refs: Record<number, { id: string; kind: string }>;
}

/** popup → background */
export const popupMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('popup:summary'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('popup:cards'), ids: z.array(entityId).max(5000) }),
]);
export type PopupMessage = z.infer<typeof popupMessage>;

/** background/popup → content script of one tab */
export const tabMessage = z.discriminatedUnion('type', [
  /** Scroll to the first mention of an entity, flash it and open its card. */
  z.object({ type: z.literal('tab:focus-entity'), id: entityId }),
  /** Keyboard command: next/previous mark. */
  z.object({ type: z.literal('tab:step'), direction: z.enum(['next', 'previous']) }),
  /** Ask for the current summary (popup opened before the background had one). */
  z.object({ type: z.literal('tab:get-summary') }),
  /**
   * Settings, hidden entities or remembered choices changed: ask for the page config again. The
   * background tells every tab, so the article script need not watch storage on each page.
   */
  z.object({ type: z.literal('tab:reconfigure') }),
]);
export type TabMessage = z.infer<typeof tabMessage>;
