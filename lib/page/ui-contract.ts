/**
 * Contract between the always-loaded content script (matching, marks, hit-testing, hover
 * intent) and the card UI script, which is injected only when a reader first needs a card
 * (keeps Preact, floating-ui and card code off the hot path of every article).
 *
 * Both scripts run in the extension's isolated world of the same page, so they meet on a
 * global: the UI script sets `globalThis.__backstoryUI` to its factory; the content script
 * calls it with a CardHost once, then drives the returned CardUI.
 */
import type { StoreEntity, StoreMeta } from '../dataset/compile';
import type { Settings } from '../settings/schema';
import type { ArticleDate } from './date';
import type { Mark } from './marks';

export interface CardData {
  meta: StoreMeta;
  entities: Record<string, StoreEntity>;
}

export interface CardHost {
  readonly article: { url: string; title: string; date: ArticleDate };
  /** Current settings (the UI is told about changes through CardUI.updateSettings). */
  settings(): Settings;
  /** Entity id of a mark's entity index. */
  entityId(entity: number): string;
  /** Entity ids found on the page, in order of first appearance. */
  pageEntityIds(): string[];
  /** Card data for every entity on the page, fetched once per page in one batch. */
  cardData(): Promise<CardData>;
  /** The pointer entered or left the card: entering cancels a pending hide. */
  pointerInCard(inside: boolean): void;
  /** Reader actions from the card. */
  hideEntity(id: string): void;
  /** Ambiguous mention: the reader picked `id` for `text` (remembered for this site). */
  chooseEntity(mark: Mark, id: string): void;
  disableSite(): void;
  openPopup(id: string): void;
  /** Our shadow host's root, created on first use; the only node we add to the page. */
  shadowRoot(): ShadowRoot;
}

export interface ShowRequest {
  mark: Mark;
  /** Client rect of the hovered line of the mark (for wrapped mentions), or the first rect. */
  rect: DOMRect;
  /** Pointer x, to anchor long or wrapped mentions. */
  pointerX?: number;
  /** Opened by keyboard command or popup: a labelled dialog with focus inside. */
  focus: boolean;
  /** Tap on a touch device: bottom sheet on narrow viewports. */
  touch?: boolean;
}

export interface CardUI {
  show(req: ShowRequest): void;
  /** Hide now (unless pinned). */
  hide(): void;
  /** Is the card showing and pinned? */
  isPinned(): boolean;
  isOpen(): boolean;
  /** Does this node belong to the card (clicks inside do not close it)? */
  contains(node: Node): boolean;
  updateSettings(s: Settings): void;
  destroy(): void;
}

export type CardUIFactory = (host: CardHost) => CardUI;

declare global {
  var __backstoryUI: CardUIFactory | undefined;
}
