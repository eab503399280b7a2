/**
 * Deterministic synthetic datasets and texts (benchmarks, stress tests). Names are made of random
 * syllables, so they do not collide with real entities.
 */
import type { MatcherInput, PatternSpec } from './types';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'ri', 'to', 'men', 'sa', 'lo', 'va', 'dan', 'el', 'shi', 'ro', 'na', 'be', 'tor', 'gu', 'lin', 'ze', 'mar', 'po', 'chi', 'an', 'is', 'ul', 'ter', 'wen', 'jo', 'ha', 'ki', 'yu', 'bo'];
const CJK = '国家主席总统理事会议长首相外交部会谈北京东京首尔平壤联合大韩民日本中华人民共和朝鲜美利坚合众';
const HANGUL = '윤석열이재명문재인김정은박근혜한국서울대통령총리';

function word(r: () => number, min = 2, max = 3): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

/** About `aliases` patterns over aliases/4 entities: names, surnames, abbreviations, natives, blocks. */
export function syntheticInput(aliases: number, seed = 1): MatcherInput {
  const r = rng(seed);
  const ids: string[] = [];
  const patterns: PatternSpec[] = [];
  const seen = new Set<string>();
  const add = (p: PatternSpec) => {
    if (seen.has(p.text + p.entity)) return;
    seen.add(p.text + p.entity);
    patterns.push(p);
  };
  while (patterns.length < aliases) {
    const e = ids.length;
    ids.push(`entity-${e}`);
    const kind = r();
    if (kind < 0.45) {
      // person: full name, reversed name, surname
      const given = word(r);
      const sur = word(r, 2, 2);
      add({ text: `${given} ${sur}`, entity: e, type: 'name', caseMode: 'exact' });
      add({ text: `${sur} ${given}`, entity: e, type: 'name', caseMode: 'exact' });
      add({ text: sur, entity: e, type: 'surname', caseMode: 'exact', policy: r() < 0.8 ? 'after-full' : 'always' });
      if (r() < 0.3) add({ text: Array.from({ length: 3 }, () => HANGUL[Math.floor(r() * HANGUL.length)]).join(''), entity: e, type: 'native', caseMode: 'exact' });
    } else if (kind < 0.75) {
      const n = word(r);
      add({ text: n, entity: e, type: 'name', caseMode: 'exact', ...(r() < 0.2 ? { notBefore: [word(r)], notAfter: [word(r)] } : {}) });
      add({ text: `Republic of ${n}`, entity: e, type: 'name', caseMode: 'exact' });
      add({ text: n.slice(0, 3).toUpperCase(), entity: e, type: 'abbreviation', caseMode: 'exact' });
      if (r() < 0.5) add({ text: Array.from({ length: 2 + Math.floor(r() * 3) }, () => CJK[Math.floor(r() * CJK.length)]).join(''), entity: e, type: 'native', caseMode: 'exact' });
    } else {
      const n = `${word(r)} ${['Treaty', 'Summit', 'Accords', 'Agreement', 'Council', 'Organization'][Math.floor(r() * 6)]}`;
      add({ text: n, entity: e, type: 'name', caseMode: r() < 0.5 ? 'exact' : 'insensitive' });
      add({ text: `the ${n}`, entity: e, type: 'name', caseMode: 'insensitive' });
      if (r() < 0.3) add({ text: `${n} of ${word(r)}`, entity: -1, type: 'block', caseMode: 'exact' });
    }
  }
  return { ids, patterns };
}

const COMMON = (
  'the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they you ' +
  'were her she there been one all we their has would when if so no will more about can said up out them into time ' +
  'president minister government talks summit security nuclear trade officials week country military agreement leaders ' +
  'meeting policy foreign economic sanctions statement defence region election party council spokesman'
).split(' ');

/** English-like running text with a name from `input` every ~`every` words. */
export function syntheticText(input: MatcherInput, chars: number, seed = 2, every = 40): string {
  const r = rng(seed);
  const names = input.patterns.filter((p) => p.type !== 'block' && p.type !== 'surname').map((p) => p.text);
  const parts: string[] = [];
  let len = 0;
  let sentence = 0;
  while (len < chars) {
    let w: string;
    if (names.length && r() < 1 / every) w = names[Math.floor(r() * names.length)]!;
    else w = COMMON[Math.floor(r() * COMMON.length)]!;
    if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
    sentence++;
    const end = sentence > 8 && r() < 0.15;
    const piece = w + (end ? (r() < 0.1 ? '.\n\n' : '. ') : r() < 0.08 ? ', ' : ' ');
    if (end) sentence = 0;
    parts.push(piece);
    len += piece.length;
  }
  return parts.join('');
}
