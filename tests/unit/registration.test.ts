/** Sites the reader added get the article script and its stylesheet through runtime registration. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncAddedSiteScripts } from '../../lib/ext/registration';
import { saveSettings } from '../../lib/ext/settings';
import { ARTICLE_CSS, ARTICLE_SCRIPT } from '../../lib/sites/news-sites';

type Fake = Record<string, unknown>;

describe('runtime registration for added sites', () => {
  const register = vi.fn(async () => undefined);
  const unregister = vi.fn(async () => undefined);
  let registered: unknown[] = [];

  beforeEach(() => {
    fakeBrowser.reset();
    register.mockClear();
    unregister.mockClear();
    registered = [];
    (fakeBrowser as unknown as Fake).scripting = {
      getRegisteredContentScripts: async () => registered,
      registerContentScripts: register,
      unregisterContentScripts: unregister,
    };
    (fakeBrowser.permissions as unknown as Fake).contains = async (p: { origins: string[] }) => !p.origins.some((o) => o.includes('nopermission.org'));
  });

  it('registers the article script and article.css for granted, enabled added sites only', async () => {
    await saveSettings({ addedSites: ['example.org', 'other.net', 'nopermission.org'], disabledSites: ['other.net'] });
    expect(await syncAddedSiteScripts()).toEqual(['example.org']);
    expect(register).toHaveBeenCalledWith([
      {
        id: 'backstory-added-sites',
        matches: ['https://*.example.org/*', 'http://*.example.org/*'],
        js: [ARTICLE_SCRIPT],
        css: [ARTICLE_CSS],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('replaces an earlier registration, and registers nothing when no site is left', async () => {
    registered = [{ id: 'backstory-added-sites' }];
    await saveSettings({ addedSites: [] });
    expect(await syncAddedSiteScripts()).toEqual([]);
    expect(unregister).toHaveBeenCalledWith({ ids: ['backstory-added-sites'] });
    expect(register).not.toHaveBeenCalled();
  });
});
