// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectText, isInSkippedRegion, TextWalker } from './text';

function root(html: string): HTMLElement {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = `<div id="root">${html}</div>`;
  return d.getElementById('root')!;
}

describe('text collection', () => {
  it('keeps inline runs together and breaks at blocks', () => {
    const r = root('<p><b>Yoon</b> Suk Yeol met</p><p>Kishida</p>');
    const t = collectText(r);
    expect(t.chunks).toEqual(['Yoon', ' Suk Yeol met', 'Kishida']);
    expect(t.breaks).toEqual([true, false, true]);
  });

  it('skips furniture, code, forms, editable and hidden regions', () => {
    const r = root(
      '<p>Story</p><nav>Nav</nav><aside>Aside</aside><footer>Foot</footer><div class="most-read">Popular</div>' +
        '<pre>code</pre><form><label>Form</label></form><div contenteditable="true">Edit</div>' +
        '<div hidden>Hidden</div><div aria-hidden="true">Aria</div><script>var x</script><style>p{}</style>' +
        '<div role="navigation">Role</div><div class="related-stories">Related</div><p>End</p>',
    );
    expect(collectText(r).chunks).toEqual(['Story', 'End']);
  });

  it('does not skip the root itself even if it looks like furniture', () => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = '<aside id="r"><p>Only text</p></aside>';
    expect(collectText(d.getElementById('r')!).chunks).toEqual(['Only text']);
  });

  it('excludes our own host and reports skipped regions for added nodes', () => {
    const r = root('<p>One</p><div id="host"><p>UI</p></div><nav><p id="n">x</p></nav>');
    const host = r.querySelector('#host')!;
    expect(collectText(r, { exclude: new Set([host]) }).chunks).toEqual(['One']);
    expect(isInSkippedRegion(r.querySelector('#n')!.firstChild!, r)).toBe(true);
    expect(isInSkippedRegion(r.querySelector('p')!.firstChild!, r)).toBe(false);
  });

  it('walks 5,000-deep nesting without recursion and resumes across steps', () => {
    const d = document.implementation.createHTMLDocument('t');
    let el: HTMLElement = d.body;
    for (let i = 0; i < 5000; i++) {
      const c = d.createElement('span');
      el.appendChild(c);
      el = c;
    }
    el.textContent = 'deep';
    const w = new TextWalker(d.body);
    let steps = 0;
    while (!w.step(100)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(w.out.chunks).toEqual(['deep']);
  });

  it('stops at maxChars', () => {
    const r = root('<p>aaaa</p><p>bbbb</p><p>cccc</p>');
    expect(collectText(r, { maxChars: 6 }).chunks).toEqual(['aaaa', 'bbbb']);
  });
});

describe('block groups for sliced matching', () => {
  it('cuts only at block boundaries once a group is full, and covers every chunk once', async () => {
    const { blockGroups } = await import('./scanner');
    const r = root('<p>aaaa <b>bb</b> cc</p><p>dddd</p><p>eeee</p><p>ff</p>');
    const t = collectText(r);
    const groups = [...blockGroups(t, 6)];
    expect(groups.map((g) => g.chunks.join(''))).toEqual(['aaaa bb cc', 'ddddeeee', 'ff']);
    expect(groups.every((g) => g.breaks[0])).toBe(true);
    expect(groups.flatMap((g) => g.nodes)).toEqual(t.nodes);
    expect([...blockGroups(t, 1000)]).toHaveLength(1);
  });
});
