/** Table format constants shared by the compiler and the run-time matcher. */
export const TABLES_VERSION = 2;
/** Longest normalised pattern (code units, including word marks); longer aliases are dropped. */
export const MAX_PATTERN_UNITS = 1000;

export const T_NAME = 0;
export const T_SURNAME = 1;
export const T_ABBREVIATION = 2;
export const T_NATIVE = 3;
export const T_BLOCK = 4;
export const FL_TYPE = 7;
export const FL_EXACT = 1 << 3;
export const FL_POLICY_SHIFT = 4;
export const FL_AMBIGUOUS = 1 << 6;
export const FL_ALLCAPS = 1 << 7;
export const FL_VETO = 1 << 8;
export const POLICIES = ['always', 'after-full', 'never'] as const;

