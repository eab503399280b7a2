/**
 * Bundled (esbuild, IIFE) and injected into the main world of pages loaded WITHOUT the
 * extension: the floor (a bare TreeWalker pass over the text the extension would scan) and
 * mark.js with the same aliases.
 */
import { findArticleRoot, looksLikeArticle } from '../../../lib/page/article';

interface MarkCtor {
  new (ctx: Element): { mark(keywords: string[], opts: Record<string, unknown>): void };
}

function root(): Element {
  return findArticleRoot(document) ?? document.body;
}

const probe = {
  article(): { article: boolean; reason: string } {
    return looksLikeArticle(document);
  },
  /** Bare TreeWalker pass over the article root's text nodes; first call on a fresh page is cold. */
  floor(): { ms: number; chars: number; nodes: number } {
    const t0 = performance.now();
    const w = document.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
    let chars = 0;
    let nodes = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, chars, nodes };
  },
  markjs(keywords: string[]): { ms: number; marks: number } {
    const Mark = (window as unknown as { Mark: MarkCtor }).Mark;
    let marks = 0;
    const t0 = performance.now();
    new Mark(root()).mark(keywords, {
      separateWordSearch: false,
      accuracy: 'exactly',
      caseSensitive: true,
      each: () => {
        marks++;
      },
    });
    return { ms: performance.now() - t0, marks };
  },
};
(window as unknown as { __backstoryProbe: typeof probe }).__backstoryProbe = probe;
