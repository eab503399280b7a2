// @vitest-environment happy-dom
/**
 * Property tests for the in-page pipeline: random DOM trees and random Unicode go through the
 * real matcher (compiled from a small in-test dataset) and the real PageScanner + MarkLayer.
 * CSS.highlights / Highlight are stubbed (happy-dom has neither); everything else is real.
 *
 * Invariants checked on every generated page:
 *  - nothing throws, and the page's DOM is byte-for-byte unchanged;
 *  - every mark's Range covers exactly the text it claims, inside the article root, outside
 *    skipped regions (nav/aside/code/editable/hidden…), never splitting a surrogate pair;
 *  - the highlight registry holds exactly the marks' ranges, and the node index agrees;
 *  - "first mention" mode marks each entity at most once;
 *  - a planted sentence in its own paragraph is always found (nothing lost to random neighbours);
 *  - splitting text into inline pieces (<b>, <span>, adjacent text nodes) finds the same mentions;
 *  - after random mutations, no stale mark survives a pass.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/match/compile';
import { loadMatcher, type Matcher } from '../../lib/match/matcher';
import type { MatcherInput, PatternSpec } from '../../lib/match/types';
import { HIGHLIGHT_PREFIX, type Mark } from '../../lib/page/marks';
import { PageScanner } from '../../lib/page/scanner';
import { isInSkippedRegion } from '../../lib/page/text';

// ---- a small dataset ---------------------------------------------------------------------

const ENTITIES: { id: string; kind: string; patterns: Omit<PatternSpec, 'entity'>[] }[] = [
  {
    id: 'joe-biden',
    kind: 'person',
    patterns: [
      { text: 'Joe Biden', type: 'name', caseMode: 'exact' },
      { text: 'Biden', type: 'surname', caseMode: 'exact', policy: 'after-full' },
    ],
  },
  {
    id: 'yoon-suk-yeol',
    kind: 'person',
    patterns: [
      { text: 'Yoon Suk Yeol', type: 'name', caseMode: 'exact' },
      { text: 'Yoon', type: 'surname', caseMode: 'exact', policy: 'after-full' },
      { text: '윤석열', type: 'native', caseMode: 'exact' },
    ],
  },
  {
    id: 'fumio-kishida',
    kind: 'person',
    patterns: [
      { text: 'Fumio Kishida', type: 'name', caseMode: 'exact' },
      { text: 'Kishida', type: 'surname', caseMode: 'exact', policy: 'always' },
      { text: '岸田文雄', type: 'native', caseMode: 'exact' },
    ],
  },
  {
    id: 'south-korea',
    kind: 'country',
    patterns: [
      { text: 'South Korea', type: 'name', caseMode: 'exact' },
      { text: 'Republic of Korea', type: 'name', caseMode: 'exact' },
      { text: 'ROK', type: 'abbreviation', caseMode: 'exact' },
    ],
  },
  {
    id: 'japan',
    kind: 'country',
    patterns: [
      { text: 'Japan', type: 'name', caseMode: 'exact' },
      { text: '日本', type: 'native', caseMode: 'exact' },
    ],
  },
  {
    id: 'nato',
    kind: 'organization',
    patterns: [
      { text: 'NATO', type: 'abbreviation', caseMode: 'exact' },
      { text: 'North Atlantic Treaty Organization', type: 'name', caseMode: 'insensitive' },
    ],
  },
  { id: 'gsomia', kind: 'treaty', patterns: [{ text: 'GSOMIA', type: 'abbreviation', caseMode: 'exact' }] },
  {
    id: 'camp-david-summit-2023',
    kind: 'summit',
    patterns: [{ text: 'Camp David summit', type: 'name', caseMode: 'insensitive' }],
  },
];
const KINDS = ['person', 'country', 'organization', 'place', 'treaty', 'summit'];
const INPUT: MatcherInput = {
  ids: ENTITIES.map((e) => e.id),
  patterns: [
    ...ENTITIES.flatMap((e, entity) => e.patterns.map((p) => ({ ...p, entity }))),
    { text: 'Japan Airlines', entity: -1, type: 'block', caseMode: 'exact' },
  ],
};
const FULL_NAMES = ['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida', 'South Korea', 'Republic of Korea', 'Japan', 'NATO', 'GSOMIA', '윤석열', '日本', 'Camp David summit'];
const SURNAMES = ['Biden', 'Yoon', 'Kishida', 'ROK', 'Japan Airlines', 'north atlantic treaty organization'];

let matcher: Matcher;

// ---- CSS Custom Highlight API stub ------------------------------------------------------

class FakeHighlight extends Set<Range> {}
const registry = new Map<string, FakeHighlight>();

beforeAll(() => {
  matcher = loadMatcher(compileMatcher(INPUT, { onWarning: (m) => expect.fail(`dataset warning: ${m}`) }));
  const g = globalThis as unknown as Record<string, unknown>;
  g.Highlight = FakeHighlight;
  // happy-dom's CSS object has no `highlights`; give the code under test one it can use.
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry, supports: () => false, escape: (s: string) => s }, configurable: true, writable: true });
});
afterAll(() => registry.clear());

// ---- random pages -----------------------------------------------------------------------

/** Text that is mostly prose with names in it, plus hostile Unicode. */
const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('the', 'met', 'in', 'talks', 'said', 'on', 'President', 'Prime Minister', 'Mr.', 'with', 'and', '—', ',', '.', '"', "'s") },
  { weight: 4, arbitrary: fc.constantFrom(...FULL_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...SURNAMES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }, // lone surrogates included
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u200d', '\u200b', '\u00ad', '\u0301', '\ufeff', '\u202e', '\u00a0', '\t', '\n', '\u2028', '👩‍👩‍👧', 'Ｊａｐａｎ', 'JAPAN', 'İ', 'ß', '\ud83d', '\ude00'),
  },
);
const sep = fc.constantFrom(' ', '', '  ', '\n', '\u00a0', '-', '/');
const text = fc.array(fc.tuple(word, sep), { maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

const TAGS = ['p', 'div', 'span', 'b', 'i', 'em', 'a', 'section', 'li', 'h2', 'blockquote', 'nav', 'aside', 'code', 'pre', 'figure', 'figcaption', 'table', 'td', 'br', 'wbr', 'sup', 'ruby', 'rt', 'label', 'button', 'template', 'script', 'style'];
const ATTRS = fc.constantFrom<[string, string] | null>(
  null, null, null, null,
  ['hidden', ''],
  ['aria-hidden', 'true'],
  ['contenteditable', 'true'],
  ['contenteditable', 'false'],
  ['class', 'related-stories'],
  ['class', 'story-body'],
  ['role', 'navigation'],
  ['id', 'main'],
  ['lang', 'ko'],
  ['dir', 'rtl'],
);

type Tree = { t: 'text'; s: string } | { t: 'el'; tag: string; attr: [string, string] | null; kids: Tree[] } | { t: 'comment'; s: string };

const tree = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('text' as const), s: text }),
    fc.record({ t: fc.constant('comment' as const), s: fc.constantFrom('Joe Biden', 'x') }),
    fc.record({ t: fc.constant('el' as const), tag: fc.constantFrom(...TAGS), attr: ATTRS, kids: fc.array(tie('node'), { maxLength: 5 }) }),
  ),
})).node;

