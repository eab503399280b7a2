import { NEWS_SITE_MATCHES } from '@/lib/sites/news-sites';
import { PageApp } from './app';

/**
 * Runs on built-in news sites (and, registered at run time, on sites the reader enabled).
 * Wiring only: PageApp gates, scans, marks and drives the card UI.
 */
export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  // WXT would otherwise announce the script to the page with window.postMessage; we post nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (window.top !== window && !document.querySelector('article')) return;
    const app = new PageApp(ctx);
    // A page must never see an uncaught error of ours: failures are logged and the page left alone.
    const guard = (p: Promise<void>) => p.catch((e: unknown) => console.warn('Backstory stopped on this page:', e));
    void guard(app.start());
    ctx.addEventListener(window, 'wxt:locationchange', () => void guard(app.restart()));
    ctx.onInvalidated(() => app.destroy());
  },
});
