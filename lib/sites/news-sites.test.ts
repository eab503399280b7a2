import { describe, expect, it } from 'vitest';
import { LOOPBACK_MATCHES, NEWS_SITE_MATCHES, NEWS_SITES } from './news-sites';
import { hostMatches } from './site-policy';

describe('built-in news sites', () => {
  it('lists at least 150 distinct hosts, none covered by another entry', () => {
    expect(NEWS_SITES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(NEWS_SITES).size).toBe(NEWS_SITES.length);
    for (const a of NEWS_SITES) {
      expect(a).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const b of NEWS_SITES) if (a !== b) expect(hostMatches(a, b), `${a} is covered by ${b}`).toBe(false);
    }
  });

  it('includes the East Asian outlets the first readers rely on', () => {
    for (const h of ['yna.co.kr', 'koreaherald.com', 'koreajoongangdaily.joins.com', 'donga.com', 'japantimes.co.jp', 'nhk.or.jp', 'nikkei.com', 'scmp.com']) {
      expect(NEWS_SITES).toContain(h);
    }
  });

  it('declares https match patterns only, and no loopback in release matches', () => {
    for (const m of NEWS_SITE_MATCHES) expect(m).toMatch(/^https:\/\/\*\.[a-z0-9.-]+\/\*$/);
    for (const m of LOOPBACK_MATCHES) expect(NEWS_SITE_MATCHES).not.toContain(m);
  });
});
