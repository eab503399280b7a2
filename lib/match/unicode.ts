/**
 * Character classes and folding for the matcher.
 *
 * Every UTF-16 code unit gets an INFO word: low 16 bits = folded unit (lower case, diacritics
 * stripped, apostrophe/quote/hyphen variants mapped to ASCII), bits 16..19 = class, plus
 * UPPER/LOWER flags. Code units below TABLE_SIZE come from a table that is computed at build time
 * (with the build machine's Unicode data) and shipped inside the matcher tables; the rest is
 * classified by `slowInfo` (CJK, Hangul, surrogates, fullwidth forms...).
 */

export const K_OTHER = 0; // punctuation, symbols: emitted, not part of a word
export const K_SPACE = 1; // any white space (collapsed to one U+0020)
export const K_LETTER = 2; // letters of scripts written with spaces between words
export const K_DIGIT = 3; // digits (word characters, but never "single letters")
export const K_NOSPACE = 4; // letters of scripts written without spaces (CJK, kana, Hangul, Thai...)
export const K_SKIP = 5; // invisible: soft hyphen, zero-width space/joiners, bidi marks
export const K_MARK = 6; // combining diacritics: skipped, but belong to the preceding letter
export const K_PERIOD = 7; // '.': dropped after a single letter (U.S. = US)

export const F_UPPER = 1 << 20;
export const F_LOWER = 1 << 21;
export const CLASS_SHIFT = 16;

export const TABLE_SIZE = 0x3100;
/** The symbol standing for "a word starts here" in the automaton ('`' never survives folding). */
export const MARK = 0x60;

export const APOS = 0x27;
export const HYPHEN = 0x2d;
export const QUOTE = 0x22;

const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x02b9, 0xff07];
const QUOTES = [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb];
const HYPHENS = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d];
const INVISIBLE = [
  0xad, 0x034f, 0x061c, 0x0640, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d,
  0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069,
];
/** Combining diacritics that are dropped (é = e + U+0301). Indic vowel signs are NOT here. */
const MARK_RANGES: Array<[number, number]> = [
  [0x300, 0x36f],
  [0x483, 0x489],
  [0x591, 0x5bd],
  [0x5bf, 0x5bf],
  [0x5c1, 0x5c2],
  [0x5c4, 0x5c5],
  [0x5c7, 0x5c7],
  [0x610, 0x61a],
  [0x64b, 0x65f],
  [0x670, 0x670],
  [0x6d6, 0x6dc],
  [0x6df, 0x6e4],
  [0x6e7, 0x6e8],
  [0x6ea, 0x6ed],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
];
/** Blocks whose letters are written without spaces between words. */
const NOSPACE_RANGES: Array<[number, number]> = [
  [0x0e00, 0x0eff], // Thai, Lao
  [0x0f00, 0x0fff], // Tibetan
  [0x1000, 0x109f], // Myanmar
  [0x1100, 0x11ff], // Hangul Jamo
  [0x1780, 0x17ff], // Khmer
  [0x2e80, 0x2fff], // CJK radicals
  [0x3005, 0x3007],
  [0x3021, 0x3029],
  [0x3031, 0x3035],
  [0x3038, 0x303c],
  [0x3040, 0x30ff], // kana
];
const EXTRA_FOLD: Record<number, number> = {
  0x0141: 0x6c, 0x0142: 0x6c, 0x00d8: 0x6f, 0x00f8: 0x6f, 0x0110: 0x64, 0x0111: 0x64, 0x0126: 0x68,
  0x0127: 0x68, 0x0131: 0x69, 0x03c2: 0x03c3, 0x013f: 0x6c, 0x0140: 0x6c, 0x0166: 0x74, 0x0167: 0x74,
  0x0401: 0x0435, 0x0451: 0x0435,
};

function inRanges(c: number, ranges: Array<[number, number]>): boolean {
  for (const [a, b] of ranges) if (c >= a && c <= b) return true;
  return false;
}

/** Build-time only: compute the INFO table from the JS engine's Unicode data. */
export function buildUnicodeInfo(): Uint32Array {
  const info = new Uint32Array(TABLE_SIZE);
  const reLetter = /^[\p{L}\p{M}]$/u;
  const reDigit = /^\p{N}$/u;
  const reSpace = /^\s$/u;
  const reUpper = /^\p{Lu}$/u;
  const reLower = /^\p{Ll}$/u;
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    let fold = c;
    let k = K_OTHER;
    let flags = 0;
    if (c >= 0xd800 && c <= 0xdfff) {
      k = K_NOSPACE;
    } else if (APOSTROPHES.includes(c)) {
      fold = APOS;
    } else if (QUOTES.includes(c)) {
      fold = QUOTE;
    } else if (HYPHENS.includes(c)) {
      fold = HYPHEN;
    } else if (INVISIBLE.includes(c)) {
      k = K_SKIP;
    } else if (inRanges(c, MARK_RANGES)) {
      k = K_MARK;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || reSpace.test(ch)) {
      k = K_SPACE;
      fold = 0x20;
    } else if (c === 0x2e) {
      k = K_PERIOD;
    } else if (reDigit.test(ch)) {
      k = inRanges(c, NOSPACE_RANGES) ? K_NOSPACE : K_DIGIT;
    } else if (reLetter.test(ch)) {
      k = inRanges(c, NOSPACE_RANGES) ? K_NOSPACE : K_LETTER;
      if (reUpper.test(ch)) flags |= F_UPPER;
      if (reLower.test(ch)) flags |= F_LOWER;
      const extra = EXTRA_FOLD[c];
      if (extra !== undefined) {
        fold = extra;
      } else {
        let low = ch.toLowerCase();
        if (low.length !== 1) low = low.normalize('NFD');
        const first = low.charCodeAt(0);
        // strip diacritics when the decomposition is base + dropped marks; keep Cyrillic й etc.
        const nfd = String.fromCharCode(first).normalize('NFD');
        let base = nfd.charCodeAt(0);
        let rest = true;
        for (let i = 1; i < nfd.length; i++) if (!inRanges(nfd.charCodeAt(i), MARK_RANGES)) rest = false;
        if (!rest || (c >= 0x400 && c <= 0x4ff)) base = first;
        if (nfd.length === 1) base = first;
        fold = EXTRA_FOLD[base] ?? base;
      }
    }
    info[c] = (fold & 0xffff) | (k << CLASS_SHIFT) | flags;
  }
  return info;
}

