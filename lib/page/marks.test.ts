// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { highlightCss, MarkLayer, type StyleOptions } from './marks';

const KINDS = ['person', 'country'];
const BASE: StyleOptions = { style: 'underline', colours: { person: '#2f6fde', country: '#1f9d55' } };

describe('highlight styles', () => {
  it('the static (default) sheet is plain; a reader override is !important and cancels the other look', () => {
    const plain = highlightCss(KINDS, BASE);
    expect(plain).toContain('::highlight(backstory-person) { text-decoration: underline dotted #2f6fde;');
    expect(plain).not.toContain('!important');
    const bg = highlightCss(KINDS, { ...BASE, style: 'background' }, true);
    expect(bg).toContain('background-color: color-mix(in srgb, #2f6fde 22%, transparent) !important;');
    expect(bg).toContain('text-decoration: none !important;');
    const none = highlightCss(KINDS, { ...BASE, style: 'none' }, true);
    expect(none.split('\n')).toHaveLength(2);
    for (const line of none.split('\n')) expect(line).toMatch(/text-decoration: none !important; background-color: transparent !important;/);
    expect(highlightCss(KINDS, { ...BASE, style: 'none' })).toBe('');
  });

  afterEach(() => vi.restoreAllMocks());

  it('builds no stylesheet while the reader keeps the default look, and one override sheet when not', () => {
    const written: string[] = [];
    const replace = CSSStyleSheet.prototype.replaceSync;
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (this: CSSStyleSheet, css: string) {
      written.push(css);
      replace.call(this, css);
    });
    const layer = new MarkLayer(document, KINDS, BASE);
    layer.setStyle({ style: 'underline', colours: { person: '#2F6FDE', country: '#1f9d55' } });
    expect(document.adoptedStyleSheets).toHaveLength(0);
    layer.setStyle({ style: 'underline', colours: { person: '#000000', country: '#1f9d55' } });
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(written.at(-1)).toContain('underline dotted #000000 !important');
    layer.setStyle(BASE); // back to the default: the override empties, the static sheet shows again
    expect(written.at(-1)).toBe('');
    expect(document.adoptedStyleSheets).toHaveLength(1);
    layer.destroy();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('without a baseline every look is a sheet of its own', () => {
    const layer = new MarkLayer(document, KINDS);
    layer.setStyle(BASE);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    layer.destroy();
  });
});
