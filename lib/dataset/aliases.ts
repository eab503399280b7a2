/**
 * From an entity's names to the matcher's patterns: the single place that decides which texts an
 * entity is matched by, shared by the compiler (lib/dataset/compile.ts) and the alias-collision
 * check (lib/dataset/qa.ts), so the two can never disagree.
 */
import type { CaseMode, PatternSpec, PatternType, SurnamePolicy } from '../match/types';
import type { Entity } from './schema';

/**
 * Normalises an alias for comparison: Unicode NFKC, typographic quotes and dashes to ASCII,
 * periods dropped ("U.S." = "US"), other punctuation runs and whitespace collapsed to one space.
 * Case is kept; see {@link foldCase}.
 */
export function normaliseAlias(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\./g, '')
    .replace(/[\s,;:!?"()[\]{}]+/g, ' ')
    .trim();
}

export function foldCase(text: string): string {
  return text.toLocaleLowerCase('en-US');
}

/** A pattern of one entity, before it is given the entity's index. */
export interface EntityPattern {
  text: string;
  type: Exclude<PatternType, 'block'>;
  caseMode: CaseMode;
  policy?: SurnamePolicy;
  notBefore?: string[];
  notAfter?: string[];
  ambiguous?: boolean;
  /** Where it came from, for error messages: "name", "aliases[3]", "native[0]". */
  origin: string;
}

/** Display names with a parenthesised qualifier ("Liancourt Rocks (Dokdo / Takeshima)") are labels, not text to match. */
export function nameIsMatchable(name: string): boolean {
  return !/[()]/.test(name);
}

function key(p: Pick<EntityPattern, 'text' | 'caseMode'>): string {
  const n = normaliseAlias(p.text);
  return p.caseMode === 'insensitive' ? `i:${foldCase(n)}` : `e:${n}`;
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a?.length) return b?.length ? [...b] : undefined;
  if (!b?.length) return [...a];
  return [...new Set([...a, ...b])];
}

/**
 * The de-duplicated patterns of one entity: its display name (unless it carries a parenthesised
 * qualifier), every alias, and every native name with `match !== false`.
 * Duplicates (same normalised text and case mode) merge: an explicit alias object's type and
 * policy win over the plain name, vetoes are united, `ambiguous` is true if any copy says so.
 * An exact-case pattern is dropped when an insensitive one with the same folded text and type
 * exists and the exact one adds no vetoes.
 */
export function entityPatterns(e: Pick<Entity, 'name' | 'aliases' | 'native'>): EntityPattern[] {
  const raw: { p: EntityPattern; explicit: boolean }[] = [];
  if (nameIsMatchable(e.name)) raw.push({ p: { text: e.name, type: 'name', caseMode: 'exact', origin: 'name' }, explicit: false });
  (e.aliases ?? []).forEach((a, i) => {
    const origin = `aliases[${i}]`;
    if (typeof a === 'string') {
      raw.push({ p: { text: a, type: 'name', caseMode: 'exact', origin }, explicit: false });
      return;
    }
    const type = a.type ?? 'name';
    const p: EntityPattern = { text: a.text, type, caseMode: a.case ?? 'exact', origin };
    if (type === 'surname') p.policy = a.policy ?? 'after-full';
    if (a.notBefore?.length) p.notBefore = [...a.notBefore];
    if (a.notAfter?.length) p.notAfter = [...a.notAfter];
    if (a.ambiguous) p.ambiguous = true;
    raw.push({ p, explicit: true });
  });
  (e.native ?? []).forEach((n, i) => {
    if (n.match === false) return;
    const p: EntityPattern = { text: n.text, type: 'native', caseMode: 'exact', origin: `native[${i}]` };
    if (n.ambiguous) p.ambiguous = true;
    raw.push({ p, explicit: true });
  });

  const byKey = new Map<string, { p: EntityPattern; explicit: boolean }>();
  for (const r of raw) {
    const k = key(r.p);
    const prev = byKey.get(k);
    if (!prev) {
      byKey.set(k, { p: { ...r.p }, explicit: r.explicit });
      continue;
    }
    // Merge into the first occurrence (keeps its text and origin), letting explicit options win.
    const m = prev.p;
    if (r.explicit && !prev.explicit) {
      m.type = r.p.type;
      if (r.p.policy) m.policy = r.p.policy;
      prev.explicit = true;
    } else if (r.p.type === 'surname' && m.type === 'surname' && r.p.policy && m.policy !== r.p.policy) {
      // Two surname declarations disagreeing on policy: the stricter one wins.
      const strict: SurnamePolicy[] = ['never', 'after-full', 'always'];
      m.policy = strict[Math.min(strict.indexOf(m.policy ?? 'after-full'), strict.indexOf(r.p.policy))];
    }
    const nb = union(m.notBefore, r.p.notBefore);
    const na = union(m.notAfter, r.p.notAfter);
    if (nb) m.notBefore = nb;
    if (na) m.notAfter = na;
    if (r.p.ambiguous) m.ambiguous = true;
  }

  const merged = [...byKey.values()].map((x) => x.p);
  const insensitive = new Set(merged.filter((p) => p.caseMode === 'insensitive').map((p) => `${p.type}:${foldCase(normaliseAlias(p.text))}`));
  return merged.filter(
    (p) =>
      p.caseMode === 'insensitive' ||
      p.notBefore?.length ||
      p.notAfter?.length ||
      !insensitive.has(`${p.type}:${foldCase(normaliseAlias(p.text))}`),
  );
}

/** An entity pattern as a matcher PatternSpec (without the origin, with the entity index). */
export function toPatternSpec(p: EntityPattern, entity: number): PatternSpec {
  const s: PatternSpec = { text: p.text, entity, type: p.type, caseMode: p.caseMode };
  if (p.type === 'surname' && p.policy) s.policy = p.policy;
  if (p.notBefore?.length) s.notBefore = p.notBefore;
  if (p.notAfter?.length) s.notAfter = p.notAfter;
  if (p.ambiguous) s.ambiguous = true;
  return s;
}

/** The collision key of a pattern: folded normalised text (case differences still collide when either side is insensitive). */
export function collisionKey(text: string): string {
  return foldCase(normaliseAlias(text));
}

/**
 * Whether a pattern counts in the alias-collision check: surnames matched only after the full
 * name (or never) are disambiguated by context and may be shared ("Kim", "Lee").
 */
export function claimsAlias(p: EntityPattern): boolean {
  return !(p.type === 'surname' && (p.policy === 'after-full' || p.policy === 'never'));
}

/** Two patterns' texts would match the same string (case-aware). */
export function patternsCollide(a: Pick<EntityPattern, 'text' | 'caseMode'>, b: Pick<EntityPattern, 'text' | 'caseMode'>): boolean {
  const na = normaliseAlias(a.text);
  const nb = normaliseAlias(b.text);
  if (a.caseMode === 'exact' && b.caseMode === 'exact') return na === nb;
  return foldCase(na) === foldCase(nb);
}
