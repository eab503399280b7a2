/**
 * Synthetic article pages for the in-browser benchmarks: our own generated prose (filler words
 * plus real aliases from the dataset), wrapped in news-site furniture (nav, aside, footer).
 * Deterministic for a given seed; written at bench time into a temporary folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../../lib/match/synthetic';
import type { MatcherInput } from '../../../lib/match/types';

const FILLER = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'were her she there been one all we their has would when if so no will more about can said up out them into time ' +
  'officials said on tuesday that the talks would resume next week after a pause of several months while negotiators ' +
  'from both sides met in private to discuss a framework for trade tariffs security guarantees and energy supplies ' +
  'analysts cautioned however that any agreement faced strong opposition at home where lawmakers demanded more ' +
  'transparency the ministry declined to comment on reports of a draft statement but a spokesman stressed that ' +
  'cooperation remained essential for regional stability economic growth slowed in the third quarter inflation ' +
  'eased prices for grain and fuel rose sharply after the storm the delegation arrived late on monday evening ' +
  'military exercises continued near the border diplomats described the mood as constructive but tense'
).split(/\s+/);

const NAV = 'World Politics Business Economy Markets Technology Climate Science Health Culture Sport Opinion Video Podcasts Newsletters'.split(' ');

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SyntheticPage {
  name: string;
  file: string;
  /** Characters of article text (paragraphs, headings, captions). */
  articleChars: number;
  /** Characters of the whole body's text, furniture included. */
  bodyChars: number;
  /** Aliases written into the article. */
  aliasesUsed: number;
}

/** Aliases worth writing into prose: names, abbreviations, natives (not blocks, not bare surnames). */
export function proseAliases(input: MatcherInput): { names: string[]; people: Array<{ full: string; surname: string }> } {
  const names: string[] = [];
  const people: Array<{ full: string; surname: string }> = [];
  const surnameOf = new Map<number, string>();
  for (const p of input.patterns) if (p.type === 'surname') surnameOf.set(p.entity, p.text);
  for (const p of input.patterns) {
    if (p.type === 'block' || p.type === 'surname') continue;
    names.push(p.text);
    const s = surnameOf.get(p.entity);
    if (s && p.type === 'name' && p.text.includes(' ') && p.text.includes(s)) people.push({ full: p.text, surname: s });
  }
  return { names, people };
}

/** One article page of about `chars` characters of article text. */
export function articleHtml(input: MatcherInput, chars: number, seed: number, title: string): { html: string; articleChars: number; aliasesUsed: number } {
  const r = rng(seed);
  const { names, people } = proseAliases(input);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let aliasesUsed = 0;
  const seenPeople: string[] = [];
  const word = (): string => {
    const x = r();
    if (x < 1 / 35 && names.length) {
      aliasesUsed++;
      if (people.length && r() < 0.35) {
        const p = pick(people);
        seenPeople.push(p.surname);
        return escapeHtml(p.full);
      }
      return escapeHtml(pick(names));
    }
    if (x < 1 / 35 + 1 / 90 && seenPeople.length) {
      aliasesUsed++;
      return escapeHtml(pick(seenPeople));
    }
    return pick(FILLER);
  };
  const sentence = (): string => {
    const n = 8 + Math.floor(r() * 18);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (i === 0) w = w[0]!.toUpperCase() + w.slice(1);
      const y = r();
      if (y < 0.03) w = `<a href="/topic/${i}">${w}</a>`;
      else if (y < 0.045) w = `<em>${w}</em>`;
      else if (y < 0.05) w = `<strong>${w}</strong>`;
      ws.push(w);
      if (i < n - 1 && r() < 0.07) ws[ws.length - 1] += ',';
    }
    return ws.join(' ') + (r() < 0.1 ? '?' : '.');
  };
  const parts: string[] = [];
  let len = 0;
  let paras = 0;
  const textLen = (h: string) => h.replace(/<[^>]+>/g, '').replace(/&\w+;/g, '_').length;
  while (len < chars) {
    paras++;
    let block: string;
    if (paras % 9 === 0) block = `<h2>${sentence().slice(0, -1)}</h2>`;
    else if (paras % 23 === 0) block = `<blockquote><p>“${sentence()}”</p></blockquote>`;
    else if (paras % 31 === 0) block = `<figure><div class="img" role="img" aria-label="photo"></div><figcaption>${sentence()} Photo: Agency</figcaption></figure>`;
    else {
      const n = 2 + Math.floor(r() * 4);
      const ss: string[] = [];
      for (let i = 0; i < n; i++) ss.push(sentence());
      block = `<p>${ss.join(' ')}</p>`;
    }
    parts.push(block);
    len += textLen(block);
  }
  const nav = NAV.map((n) => `<li><a href="/${n.toLowerCase()}">${n}</a></li>`).join('');
  const related = Array.from({ length: 8 }, () => `<li><a href="/related">${sentence().slice(0, 90)}</a></li>`).join('');
  const trending = Array.from({ length: 6 }, () => `<li><a href="/trending">${escapeHtml(pick(names))} ${pick(FILLER)} ${pick(FILLER)}</a></li>`).join('');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-14T08:30:00Z">
<style>body{font:17px/1.6 Georgia,serif;margin:0;color:#222}header,footer{background:#f3f3f3;padding:8px 24px}
nav ul,footer ul{display:flex;gap:14px;list-style:none;margin:0;padding:0;flex-wrap:wrap}
main{display:grid;grid-template-columns:minmax(0,680px) 280px;gap:40px;padding:24px;justify-content:center}
aside{font:14px/1.4 sans-serif}.img{height:180px;background:#ddd}</style></head>
<body><header><a class="logo" href="/">The Daily Synthetic</a><nav><ul>${nav}</ul></nav>
<form role="search"><input type="search" placeholder="Search"></form></header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Staff Reporter · <time datetime="2024-05-14T08:30:00Z">14 May 2024</time></p>
${parts.join('\n')}
</article><aside><h3>Related</h3><ul>${related}</ul><h3>Trending</h3><ol>${trending}</ol></aside></main>
<footer><ul>${NAV.map((n) => `<li><a href="/${n}">${n}</a></li>`).join('')}</ul><p>© The Daily Synthetic. Generated for benchmarks.</p></footer>
</body></html>
`;
  return { html, articleChars: len, aliasesUsed };
}

export const PAGE_SIZES: Array<{ name: string; chars: number }> = [
  { name: 'synthetic-5k', chars: 5_000 },
  { name: 'synthetic-50k', chars: 50_000 },
  { name: 'synthetic-150k', chars: 150_000 },
  { name: 'synthetic-500k', chars: 500_000 },
];

/** Writes the synthetic pages into `dir`; returns their descriptions. */
export function writeSyntheticPages(input: MatcherInput, dir: string, sizes = PAGE_SIZES): SyntheticPage[] {
  mkdirSync(dir, { recursive: true });
  return sizes.map((s, i) => {
    const { html, articleChars, aliasesUsed } = articleHtml(input, s.chars, 101 + i, `Leaders meet as talks resume (${s.name})`);
    const file = `${s.name}.html`;
    writeFileSync(join(dir, file), html);
    const bodyChars = html.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, '').length;
    return { name: s.name, file, articleChars, bodyChars, aliasesUsed };
  });
}
