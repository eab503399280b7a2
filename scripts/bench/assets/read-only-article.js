// The benchmark's read-only article script: what reading the article's text costs an
// isolated-world content script, with no extension API at all (no settings, no messaging, no
// matching). It walks the text of <article> (else <body>) with a native TreeWalker, joins it, and
// registers one Highlight with a Range on every 20th text node, i.e. the DOM work any design that
// marks words must do, and nothing else. Any design of a content script that reads the page and
// marks it costs at least this much on the page's main thread.
(function () {
  const root = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const chunks = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n);
    chunks.push(n.data);
  }
  const text = chunks.join('');
  const highlight = new Highlight();
  CSS.highlights.set('backstory-reference', highlight);
  for (let i = 0; i < nodes.length; i += 20) {
    if (chunks[i].length < 4) continue;
    const range = document.createRange();
    range.setStart(nodes[i], 0);
    range.setEnd(nodes[i], 3);
    highlight.add(range);
  }
  performance.measure('backstory:scan', { start: 0, end: 0, detail: text.length });
})();
