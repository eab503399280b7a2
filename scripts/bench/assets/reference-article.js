// The benchmark's reference article script: the least work any design with our architecture
// must do on a page (an isolated-world content script; settings asked of the service worker;
// text walked with a bare TreeWalker and matched in the service worker; one Highlight of
// Ranges). No gate, no skipping of page furniture, no date, no summary, no observers, no hover.
// `npm run bench -- page` swaps it for article.js in a copy of the real build and measures it
// exactly like the extension: its cost is the floor our own figures should be read against.
(async function () {
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  const config = await api.runtime.sendMessage({ type: 'page:config', url: location.href });
  if (!config || !config.enabled) return;
  const root = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const chunks = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    chunks.push(n.data);
  }
  const t0 = performance.now();
  const lens = chunks.map((c) => c.length);
  const reply = await api.runtime.sendMessage({ type: 'page:match', doc: 'reference1', text: chunks.join(''), lens, breaks: [] });
  const highlight = new Highlight();
  CSS.highlights.set('backstory-reference', highlight);
  const starts = [0];
  for (const c of chunks) starts.push(starts[starts.length - 1] + c.length);
  let i = 0;
  for (const m of [...reply.mentions].sort((a, b) => a.start - b.start)) {
    while (starts[i + 1] <= m.start) i++;
    let j = i;
    while (starts[j + 1] < m.end) j++;
    const range = document.createRange();
    range.setStart(nodes[i], m.start - starts[i]);
    range.setEnd(nodes[j], m.end - starts[j]);
    highlight.add(range);
  }
  performance.measure('backstory:scan', { start: t0, end: performance.now() });
})();