function build(doc: Document, parent: Node, t: Tree): void {
  if (t.t === 'text') parent.appendChild(doc.createTextNode(t.s));
  else if (t.t === 'comment') parent.appendChild(doc.createComment(t.s));
  else {
    const el = doc.createElement(t.tag);
    if (t.attr) el.setAttribute(t.attr[0], t.attr[1]);
    if (t.tag === 'template') {
      (el as HTMLTemplateElement).content.appendChild(doc.createTextNode('Joe Biden'));
    } else if (t.tag !== 'br' && t.tag !== 'wbr') for (const k of t.kids) build(doc, el, k);
    parent.appendChild(el);
  }
}

/** The window's own document (happy-dom's Ranges misbehave in createHTMLDocument documents). */
function freshPage(trees: Tree[]): { doc: Document; root: HTMLElement } {
  const doc = document;
  doc.body.replaceChildren();
  const root = doc.createElement('article');
  doc.body.appendChild(root);
  for (const t of trees) build(doc, root, t);
  return { doc, root };
}

function scannerFor(doc: Document, root: Element, markMode: 'first' | 'all' = 'all', onChange = () => {}): PageScanner {
  return new PageScanner({
    doc,
    root,
    session: () => matcher.session(),
    kindOf: (e) => ENTITIES[e]!.kind,
    kinds: KINDS,
    isHidden: () => false,
    kindEnabled: () => true,
    markMode,
    style: { style: 'underline', colours: {} },
    exclude: new Set(),
    onChange,
  });
}

