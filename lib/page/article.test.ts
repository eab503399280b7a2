// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleRoot, looksLikeArticle } from './article';

const para = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the story, long enough to count as real prose in an article body for the heuristic.</p>`).join('');

function doc(html: string, head = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = html;
  return d;
}

describe('article gate', () => {
  it('accepts article metadata', () => {
    expect(looksLikeArticle(doc('', '<meta property="og:type" content="article">')).article).toBe(true);
    expect(looksLikeArticle(doc('', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>')).article).toBe(true);
  });

  it('accepts a single <article> with prose and rejects a home page of links', () => {
    expect(looksLikeArticle(doc(`<article>${para(10)}</article>`)).article).toBe(true);
    expect(looksLikeArticle(doc('<ul><li><a href="#">Story one</a></li><li><a href="#">Story two</a></li></ul>')).article).toBe(false);
  });

  it('picks the article body over navigation and asides', () => {
    const d = doc(`<nav>${para(2)}</nav><main><article id="story">${para(8)}</article></main><aside>${para(3)}</aside>`);
    expect(findArticleRoot(d)?.id).toBe('story');
  });

  it('prefers itemprop=articleBody', () => {
    const d = doc(`<article>${para(1)}<div itemprop="articleBody" id="b">${para(6)}</div></article>`);
    expect(findArticleRoot(d)?.id).toBe('b');
  });

  it('falls back to the densest paragraph container', () => {
    const d = doc(`<div id="menu"><p>short</p></div><div id="content"><div id="text">${para(12)}</div></div>`);
    expect(findArticleRoot(d)?.id).toBe('text');
  });
});
