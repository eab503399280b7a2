export type { CaseMode, MatchRule, MatcherInput, MatcherTables, Mention, PatternSpec, PatternType, SurnamePolicy } from './types';
export { loadMatcher, Matcher, type MatchSession, type ScanOptions } from './matcher';
export { ChunkOffsets, locateOffset } from './offsets';
