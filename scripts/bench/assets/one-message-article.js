// The benchmark's one-message article script: the empty script plus one settings request to the
// service worker, i.e. the first use of the extension messaging API from a page (its bindings are
// set up on first use). No DOM work.
(async function () {
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  await api.runtime.sendMessage({ type: 'page:config', url: location.href });
  performance.measure('backstory:scan', { start: 0, end: 0 });
})();
