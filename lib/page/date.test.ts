// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dateFromUrl, extractArticleDate, toDay } from './date';

function doc(head: string, body = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = body;
  return d;
}

describe('article date', () => {
  it('prefers JSON-LD datePublished and keeps dateModified apart', () => {
    const d = doc(
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2023-08-19T09:00:00Z","dateModified":"2023-08-20T10:00:00Z"}</script>
       <meta property="article:published_time" content="2020-01-01T00:00:00Z">`,
    );
    expect(extractArticleDate(d, 'https://x.test/a')).toEqual({ published: '2023-08-19', modified: '2023-08-20', source: 'json-ld' });
  });

  it('finds datePublished inside an @graph array', () => {
    const d = doc(`<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-06-19"}]}</script>`);
    expect(extractArticleDate(d, 'https://x.test/').published).toBe('2024-06-19');
  });

  it('reads meta keys whatever their attribute and case, in order of trust, ignoring ones without content', () => {
    const d = doc(
      `<meta name="DC.date.issued" content="2021-03-04"><meta itemprop="datePublished"><meta name="PubDate" content="2021-03-05">
       <meta itemprop="dateModified" content="2021-03-09T01:00:00Z">`,
    );
    expect(extractArticleDate(d, 'https://x.test/')).toEqual({ published: '2021-03-05', modified: '2021-03-09', source: 'meta' });
  });

  it('survives broken JSON-LD and falls back to meta', () => {
    const d = doc(`<script type="application/ld+json">{"datePublished": oops</script><meta property="article:published_time" content="2019-11-22T08:00:00+09:00">`);
    expect(extractArticleDate(d, 'https://x.test/')).toEqual({ published: '2019-11-22', source: 'meta' });
  });

  it('uses <time datetime> and then the URL', () => {
    expect(extractArticleDate(doc('', '<article><header><time datetime="2018-06-12">12 June</time></header></article>'), 'https://x.test/').published).toBe('2018-06-12');
    expect(extractArticleDate(doc(''), 'https://news.test/world/2018/04/27/summit')).toEqual({ published: '2018-04-27', source: 'url' });
    expect(extractArticleDate(doc(''), 'https://news.test/world/summit')).toEqual({});
  });

  it('rejects impossible dates', () => {
    expect(toDay('2023-13-01')).toBeUndefined();
    expect(toDay('not a date')).toBeUndefined();
    expect(toDay('20230818T120000')).toBe('2023-08-18');
    expect(dateFromUrl('https://x.test/2023/02/30x')).toBeUndefined();
  });
});
