import { PageApp } from './app';
import { alive } from './runtime';

/**
 * The article script. It runs on built-in news sites (the manifest's content_scripts entry is
 * added in wxt.config.ts, so the site list stays out of this bundle) and, registered at run
 * time, on sites the reader enabled. Wiring only: PageApp gates, scans, marks and drives the
 * card UI. It is an unlisted script rather than a WXT content script so that neither
 * webextension-polyfill nor WXT's content-script context load on every article.
 */
export default defineUnlistedScript(() => {
  if (window.top !== window && !document.querySelector('article')) return;
  const app = new PageApp();
  // A page must never see an uncaught error of ours: failures are logged and the page left alone.
  const guard = (p: Promise<void>) => p.catch((e: unknown) => console.warn('Backstory stopped on this page:', e));
  void guard(app.start());
  watchRoute(() => {
    if (!alive()) app.destroy();
    else void guard(app.restart());
  });
});

/**
 * Single-page-app navigations (a new path or query; not a jump to an anchor) call `onChange`.
 * The Navigation API reports them where it exists; elsewhere the address is checked each second.
 */
function watchRoute(onChange: () => void): void {
  const key = () => location.href.replace(/#.*$/, '');
  let current = key();
  const check = () => {
    const next = key();
    if (next === current) return;
    current = next;
    onChange();
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav && typeof nav.addEventListener === 'function') nav.addEventListener('currententrychange', check);
  else setInterval(check, 1000);
  window.addEventListener('popstate', check);
}
