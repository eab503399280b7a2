/**
 * Card placement: strictly below (or, when there is more room, above) the hovered line, never
 * over it. The reference is the line's client rect; for long or wrapped mentions it narrows to
 * the pointer's x so the card opens where the reader is looking.
 */
import { computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Mentions wider than this anchor at the pointer instead of their centre. */
const WIDE = 120;
const MIN_HEIGHT = 140;
const MAX_HEIGHT = 480;

export function referenceFor(rect: DOMRectReadOnly, pointerX?: number): VirtualElement {
  let left = rect.left;
  let width = rect.width;
  if (pointerX !== undefined && rect.width > WIDE) {
    left = Math.min(Math.max(pointerX, rect.left), rect.right);
    width = 0;
  }
  const r = { x: left, y: rect.top, left, top: rect.top, width, height: rect.height, right: left + width, bottom: rect.bottom };
  return { getBoundingClientRect: () => ({ ...r, toJSON: () => r }) as DOMRect };
}

/** Positions `card` (position: fixed) against `rect`; resolves with the side used. */
export async function placeCard(card: HTMLElement, rect: DOMRectReadOnly, pointerX?: number): Promise<'top' | 'bottom'> {
  card.style.maxHeight = '';
  const { x, y, placement } = await computePosition(referenceFor(rect, pointerX), card, {
    strategy: 'fixed',
    placement: 'bottom',
    middleware: [
      offset(6),
      flip({ fallbackPlacements: ['top'] }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight }) {
          card.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.floor(availableHeight)))}px`;
        },
      }),
    ],
  });
  card.style.left = `${Math.round(x)}px`;
  card.style.top = `${Math.round(y)}px`;
  return placement.startsWith('top') ? 'top' : 'bottom';
}
