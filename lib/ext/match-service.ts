/**
 * Matching as a service of the background: the matcher is decoded and compiled once per
 * worker lifetime (bundled tables, or the overlay with the reader's imported entries) and
 * stays warm across pages, so an article's main thread only walks its text and draws ranges.
 * One document session per page keeps the document-order state (full names seen so far).
 */
import { MATCHER_TABLES } from '../../generated/matcher';
import { ENTITY_KIND_CODES } from '../../generated/kinds';
import { kindAt } from '../dataset/kind-codes';
import { loadMatcher, type Matcher, type MatchSession } from '../match/matcher';
import type { MatchReply } from '../protocol';
import { currentOverlay } from './dataset';

interface Loaded {
  version: string;
  matcher: Matcher;
  kinds: string;
}

/** At most this many live document sessions (oldest dropped first). */
const MAX_SESSIONS = 300;

export class MatchService {
  private loaded: Loaded | null = null;
  private readonly sessions = new Map<string, { session: MatchSession; version: string }>();

  private async matcher(): Promise<Loaded> {
    const overlay = await currentOverlay();
    const version = overlay?.version ?? 'bundled';
    if (this.loaded?.version !== version) {
      this.loaded = overlay
        ? { version, matcher: loadMatcher(overlay.tables), kinds: overlay.kinds }
        : { version, matcher: loadMatcher(MATCHER_TABLES), kinds: ENTITY_KIND_CODES };
    }
    return this.loaded;
  }

  async match(key: string, chunks: readonly string[], breaks: readonly number[]): Promise<MatchReply> {
    const { matcher, kinds, version } = await this.matcher();
    let s = this.sessions.get(key);
    if (!s || s.version !== version) {
      s = { session: matcher.session(), version };
      this.sessions.set(key, s);
      while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    }
    const mentions = s.session.scan(chunks, { breaks });
    const refs: MatchReply['refs'] = {};
    const ref = (e: number) => (refs[e] ??= { id: matcher.ids[e] ?? '', kind: kindAt(kinds, e) });
    for (const m of mentions) {
      ref(m.entity);
      for (const a of m.alternatives ?? []) ref(a);
    }
    return { mentions, refs };
  }

  /** A tab closed or navigated: its document sessions go. */
  forgetTab(tabId: number): void {
    const prefix = `${tabId}:`;
    for (const k of [...this.sessions.keys()]) if (k.startsWith(prefix)) this.sessions.delete(k);
  }
}