// ---- invariants -------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkMarks(s: PageScanner, root: Element, markMode: 'first' | 'all'): void {
  const marks = s.layer.marks;
  const registered: Range[] = [];
  for (const [name, h] of registry) if (name.startsWith(HIGHLIGHT_PREFIX)) registered.push(...h);
  expect(registered.length).toBe(marks.length);
  const regSet = new Set(registered);
  const perEntity = new Map<number, number>();
  for (const m of marks) {
    expect(regSet.has(m.range)).toBe(true);
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.range.toString()).toBe(m.text);
    expect(root.contains(m.startNode) && root.contains(m.endNode)).toBe(true);
    expect(isInSkippedRegion(m.startNode, root)).toBe(false);
    expect(isInSkippedRegion(m.endNode, root)).toBe(false);
    expect(m.startOffset).toBeLessThan(m.startNode.data.length + (m.startNode === m.endNode ? 0 : 1));
    // A mark never starts on a low surrogate or ends right after a high one.
    if (m.startOffset > 0) expect(isLow(m.startNode.data.charCodeAt(m.startOffset)) && isHigh(m.startNode.data.charCodeAt(m.startOffset - 1))).toBe(false);
    if (m.endOffset < m.endNode.data.length) expect(isHigh(m.endNode.data.charCodeAt(m.endOffset - 1)) && isLow(m.endNode.data.charCodeAt(m.endOffset))).toBe(false);
    expect(s.layer.marksAt(m.startNode)).toContain(m);
    expect(s.layer.marksAt(m.endNode)).toContain(m);
    expect(registry.get(HIGHLIGHT_PREFIX + m.kind)?.has(m.range)).toBe(true);
    perEntity.set(m.entity, (perEntity.get(m.entity) ?? 0) + 1);
  }
  if (markMode === 'first') for (const n of perEntity.values()) expect(n).toBe(1);
}

