/**
 * Reference normaliser (used at build time for aliases, and by tests). The scanner in
 * `matcher.ts` inlines exactly the same state machine over page text.
 *
 * Rules: case and diacritics folded via the INFO table; white space runs collapse to one space;
 * invisible characters and combining diacritics vanish; a '.' right after a single letter vanishes
 * (U.S. = US, N. Korea = N Korea); every word (run of letters/digits) is preceded by MARK, so the
 * automaton only finds alphabetic aliases at word starts.
 */
import {
  CLASS_SHIFT,
  F_UPPER,
  K_DIGIT,
  K_LETTER,
  K_MARK,
  K_PERIOD,
  K_SKIP,
  K_SPACE,
  MARK,
  infoOf,
} from './unicode';

export function normalizeAlias(text: string, info: Uint32Array): number[] {
  const out: number[] = [];
  let prevWord = false;
  let run = 0;
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const inf = infoOf(text.charCodeAt(i), info);
    const k = (inf >>> CLASS_SHIFT) & 15;
    let u = inf & 0xffff;
    if (k === K_LETTER || k === K_DIGIT) {
      if (!prevWord) {
        out.push(MARK);
        prevWord = true;
        run = 0;
      }
      run = k === K_LETTER ? run + 1 : 0;
      lastSpace = false;
    } else if (k === K_SPACE) {
      if (lastSpace) continue;
      lastSpace = true;
      prevWord = false;
      run = 0;
      u = 0x20;
    } else if (k === K_SKIP || k === K_MARK) {
      continue;
    } else if (k === K_PERIOD) {
      if (run === 1) {
        run = 0;
        continue;
      }
      prevWord = false;
      run = 0;
      lastSpace = false;
    } else {
      prevWord = false;
      run = 0;
      lastSpace = false;
    }
    out.push(u);
  }
  while (out.length && out[out.length - 1] === 0x20) out.pop();
  return out;
}

/** Folded phrase for veto / title comparison: spaces collapsed, periods and invisibles dropped. */
export function normalizePhrase(text: string, info: Uint32Array): number[] {
  const out: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const inf = infoOf(text.charCodeAt(i), info);
    const k = (inf >>> CLASS_SHIFT) & 15;
    if (k === K_SKIP || k === K_MARK || k === K_PERIOD) continue;
    if (k === K_SPACE) {
      if (!lastSpace) out.push(0x20);
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    out.push(inf & 0xffff);
  }
  while (out.length && out[out.length - 1] === 0x20) out.pop();
  return out;
}

/** Indices (among the alias's letters) of upper-case letters: the exact-case signature. */
export function upperPositions(text: string, info: Uint32Array): { uppers: number[]; letters: number } {
  const uppers: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const inf = infoOf(text.charCodeAt(i), info);
    if (((inf >>> CLASS_SHIFT) & 15) !== K_LETTER) continue;
    if (inf & F_UPPER) uppers.push(n);
    n++;
  }
  return { uppers, letters: n };
}
