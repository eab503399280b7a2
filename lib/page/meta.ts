/**
 * The page's metadata read once: `<meta>` values by property/name/itemprop (lower-cased keys,
 * first one wins) and the texts of its JSON-LD blocks. The article gate and the date both use
 * it, instead of a dozen whole-document selector queries each on every page load.
 */
export interface PageMeta {
  get(key: string): string | undefined;
  readonly jsonLd: readonly string[];
}

const MAX_META = 1000;
const MAX_JSON_LD = 20;

export function readPageMeta(doc: Document): PageMeta {
  const values = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  const n = Math.min(metas.length, MAX_META);
  for (let i = 0; i < n; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr);
      if (key) {
        const k = key.trim().toLowerCase();
        if (!values.has(k)) values.set(k, content);
      }
    }
  }
  const jsonLd: string[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && jsonLd.length < MAX_JSON_LD; i++) jsonLd.push(scripts[i]!.textContent ?? '');
  return { get: (key) => values.get(key.toLowerCase()), jsonLd };
}
