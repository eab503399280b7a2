/** The article's publication date (and, kept apart, its modified date) from page metadata. */
import { readPageMeta, type PageMeta } from './meta';

export interface ArticleDate {
  /** YYYY-MM-DD, the day of first publication as the page states it. */
  published?: string;
  modified?: string;
  /** Where the published date came from, shown in the popup. */
  source?: 'json-ld' | 'meta' | 'time' | 'url';
}

/** `<meta>` property / name / itemprop keys, in order of trust. */
const PUBLISHED_META = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'sailthru.date',
  'og:published_time',
  'parsely-pub-date',
];
const MODIFIED_META = ['article:modified_time', 'datemodified', 'og:updated_time'];

/** Normalise an ISO-like timestamp to its calendar day as written (no time-zone shifting). */
export function toDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function fromJsonLd(meta: PageMeta): { published?: string; modified?: string } {
  for (const text of meta.jsonLd) {
    if (text.length > 500_000 || !text.includes('datePublished')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const found = findDates(data, 0);
    if (found.published) return found;
  }
  return {};
}

function findDates(node: unknown, depth: number): { published?: string; modified?: string } {
  if (depth > 6 || node === null || typeof node !== 'object') return {};
  if (Array.isArray(node)) {
    for (const item of node) {
      const r = findDates(item, depth + 1);
      if (r.published) return r;
    }
    return {};
  }
  const o = node as Record<string, unknown>;
  const published = typeof o.datePublished === 'string' ? toDay(o.datePublished) : undefined;
  if (published) {
    const modified = typeof o.dateModified === 'string' ? toDay(o.dateModified) : undefined;
    return { published, ...(modified ? { modified } : {}) };
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const r = findDates(o[key], depth + 1);
    if (r.published) return r;
  }
  return {};
}

function firstMeta(meta: PageMeta, keys: string[]): string | undefined {
  for (const key of keys) {
    const day = toDay(meta.get(key));
    if (day) return day;
  }
  return undefined;
}

/** /2023/08/19/ or /2023-08-19/ in the path. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\/|-|$)/.exec(path);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function extractArticleDate(doc: Document, url: string, root?: Element | null, meta: PageMeta = readPageMeta(doc)): ArticleDate {
  const ld = fromJsonLd(meta);
  const modified = ld.modified ?? firstMeta(meta, MODIFIED_META);
  const withModified = (d: ArticleDate): ArticleDate => (modified && modified !== d.published ? { ...d, modified } : d);
  if (ld.published) return withModified({ published: ld.published, source: 'json-ld' });
  const fromMeta = firstMeta(meta, PUBLISHED_META);
  if (fromMeta) return withModified({ published: fromMeta, source: 'meta' });
  const time =
    (root ?? doc).querySelector('time[pubdate][datetime],header time[datetime],time[itemprop="datePublished"]') ??
    doc.querySelector('time[datetime]');
  const fromTime = toDay(time?.getAttribute('datetime'));
  if (fromTime) return withModified({ published: fromTime, source: 'time' });
  const fromUrl = dateFromUrl(url);
  if (fromUrl) return withModified({ published: fromUrl, source: 'url' });
  return modified ? { modified } : {};
}
