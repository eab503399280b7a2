/**
 * The card UI script. Not in the manifest: the background injects it with
 * scripting.executeScript the first time a reader needs a card on a page, keeping Preact,
 * floating-ui and the card code off every article's hot path. On load it only publishes its
 * factory; the always-loaded content script calls it (see lib/page/ui-contract.ts).
 */
import { createCardUI } from './ui';

export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise announce the script to the page with window.postMessage; we post nothing.
  noScriptStartedPostMessage: true,
  main() {
    globalThis.__backstoryUI = createCardUI;
  },
});
