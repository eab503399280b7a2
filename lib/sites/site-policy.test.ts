import { describe, expect, it } from 'vitest';
import { siteState } from './site-policy';

const none = { disabledSites: [], addedSites: [] };

describe('site policy', () => {
  it('runs on built-in news sites and their subdomains', () => {
    expect(siteState('https://www.bbc.co.uk/news/world-asia-1', none)).toBe('builtin');
    expect(siteState('https://apnews.com/article/x', none)).toBe('builtin');
    expect(siteState('https://notbbc.co.uk/news', none)).toBe('not-enabled');
  });
  it('honours reader choices', () => {
    expect(siteState('https://www.bbc.co.uk/news', { disabledSites: ['bbc.co.uk'], addedSites: [] })).toBe('disabled');
    expect(siteState('https://blog.example.org/p', { disabledSites: [], addedSites: ['example.org'] })).toBe('added');
  });
  it('never runs on browser pages or stores', () => {
    for (const u of ['chrome://settings', 'about:blank', 'moz-extension://x/popup.html', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/x', 'not a url']) {
      expect(siteState(u, none)).toBe('restricted');
    }
  });
  it('treats loopback as news only in test builds', () => {
    expect(siteState('http://127.0.0.1:8080/a.html', none)).toBe('not-enabled');
    expect(siteState('http://127.0.0.1:8080/a.html', { ...none, loopbackIsNews: true })).toBe('builtin');
  });
});
