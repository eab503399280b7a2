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
  | {
      kind: 'surname';
      policy: SurnamePolicy;
      /**
       * Start offset of the entity's first full mention (alias/abbreviation/native) before this
       * one. In the same scan call's coordinates unless `fullScan` is set.
       */
      fullAt?: number;
      /** When the full mention came from an earlier `scan` call of the session: that call's number (0-based). */
      fullScan?: number;
      /** The title right before the surname as written ("President", "Prime Minister", "Mr."). */
      title?: string;
    };

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

/**
 * Serialisable matcher tables produced by `compileMatcher` at build time and decoded by
 * `loadMatcher` at run time. Every field is a string (compact number streams / raw code units),
 * so the object embeds in a JS module as plain literals. Treat it as opaque.
 */
export interface MatcherTables {
  /** Format version. */
  v: number;
  /** Entity ids joined by '\n'. */
  ids: string;
  /** Character class / folding table. */
  uni: string;
  /** Automaton node labels, one code unit per node (breadth-first order, root omitted). */
  labels: string;
  /** Number streams: child count per node; (node delta, output count) per node with outputs. */
  deg: string;
  outs: string;
  /** Pattern metadata, in output order. */
  pats: string;
  /** Veto lists (notBefore/notAfter) and their normalised phrases joined by '\n'. */
  vetoes: string;
  phrases: string;
}
