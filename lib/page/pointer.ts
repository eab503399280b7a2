/**
 * Pointer wiring for marks, which have no events of their own: rAF-throttled hit-testing feeds
 * the hover intent; a click outside closes an unpinned card; a tap on a mark opens its card
 * instead of following a link underneath. Everything is removed when `signal` aborts.
 */
import { hitTest, type Hit } from './hit-test';
import type { HoverIntent } from './hover-intent';
import type { Mark } from './marks';

export interface OpenCard {
  isOpen(): boolean;
  isPinned(): boolean;
  hide(): void;
}

export interface PointerOptions {
  doc: Document;
  signal: AbortSignal;
  marksAt: (node: Text) => readonly Mark[];
  intent: HoverIntent;
  /** The event happened inside our own UI host. */
  isOurs: (e: Event) => boolean;
  /** The card UI once loaded (null before the first card). */
  card: () => OpenCard | null;
  /** A tap (touch or pen) on a mark. */
  onTap: (hit: Hit, x: number) => void;
}

export function watchPointer(o: PointerOptions): void {
  const { doc, signal } = o;
  let frame = 0;
  let last: PointerEvent | null = null;
  doc.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      last = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last || o.isOurs(last)) return;
        o.intent.move(last.clientX, last.clientY, hitTest(doc, last.clientX, last.clientY, o.marksAt));
      });
    },
    { passive: true, signal },
  );
  doc.documentElement.addEventListener('pointerleave', () => o.intent.leave(), { passive: true, signal });

  let touchDown = false;
  doc.addEventListener(
    'pointerdown',
    (e) => {
      touchDown = e.pointerType === 'touch' || e.pointerType === 'pen';
      const card = o.card();
      if (touchDown || !card?.isOpen() || card.isPinned() || o.isOurs(e)) return;
      card.hide();
      o.intent.hidden();
    },
    { capture: true, passive: true, signal },
  );
  doc.addEventListener(
    'click',
    (e) => {
      if (!touchDown) return;
      const hit = hitTest(doc, e.clientX, e.clientY, o.marksAt);
      if (hit) {
        e.preventDefault();
        e.stopPropagation();
        o.onTap(hit, e.clientX);
        return;
      }
      const card = o.card();
      if (card?.isOpen() && !card.isPinned() && !o.isOurs(e)) card.hide();
    },
    { capture: true, signal },
  );
}
