/**
 * Popup wiring: finds the tab (the active one, or `?tabId=N` when opened as a page), polls its
 * summary until the scan is there, fetches card data for the entities, and turns the reader's
 * clicks into settings changes, permission requests and messages to the page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import type { CardBatch } from '@/lib/ext/dataset';
import { sendToTab } from '@/lib/ext/messaging';
import { matchesFor } from '@/lib/ext/registration';
import { loadSettings, saveSettings, watchSettings } from '@/lib/ext/settings';
import { disablePatch, enablePlan, siteKey } from '@/lib/popup/site';
import { hostOf, popupState } from '@/lib/popup/state';
import { summaryView } from '@/lib/popup/view-model';
import type { Settings } from '@/lib/settings/schema';
import { activeTabId, loadCards, loadTab, type TabFacts } from './tab';

/** How long a missing summary counts as "still scanning" before the popup says why there is none. */
const GRACE_MS = 4000;
const FAST_POLL_MS = 300;
const SLOW_POLL_MS = 2000;

const params = new URLSearchParams(location.search);
const paramTab = params.has('tabId') ? Number(params.get('tabId')) : undefined;
const fullTab = paramTab !== undefined && Number.isInteger(paramTab) && paramTab >= 0;

type Notice = PopupProps['notice'];

export function App() {
  const [tabId, setTabId] = useState<number | undefined>(fullTab ? paramTab : undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [facts, setFacts] = useState<TabFacts | null>(null);
  const [waiting, setWaiting] = useState(true);
  const [cards, setCards] = useState<{ key: string; batch: CardBatch | null } | null>(null);
  const [notice, setNotice] = useState<Notice>(undefined);
  /** The switch shows the reader's click at once, until the page's new state arrives. */
  const [siteOverride, setSiteOverride] = useState<boolean | undefined>(undefined);
  const since = useRef(Date.now());
  const [epoch, setEpoch] = useState(0);
  const settingsRef = useRef<Settings | null>(null);
  settingsRef.current = settings;

  /** Start waiting afresh (after a settings change, a reload): the page needs a moment to catch up. */
  const restartWait = () => {
    since.current = Date.now();
    setWaiting(true);
    setEpoch((n) => n + 1);
  };

  useEffect(() => {
    if (tabId === undefined) void activeTabId().then((id) => (id === undefined ? setFacts({ summary: null }) : setTabId(id)));
    void loadSettings().then((r) => setSettings(r.settings));
    return watchSettings((r) => {
      setSettings(r.settings);
      restartWait();
    });
  }, []);

  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);

  // Poll the tab: quickly while the scan is not there yet, slowly afterwards (dynamic pages).
  useEffect(() => {
    if (tabId === undefined || !settings) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const tick = async () => {
      const f = await loadTab(tabId, settings).catch((): TabFacts => ({ summary: null }));
      if (stopped) return;
      const key = JSON.stringify(f);
      if (key !== last) {
        last = key;
        setFacts(f);
        setSiteOverride(undefined);
      }
      const stillWaiting = Date.now() - since.current < GRACE_MS;
      setWaiting(stillWaiting);
      const scanning = popupState({ ...f, enabled: settings.enabled, waiting: stillWaiting }).kind === 'scanning';
      timer = setTimeout(tick, scanning || stillWaiting ? FAST_POLL_MS : SLOW_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tabId, settings, epoch]);

  const state = useMemo(
    () => (settings && facts ? popupState({ ...facts, enabled: settings.enabled, waiting }) : ({ kind: 'scanning' } as const)),
    [facts, settings, waiting],
  );
  const summary = 'summary' in state ? state.summary : null;
  const ids = summary?.entities.map((e) => e.id) ?? [];
  const idsKey = ids.join(',');

  useEffect(() => {
    if (!ids.length || cards?.key === idsKey) return;
    void loadCards(ids).then((batch) => setCards({ key: idsKey, batch }));
  }, [idsKey]);

  // The scan arrived: a pending "reload the page" notice is answered.
  useEffect(() => {
    if (state.kind === 'ok' || state.kind === 'nothing-found' || state.kind === 'not-article') setNotice((n) => (n?.kind === 'reload' ? undefined : n));
  }, [state.kind]);

  const batch = cards?.key === idsKey ? cards.batch : null;
  const view = useMemo(() => (summary ? summaryView(summary, batch) : null), [summary, batch]);

  const host = hostOf(facts?.url);
  const site = host && settings && state.kind !== 'restricted' ? { host: siteKey(host, settings), on: siteOverride ?? (facts?.site === 'builtin' || facts?.site === 'added') } : null;

  const fail = (e: unknown) => {
    setSiteOverride(undefined);
    setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
  };
  const close = () => {
    if (!fullTab) window.close();
  };

  const enableSite = () => {
    const s = settingsRef.current;
    if (!s || !host) return;
    const plan = enablePlan(host, s, { loopbackIsNews: __BACKSTORY_LOOPBACK__, ...(facts?.granted !== undefined ? { granted: facts.granted } : {}) });
    if (!plan.permissionFor) {
      void saveSettings(plan.patch).then(restartWait, fail);
      return;
    }
    const site = plan.permissionFor;
    // Called straight from the click: browsers grant permission requests only inside a user gesture.
    void browser.permissions
      .request({ origins: matchesFor(site) })
      .then(async (granted) => {
        if (!granted) {
          setSiteOverride(undefined);
          setNotice({ kind: 'error', text: `Backstory was not given access to ${site}; it stays off there.` });
          return;
        }
        await saveSettings(plan.patch);
        setNotice({ kind: 'reload', text: `Backstory is on for ${site}. Reload the page to see its backstory.` });
        restartWait();
      })
      .catch(fail);
  };

  const props: PopupProps = {
    state,
    view,
    site,
    badge: settings?.badge ?? true,
    fullTab,
    notice,
    onFocusEntity: (id) => {
      if (tabId === undefined) return;
      void sendToTab<boolean>(tabId, { type: 'tab:focus-entity', id })
        .then(async (found) => {
          if (!found) {
            setNotice({ kind: 'error', text: 'That mention is no longer marked on the page.' });
            return;
          }
          if (fullTab) await browser.tabs.update(tabId, { active: true });
          close();
        })
        .catch(() => setNotice({ kind: 'error', text: 'The page did not answer; try reloading it.' }));
    },
    onSiteToggle: (on) => {
      const s = settingsRef.current;
      if (!s || !host) return;
      setSiteOverride(on);
      if (on) enableSite();
      else void saveSettings(disablePatch(host, s)).then(restartWait, fail);
    },
    onEnableSite: enableSite,
    onTurnOn: () => void saveSettings({ enabled: true }).then(restartWait, fail),
    onReload: () => {
      if (tabId === undefined) return;
      void browser.tabs.reload(tabId).then(() => {
        setNotice(undefined);
        restartWait();
      }, fail);
    },
    onOpenOptions: () => {
      void browser.runtime.openOptionsPage().then(close, fail);
    },
    onBadgeToggle: (on) => void saveSettings({ badge: on }).catch(fail),
    onOpenInTab: () => {
      if (tabId === undefined) return;
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?tabId=${tabId}` }).then(close, fail);
    },
  };
  return <Popup {...props} />;
}
