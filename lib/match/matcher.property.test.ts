import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from './compile';
import { fixtureInput, splits } from './fixture';
import { loadMatcher } from './matcher';
import { normalizeAlias } from './normalize';
import { CLASS_SHIFT, K_DIGIT, K_LETTER, K_MARK, K_SKIP, buildUnicodeInfo, infoOf } from './unicode';

const input = fixtureInput();
const matcher = loadMatcher(compileMatcher(input));
const info = buildUnicodeInfo();
const cls = (c: number) => (infoOf(c, info) >>> CLASS_SHIFT) & 15;
const isWord = (c: number) => cls(c) === K_LETTER || cls(c) === K_DIGIT;

const aliasTexts = input.patterns.map((p) => p.text);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...aliasTexts) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\u00a0', '\n', '. ', ', ', "'s ", '’', '-', '\u2011', '\u00ad', '\u200b', '.', 'President ', 'Mr. ', 'the ', 'CONTACT ') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('us', 'US', 'U.S', 'S.', 'kim', 'Kim', 'Jong', 'Un', '中', '国', '윤', 'é', 'e\u0301', 'İ', 'ß') },
);
const textArb = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));

/** Normalised forms of every alias of an entity. */
const formsOf = new Map<number, Set<string>>();
for (const p of input.patterns) {
  if (p.entity < 0) continue;
  let s = formsOf.get(p.entity);
  if (!s) formsOf.set(p.entity, (s = new Set()));
  s.add(normalizeAlias(p.text, info).join(','));
}

describe('matcher properties', () => {
  it('mentions are sorted, disjoint, inside the text and map back to an alias of their entity', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const ms = matcher.scanText(text);
        let last = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          last = m.end;
          const norm = normalizeAlias(text.slice(m.start, m.end), info).join(',');
          expect(formsOf.get(m.entity)!.has(norm)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('mentions lie on word boundaries', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const m of matcher.scanText(text)) {
          const first = text.charCodeAt(m.start);
          if (isWord(first)) {
            let p = m.start - 1;
            while (p >= 0 && (cls(text.charCodeAt(p)) === K_SKIP || cls(text.charCodeAt(p)) === K_MARK)) p--;
            if (p >= 0) expect(isWord(text.charCodeAt(p))).toBe(false);
          }
          let q = m.end - 1;
          while (q > m.start && (cls(text.charCodeAt(q)) === K_MARK || text[q] === '.')) q--;
          if (isWord(text.charCodeAt(q))) {
            let p = m.end;
            while (p < text.length && cls(text.charCodeAt(p)) === K_SKIP) p++;
            if (p < text.length && isWord(text.charCodeAt(p))) {
              // only the plural possessive "Kims'" may follow
              expect(text[p]!.toLowerCase()).toBe('s');
            }
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('results do not depend on how the text is split into chunks', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const whole = matcher.session().scan([text]);
        const parts = matcher.session().scan(splits(text, cuts));
        expect(parts).toEqual(whole);
      }),
      { numRuns: 600 },
    );
  });

  it('hard breaks act like separate scans of each block (except for surname state)', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 4 }), (blocks) => {
        const breaks = blocks.map((_, i) => i).slice(1);
        const got = matcher.session().scan(blocks, { breaks });
        let base = 0;
        const want = [];
        const s = matcher.session();
        for (const b of blocks) {
          for (const m of s.scan([b])) {
            const r = { ...m, start: m.start + base, end: m.end + base };
            if (r.rule.kind === 'surname') {
              delete r.rule.fullScan;
              r.rule = { ...r.rule };
            }
            want.push(r);
          }
          base += b.length;
        }
        // compare spans and entities (fullAt coordinates differ between the two set-ups)
        const key = (m: { entity: number; start: number; end: number }) => `${m.entity}@${m.start}-${m.end}`;
        expect(got.map(key)).toEqual(want.map(key));
      }),
      { numRuns: 300 },
    );
  });

  it('an alias embedded in random text is found (normaliser and scanner agree)', () => {
    const plain = input.patterns.filter((p) => p.type !== 'surname' && p.type !== 'block' && !p.notAfter && !p.notBefore);
    fc.assert(
      fc.property(fc.constantFrom(...plain), fc.constantFrom(' ', '\n', ' (', '\u00a0'), fc.constantFrom(' ', ', ', ') ', '\u00a0'), fc.array(fc.nat(), { maxLength: 4 }), (p, pre, post, cuts) => {
        const text = `x${pre}${p.text}${post}y`;
        const ms = matcher.session().scan(splits(text, cuts));
        const hit = ms.find((m) => m.start === 1 + pre.length);
        expect(hit, `${p.text} in ${JSON.stringify(text)}`).toBeDefined();
        expect(hit!.entity === p.entity || hit!.alternatives?.includes(p.entity)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
