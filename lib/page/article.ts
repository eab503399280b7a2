/**
 * Cheap article detection and article-root selection. Runs before any scanning, so it must
 * stay a handful of selector queries — no layout, no full-tree walks.
 */

import { readPageMeta, type PageMeta } from './meta';

const ARTICLE_TYPES = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Review|Background|Report|Scholarly)?Article"/;

/** Does this page look like a single article (rather than a home page, a search page, an app)? */
export function looksLikeArticle(doc: Document, meta: PageMeta = readPageMeta(doc)): { article: boolean; reason: string } {
  const og = meta.get('og:type')?.trim().toLowerCase();
  if (og === 'article') return { article: true, reason: 'og:type article' };
  if (meta.get('article:published_time') !== undefined) return { article: true, reason: 'article metadata' };
  for (const text of meta.jsonLd) {
    if (text.length < 200_000 && ARTICLE_TYPES.test(text)) return { article: true, reason: 'JSON-LD Article' };
  }
  if (doc.querySelector('[itemtype*="schema.org/NewsArticle"],[itemtype*="schema.org/Article"],[itemprop="articleBody"]')) {
    return { article: true, reason: 'microdata Article' };
  }
  const articles = doc.getElementsByTagName('article');
  if (articles.length === 1 && paragraphText(articles[0]!) > 600) return { article: true, reason: '<article> element' };
  const root = densestParagraphContainer(doc);
  if (root && paragraphText(root) > 1200) return { article: true, reason: 'paragraph density' };
  return { article: false, reason: 'no article metadata, <article> or body text found' };
}

/** The element that holds the article body, or null when nothing qualifies. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.querySelector('[itemprop="articleBody"]');
  if (body && paragraphText(body) > 200) return body;
  const articles = [...doc.getElementsByTagName('article')];
  if (articles.length > 0) {
    let best: Element | null = null;
    let bestLen = 0;
    for (const a of articles) {
      const len = paragraphText(a);
      if (len > bestLen) [best, bestLen] = [a, len];
    }
    if (best && bestLen > 200) return best;
  }
  const dense = densestParagraphContainer(doc);
  if (dense) return dense;
  return doc.querySelector('main,[role="main"]');
}

/** Total length of the direct paragraph text under `el` (capped: we only need an order of magnitude). */
function paragraphText(el: Element): number {
  let total = 0;
  for (const p of el.getElementsByTagName('p')) {
    total += p.textContent?.length ?? 0;
    if (total > 5000) break;
  }
  return total;
}

/** Readability-style fallback: the parent that collects the most paragraph text. */
function densestParagraphContainer(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  const ps = doc.getElementsByTagName('p');
  const limit = Math.min(ps.length, 400);
  for (let i = 0; i < limit; i++) {
    const p = ps[i]!;
    const len = p.textContent?.length ?? 0;
    if (len < 80) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent.parentElement;
    if (grand && grand !== doc.body) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}
