/**
 * Pointer position → mark, without DOM events on the marks themselves (highlights have none):
 * caret position under the pointer → text node + offset → candidate marks → confirmed against
 * the mark's client rects, so a pointer past the end of a line does not count.
 */
import type { Mark } from './marks';

interface CaretDoc {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint.call(doc, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint.call(doc, x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export interface Hit {
  mark: Mark;
  /** The client rect under the pointer (for wrapped mentions, the line being hovered). */
  rect: DOMRect;
}

export function hitTest(
  doc: Document,
  x: number,
  y: number,
  marksAt: (node: Text) => readonly Mark[],
): Hit | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const candidates = marksAt(caret.node as Text);
  for (const mark of candidates) {
    for (const rect of mark.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) {
        return { mark, rect };
      }
    }
  }
  return null;
}
