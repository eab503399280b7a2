/**
 * Marks are Ranges registered in the CSS Custom Highlight registry, one highlight per entity
 * kind; the page's DOM is never touched. An index from text node to marks serves hit-testing.
 */

export interface Mark {
  /** Entity index in the matcher tables. */
  entity: number;
  kind: string;
  range: Range;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Matched text, for the popup and the card ("why it matched"). */
  text: string;
  rule: unknown;
  alternatives?: number[];
}

export const HIGHLIGHT_PREFIX = 'backstory-';

export type MarkStyle = 'underline' | 'background' | 'none';

export interface StyleOptions {
  style: MarkStyle;
  colours: Record<string, string>;
}

/**
 * Stylesheet text for `::highlight()` per kind. The default look ships as a static stylesheet
 * of the article script (no work on page load); a reader's own look is an `override` sheet
 * whose `!important` declarations win over it and cancel what the other styles set.
 */
export function highlightCss(kinds: readonly string[], opts: StyleOptions, override = false): string {
  if (opts.style === 'none' && !override) return '';
  const imp = override ? ' !important' : '';
  return kinds
    .map((kind) => {
      const c = opts.colours[kind] ?? '#5b6ee1';
      let decl =
        opts.style === 'background'
          ? `background-color: color-mix(in srgb, ${c} 22%, transparent)${imp};`
          : opts.style === 'underline'
            ? `text-decoration: underline dotted ${c}${imp}; text-decoration-thickness: 2px${imp}; text-underline-offset: 3px${imp};`
            : '';
      if (override && opts.style !== 'underline') decl += ' text-decoration: none !important;';
      if (override && opts.style !== 'background') decl += ' background-color: transparent !important;';
      return `::highlight(${HIGHLIGHT_PREFIX}${kind}) { ${decl.trim()} }`;
    })
    .join('\n');
}

function sameStyle(a: StyleOptions, b: StyleOptions, kinds: readonly string[]): boolean {
  return a.style === b.style && kinds.every((k) => (a.colours[k] ?? '').toLowerCase() === (b.colours[k] ?? '').toLowerCase());
}

export class MarkLayer {
  private readonly byNode = new Map<Text, Mark[]>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly perEntity = new Map<number, number>();
  private readonly nodesOf = new WeakMap<Mark, Text[]>();
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  readonly marks: Mark[] = [];

  /**
   * `baseline`: the look the page already has from the static stylesheet injected with the
   * script; when the reader's settings match it, no stylesheet is built at all.
   */
  constructor(
    private readonly doc: Document,
    private readonly kinds: readonly string[],
    private readonly baseline?: StyleOptions,
  ) {}

  /** Highlight API is available (Chrome 105+, Firefox 140+, Safari 17.2+). */
  static supported(win: Window & typeof globalThis): boolean {
    return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
  }

  hasEntity(entity: number): boolean {
    return (this.perEntity.get(entity) ?? 0) > 0;
  }

  add(mark: Mark): void {
    this.marks.push(mark);
    this.perEntity.set(mark.entity, (this.perEntity.get(mark.entity) ?? 0) + 1);
    let h = this.highlights.get(mark.kind);
    if (!h) {
      h = new Highlight();
      this.highlights.set(mark.kind, h);
      CSS.highlights.set(HIGHLIGHT_PREFIX + mark.kind, h);
    }
    h.add(mark.range);
    this.index(mark.startNode, mark);
    if (mark.endNode !== mark.startNode) {
      // Middle nodes of a mention that spans several text nodes are indexed too.
      let n: Node | null = mark.startNode;
      while (n && n !== mark.endNode) {
        n = nextTextNode(n);
        if (n) this.index(n as Text, mark);
      }
    }
  }

  private index(node: Text, mark: Mark): void {
    const nodes = this.nodesOf.get(mark);
    if (nodes) nodes.push(node);
    else this.nodesOf.set(mark, [node]);
    const list = this.byNode.get(node);
    if (list) list.push(mark);
    else this.byNode.set(node, [mark]);
  }

  marksAt(node: Text): readonly Mark[] {
    return this.byNode.get(node) ?? [];
  }

  /** Drops marks whose text is gone or changed (nodes removed from the document). */
  prune(isStale: (mark: Mark) => boolean): Mark[] {
    const removed: Mark[] = [];
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const m = this.marks[i]!;
      if (!isStale(m)) continue;
      removed.push(m);
      this.marks.splice(i, 1);
      this.perEntity.set(m.entity, (this.perEntity.get(m.entity) ?? 1) - 1);
      this.highlights.get(m.kind)?.delete(m.range);
      for (const node of this.nodesOf.get(m) ?? []) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const j = list.indexOf(m);
        if (j >= 0) list.splice(j, 1);
        if (list.length === 0) this.byNode.delete(node);
      }
    }
    return removed;
  }

  /** Removes every mark of `entity` (reader hid it). */
  removeEntity(entity: number): void {
    this.prune((m) => m.entity === entity);
  }

  /** Re-registers our highlights if the page deleted or replaced them. Returns true if it had to. */
  ensureRegistered(): boolean {
    let repaired = false;
    for (const [kind, h] of this.highlights) {
      if (CSS.highlights.get(HIGHLIGHT_PREFIX + kind) !== h) {
        CSS.highlights.set(HIGHLIGHT_PREFIX + kind, h);
        repaired = true;
      }
    }
    return repaired;
  }

  setStyle(opts: StyleOptions): void {
    const base = this.baseline;
    const css = base && sameStyle(opts, base, this.kinds) ? '' : highlightCss(this.kinds, opts, !!base);
    if (css === '' && !this.sheet && !this.styleEl) return;
    if (this.sheet) {
      this.sheet.replaceSync(css);
      return;
    }
    if (this.styleEl) {
      this.styleEl.textContent = css;
      return;
    }
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // Firefox content scripts cannot hand their own stylesheet objects to the page (Xray
      // wrappers); there, and only there, a <style> element carries the highlight colours.
      this.styleEl = this.doc.createElement('style');
      this.styleEl.setAttribute('data-backstory', '');
      this.styleEl.textContent = css;
      (this.doc.head ?? this.doc.documentElement).appendChild(this.styleEl);
    }
  }

  clear(): void {
    for (const kind of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_PREFIX + kind);
    this.highlights.clear();
    this.byNode.clear();
    this.perEntity.clear();
    this.marks.length = 0;
  }

  destroy(): void {
    this.clear();
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = null;
    }
    this.styleEl?.remove();
    this.styleEl = null;
  }
}

function nextTextNode(node: Node): Node | null {
  let n: Node | null = node;
  for (;;) {
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && !n.nextSibling) n = n.parentNode;
      if (!n) return null;
      n = n.nextSibling!;
    }
    if (n.nodeType === 3) return n;
  }
}
