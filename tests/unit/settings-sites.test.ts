import { describe, expect, it } from 'vitest';
import { hostOrigins, parseHostInput } from '../../lib/settings/sites';

describe('adding a site', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://news.example.co.uk/world/article?id=1', 'news.example.co.uk'],
    ['example.com/path', 'example.com'],
    ['localhost', 'localhost'],
  ])('accepts %j as %s', (text, host) => {
    expect(parseHostInput(text)).toEqual({ ok: true, host });
  });

  it.each([
    ['', /Type a site/],
    ['not a host', /not a host name/],
    ['javascript:alert(1)', /not a host name/],
    ['ftp://example.com', /Only http and https/],
    ['bbc.co.uk', /built-in/],
    ['www.apnews.com', /built-in/],
    ['-bad-.com', /not a host name/],
  ])('rejects %j', (text, message) => {
    const r = parseHostInput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('rejects a site already added (or covered by one)', () => {
    expect(parseHostInput('blog.example.org', { addedSites: ['example.org'] })).toMatchObject({ ok: false, message: /already in your sites/ });
  });

  it('asks for both schemes and every subdomain', () => {
    expect(hostOrigins('example.com')).toEqual(['https://*.example.com/*', 'http://*.example.com/*']);
  });
});