/** Classify a code unit >= TABLE_SIZE (no table). Returns an INFO word. */
export function slowInfo(c: number, table: Uint32Array): number {
  if (c < 0xa000) return c | (K_NOSPACE << CLASS_SHIFT); // CJK, Hangul compat, bopomofo...
  if (c < 0xa4d0) return c | (K_NOSPACE << CLASS_SHIFT); // Yi
  if (c < 0xa960) return c | (K_LETTER << CLASS_SHIFT);
  if (c < 0xa980) return c | (K_NOSPACE << CLASS_SHIFT); // Hangul Jamo ext A
  if (c < 0xac00) return c | (K_LETTER << CLASS_SHIFT);
  if (c < 0xe000) return c | (K_NOSPACE << CLASS_SHIFT); // Hangul syllables, surrogates
  if (c < 0xf900) return c; // private use
  if (c < 0xfb00) return c | (K_NOSPACE << CLASS_SHIFT);
  if (c < 0xfe00) return c | (K_LETTER << CLASS_SHIFT);
  if (c < 0xfe10) return c | (K_SKIP << CLASS_SHIFT);
  if (c < 0xfe20) return c;
  if (c < 0xfe30) return c | (K_MARK << CLASS_SHIFT);
  if (c < 0xfe70) return c === 0xfe63 ? HYPHEN : c;
  if (c < 0xfeff) return c | (K_LETTER << CLASS_SHIFT);
  if (c === 0xfeff) return c | (K_SKIP << CLASS_SHIFT);
  if (c === 0xff07) return APOS;
  if (c === 0xff0d) return HYPHEN;
  if (c >= 0xff01 && c <= 0xff5e) return table[c - 0xfee0] ?? c;
  if (c >= 0xff66 && c <= 0xffdc) return c | (K_NOSPACE << CLASS_SHIFT);
  return c;
}

export function infoOf(c: number, table: Uint32Array): number {
  return c < TABLE_SIZE ? table[c]! : slowInfo(c, table);
}

// ---------------------------------------------------------------------------------------------
// Compact number streams: each number is written in base 0x4000 digits, low digit first; a digit
// with more to follow is 0x4020 + d, the last one is 0x20 + d. No surrogates, no control chars,
// numbers below 0x60 are one ASCII character.

export function encodeNums(nums: ArrayLike<number>): string {
  const out: number[] = [];
  for (let i = 0; i < nums.length; i++) {
    let v = nums[i]!;
    if (v < 0 || !Number.isInteger(v)) throw new Error(`encodeNums: not a natural number: ${v}`);
    while (v >= 0x4000) {
      out.push(0x4020 + (v & 0x3fff));
      v = Math.floor(v / 0x4000);
    }
    out.push(0x20 + v);
  }
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  return s;
}

/** Sequential reader of a number stream. */
export class NumReader {
  pos = 0;
  constructor(readonly s: string) {}
  next(): number {
    const s = this.s;
    let c = s.charCodeAt(this.pos++);
    if (c < 0x4020) return c - 0x20;
    let v = 0;
    let mul = 1;
    while (c >= 0x4020) {
      v += (c - 0x4020) * mul;
      mul *= 0x4000;
      c = s.charCodeAt(this.pos++);
    }
    return v + (c - 0x20) * mul;
  }
  get done(): boolean {
    return this.pos >= this.s.length;
  }
}

/** Encode the INFO table as runs of (info delta from identity) for shipping. */
export function encodeUnicodeInfo(info: Uint32Array): string {
  // Stream of pairs: run length, value where value = (class+flags) << 1 | hasFold, then fold.
  const nums: number[] = [];
  let i = 0;
  while (i < info.length) {
    const v = info[i]!;
    const fold = v & 0xffff;
    const hi = v >>> 16;
    if (fold === i) {
      let j = i + 1;
      while (j < info.length && info[j]! >>> 16 === hi && (info[j]! & 0xffff) === j) j++;
      nums.push(j - i, hi << 1);
      i = j;
    } else {
      nums.push(1, (hi << 1) | 1, fold);
      i++;
    }
  }
  return encodeNums(nums);
}

const unicodeCache = new Map<string, Uint32Array>();

export function decodeUnicodeInfo(s: string): Uint32Array {
  const cached = unicodeCache.get(s);
  if (cached) return cached;
  const info = new Uint32Array(TABLE_SIZE);
  const r = new NumReader(s);
  let i = 0;
  while (!r.done && i < TABLE_SIZE) {
    const n = r.next();
    const h = r.next();
    if (h & 1) {
      info[i] = r.next() | ((h >>> 1) << 16);
      i++;
    } else {
      const hi = (h >>> 1) << 16;
      const end = i + n;
      for (; i < end; i++) info[i] = i | hi;
    }
  }
  unicodeCache.set(s, info);
  return info;
}

/** For benchmarks: forget decoded tables so the next load is measured cold. */
export function clearUnicodeCache(): void {
  unicodeCache.clear();
}
