/**
 * The real dataset (data/) compiled into the real matcher, for precision-trap tests.
 * Loaded lazily and once per test file; tests call `realFound`/`realIds` on plain sentences.
 */
import { join } from 'node:path';
import { checkSources } from '../../lib/dataset/check';
import { compileMatcherInput } from '../../lib/dataset/compile';
import { compileMatcher } from '../../lib/match/compile';
import { loadMatcher, type Matcher } from '../../lib/match';
import { loadSources } from '../../scripts/data/load';

let cached: Matcher | undefined;

/** The matcher built from every entity and blocker under data/. */
export function realMatcher(): Matcher {
  if (!cached) {
    const src = loadSources(join(import.meta.dirname, '..', '..', 'data'));
    const checked = checkSources(src);
    cached = loadMatcher(compileMatcher(compileMatcherInput(checked.entities, checked.blockers)));
  }
  return cached;
}

/** Mentions in `text` as "id:matched text" strings, in document order. */
export function realFound(text: string): string[] {
  const m = realMatcher();
  return m.scanText(text).map((x) => `${m.ids[x.entity]}:${text.slice(x.start, x.end)}`);
}

/** Entity ids mentioned in `text`, in document order. */
export function realIds(text: string): string[] {
  return realFound(text).map((s) => s.slice(0, s.indexOf(':')));
}