/** Mentions as (entity, text, offset in the root's collected text) — independent of node layout. */
function mentionKeys(marks: readonly Mark[], root: Element): string[] {
  const doc = root.ownerDocument;
  return marks
    .map((m) => {
      const r = doc.createRange();
      r.setStart(root, 0);
      r.setEnd(m.startNode, m.startOffset);
      return `${m.entity}:${r.toString().length}:${m.text}`;
    })
    .sort();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- properties -------------------------------------------------------------------------

describe('fuzz: scan + mark over random DOM trees and Unicode', () => {
  it('never throws, never touches the DOM, and every mark is exact and indexed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 6 }), fc.constantFrom<'first' | 'all'>('first', 'all'), async (trees, mode) => {
        registry.clear();
        const { doc, root } = freshPage(trees);
        const before = doc.documentElement.outerHTML;
        const s = scannerFor(doc, root, mode);
        await s.scanAll();
        expect(doc.documentElement.outerHTML).toBe(before);
        checkMarks(s, root, mode);
        s.destroy();
        expect([...registry.keys()].filter((k) => k.startsWith(HIGHLIGHT_PREFIX))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('always finds a planted sentence in its own paragraph, whatever surrounds it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 4 }), fc.array(tree, { maxLength: 4 }), async (pre, post) => {
        registry.clear();
        const { doc, root } = freshPage([...pre]);
        const p = doc.createElement('p');
        p.textContent = 'Fumio Kishida met NATO leaders.';
        root.appendChild(p);
        for (const t of post) build(doc, root, t);
        const s = scannerFor(doc, root, 'all');
        await s.scanAll();
        const inP = s.layer.marks.filter((m) => p.contains(m.startNode)).map((m) => m.text);
        expect(inP).toEqual(['Fumio Kishida', 'NATO']);
        s.destroy();
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('finds the same mentions however the text is split into inline pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom('b', 'span', 'em', '#text'),
        async (paras, cuts, wrap) => {
          registry.clear();
          // Plain: one text node per paragraph.
          const a = freshPage([]);
          for (const t of paras) a.root.appendChild(a.doc.createElement('p')).textContent = t;
          const sa = scannerFor(a.doc, a.root, 'all');
          await sa.scanAll();
          const plain = mentionKeys(sa.layer.marks, a.root);
          sa.destroy();
          // Split: the same text cut at random points into inline pieces.
          registry.clear();
          const b = freshPage([]);
          for (const t of paras) {
            const p = b.root.appendChild(b.doc.createElement('p'));
            const points = [...new Set(cuts.map((c) => (t.length ? c % (t.length + 1) : 0)))].sort((x, y) => x - y);
            let last = 0;
            for (const c of [...points, t.length]) {
              const piece = t.slice(last, c);
              last = c;
              if (!piece) continue;
              if (wrap === '#text') p.appendChild(b.doc.createTextNode(piece));
              else p.appendChild(b.doc.createElement(wrap)).textContent = piece;
            }
          }
          const sb = scannerFor(b.doc, b.root, 'all');
          await sb.scanAll();
          expect(mentionKeys(sb.layer.marks, b.root)).toEqual(plain);
          checkMarks(sb, b.root, 'all');
          sb.destroy();
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('keeps no stale mark after random mutations (removals, edits, insertions)', async () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('edit' as const), at: fc.nat(), s: text }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), t: tree }),
      fc.record({ op: fc.constant('split' as const), at: fc.nat(), k: fc.nat() }),
      fc.record({ op: fc.constant('normalize' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.array(op, { minLength: 1, maxLength: 6 }), async (trees, ops) => {
        registry.clear();
        const { doc, root } = freshPage(trees);
        const p = root.appendChild(doc.createElement('p'));
        p.textContent = 'Yoon Suk Yeol met Joe Biden in Japan.';
        const s = scannerFor(doc, root, 'all');
        await s.scanAll();
        s.observe();
        for (const o of ops) {
          const all: Node[] = [];
          const w = doc.createTreeWalker(root, 0x1 | 0x4);
          for (let n = w.nextNode(); n; n = w.nextNode()) all.push(n);
          if (o.op === 'normalize') {
            root.normalize();
            continue;
          }
          const n = all[o.at % Math.max(all.length, 1)];
          if (!n) continue;
          if (o.op === 'remove') n.parentNode?.removeChild(n);
          else if (o.op === 'edit') {
            if (n.nodeType === 3) (n as Text).data = o.s;
            else (n as Element).textContent = o.s;
          } else if (o.op === 'insert') {
            const frag = doc.createDocumentFragment();
            build(doc, frag, o.t);
            (n.nodeType === 1 ? n : n.parentNode)?.appendChild(frag);
          } else if (o.op === 'split' && n.nodeType === 3 && (n as Text).data.length > 0) {
            (n as Text).splitText(o.k % (n as Text).data.length);
          }
        }
        await sleep(200); // the scanner's mutation debounce (150 ms) plus its pass
        for (const m of s.layer.marks) {
          expect(m.startNode.isConnected && m.endNode.isConnected).toBe(true);
          expect(m.range.toString()).toBe(m.text);
        }
        checkMarks(s, root, 'all');
        s.destroy();
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('walks a 5,000-deep tree without overflowing the stack', async () => {
    registry.clear();
    const { doc, root } = freshPage([]);
    let el: Element = root;
    for (let i = 0; i < 5000; i++) el = el.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
    el.textContent = 'Deep down, Fumio Kishida spoke.';
    const s = scannerFor(doc, root, 'all');
    await s.scanAll();
    expect(s.layer.marks.map((m) => m.text)).toEqual(['Fumio Kishida']);
    s.destroy();
  }, 30_000);
});
