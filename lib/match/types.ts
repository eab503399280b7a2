/**
 * Contract between the dataset compiler (lib/dataset, scripts/data.ts) and the matcher.
 * The compiler turns every alias of every entity into a PatternSpec; the matcher compiles the
 * specs into compact tables at build time and scans page text with them at run time.
 */

export type CaseMode = 'exact' | 'insensitive';
export type PatternType = 'name' | 'surname' | 'abbreviation' | 'native' | 'block';
export type SurnamePolicy = 'always' | 'after-full' | 'never';

export interface PatternSpec {
  /** The alias as written in the dataset (un-normalised). */
  text: string;
  /** Index into MatcherInput.ids; -1 for `block` patterns (phrases that are not entities). */
  entity: number;
  type: PatternType;
  caseMode: CaseMode;
  /** Only for `surname` patterns. */
  policy?: SurnamePolicy;
  /** Veto when one of these follows the match. */
  notBefore?: string[];
  /** Veto when one of these precedes the match. */
  notAfter?: string[];
  /** The same alias knowingly belongs to more than one entity. */
  ambiguous?: boolean;
}

export interface MatcherInput {
  /** Entity ids; a pattern's `entity` indexes this array. */
  ids: string[];
  patterns: PatternSpec[];
}

/** Why a mention matched: shown in cards ("surname after 'Yoon Suk Yeol' earlier"). */
export type MatchRule =
  | { kind: 'alias' }
  | { kind: 'abbreviation' }
  | { kind: 'native' }
  | { kind: 'surname'; policy: SurnamePolicy; fullAt?: number; title?: string };

export interface Mention {
  /** Entity index (into ids). For ambiguous mentions, the first candidate. */
  entity: number;
  /** Other entities the same text could refer to (ambiguous aliases). */
  alternatives?: number[];
  /** Offsets into the concatenation of the scanned chunks (UTF-16 units). */
  start: number;
  end: number;
  rule: MatchRule;
}
