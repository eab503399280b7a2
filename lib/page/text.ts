/**
 * Collects the article's text nodes in document order, skipping what is not article prose
 * (navigation, asides, forms, code, editable and hidden regions, "most read" boxes…). The walk
 * is iterative (deeply nested pages cannot overflow the stack) and resumable, so callers can
 * spread a huge page over several short tasks.
 */

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO',
  'OBJECT', 'EMBED', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'LABEL', 'DIALOG', 'MENU',
  'HEAD', 'TITLE', 'svg', 'math',
]);

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION',
  'ARTICLE', 'TD', 'TH', 'TR', 'TABLE', 'DT', 'DD', 'DL', 'FIGURE', 'FIGCAPTION', 'BR', 'HR',
  'ADDRESS', 'DETAILS', 'SUMMARY', 'MAIN', 'CAPTION',
]);

const SKIP_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'menu', 'menubar', 'search', 'dialog',
  'alert', 'alertdialog', 'toolbar', 'tablist', 'form', 'textbox', 'code',
]);

/** Class or id words that mark page furniture rather than the story. */
const NOISE = /(?:^|[\s_-])(?:comments?|related|most-?read|most-?popular|popular|trending|newsletter|share|sharing|social|promo|advert|advertisement|ads?|sponsored|sidebar|recommend(?:ed|ations)?|outbrain|taboola|breadcrumbs?|footer|masthead|navbar|menu|subscribe|paywall|read-?more|more-?stories)(?:$|[\s_-])/i;

export function isSkippedElement(el: Element, root: Node, tag: string = el.tagName): boolean {
  if (el === root) return false;
  if (SKIP_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false; // most prose elements (p, em, b…): one call, not six
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  const cls = el.getAttribute('class');
  if (cls && cls.length < 400 && NOISE.test(cls)) return true;
  const id = el.id;
  if (id && id.length < 200 && NOISE.test(id)) return true;
  return false;
}

export interface CollectedText {
  nodes: Text[];
  chunks: string[];
  /** breaks[i] is true when a block boundary separates chunk i-1 from chunk i. */
  breaks: boolean[];
  chars: number;
}

export interface WalkOptions {
  /** Elements to leave out entirely (our own UI host). */
  exclude?: ReadonlySet<Node>;
  /** Stop collecting past this many characters (pathological pages). */
  maxChars?: number;
}

export class TextWalker {
  private node: Node | null;
  private pendingBreak = true;
  private done = false;
  readonly out: CollectedText = { nodes: [], chunks: [], breaks: [], chars: 0 };

  constructor(
    private readonly root: Node,
    private readonly opts: WalkOptions = {},
  ) {
    this.node = root;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Visits at most `budget` nodes; returns true when the walk is complete. */
  step(budget: number): boolean {
    const { root, out } = this;
    const maxChars = this.opts.maxChars ?? Infinity;
    const exclude = this.opts.exclude;
    let node = this.node;
    // Each DOM property read here is a call into the browser (and, in a content script's
    // isolated world, through its wrappers): every node's type, tag and children are read once.
    while (node && budget-- > 0) {
      let child: Node | null = null;
      let isBlock = false;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          out.nodes.push(node as Text);
          out.chunks.push(data);
          out.breaks.push(this.pendingBreak);
          out.chars += data.length;
          this.pendingBreak = false;
          if (out.chars >= maxChars) {
            node = null;
            break;
          }
        }
      } else if (type === 1) {
        const el = node as Element;
        const tag = el.tagName;
        isBlock = BLOCK_TAGS.has(tag);
        if (!(exclude?.has(el)) && !isSkippedElement(el, root, tag)) {
          if (isBlock) this.pendingBreak = true;
          child = el.firstChild;
        } else {
          this.pendingBreak = true;
        }
      } else if (node === root) {
        child = node.firstChild;
      }
      node = child ?? this.advance(node, isBlock);
    }
    this.node = node;
    if (!node) this.done = true;
    return this.done;
  }

  /** Next node after `node`'s subtree, closing blocks on the way up (`isBlock`: `node` is one). */
  private advance(node: Node, isBlock: boolean): Node | null {
    if (node === this.root) return null;
    if (isBlock) this.pendingBreak = true;
    const next = node.nextSibling;
    if (next) return next;
    // Up through the ancestors (all elements) until one has a next sibling.
    for (let n = node.parentNode; n && n !== this.root; n = n.parentNode) {
      if (BLOCK_TAGS.has((n as Element).tagName)) this.pendingBreak = true;
      const sib = n.nextSibling;
      if (sib) return sib;
    }
    return null;
  }
}

/** Walks all of `root` at once (tests and small subtrees). */
export function collectText(root: Node, opts?: WalkOptions): CollectedText {
  const w = new TextWalker(root, opts);
  while (!w.step(10_000));
  return w.out;
}

/** Is `node` inside a region the walker would skip (for nodes added after the first scan)? */
export function isInSkippedRegion(node: Node, root: Node, exclude?: ReadonlySet<Node>): boolean {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === 1 && (exclude?.has(n) || isSkippedElement(n as Element, root))) return true;
  }
  return false;
}
