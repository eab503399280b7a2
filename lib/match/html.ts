/**
 * Text extraction for tools (CLI, benchmark): text nodes of a DOM as scan chunks, with a "\n"
 * chunk and a hard break at every block-level element boundary; script/style/etc. skipped.
 * Works with any DOM implementation (linkedom in node, the page's DOM in a content script).
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'TITLE']);
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'RP', 'RT',
  'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL', 'INS', 'DEL', 'NOBR',
]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<NodeLike>;
}

export interface ExtractedText {
  chunks: string[];
  /** Chunk indices preceded by a hard break (ScanOptions.breaks). */
  breaks: number[];
}

export function extractChunks(root: NodeLike): ExtractedText {
  const chunks: string[] = [];
  const breaks: number[] = [];
  let pendingBreak = false;
  const blockEdge = () => {
    if (chunks.length && chunks[chunks.length - 1] !== '\n') {
      chunks.push('\n');
      breaks.push(chunks.length - 1);
    }
    pendingBreak = true;
  };
  const walk = (n: NodeLike) => {
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      if (!v) return;
      if (pendingBreak && chunks.length) breaks.push(chunks.length);
      pendingBreak = false;
      chunks.push(v);
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = n.nodeType === 1 && !INLINE.has(name);
    if (block) blockEdge();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) blockEdge();
  };
  walk(root);
  return { chunks, breaks: [...new Set(breaks)].filter((b) => b > 0 && b < chunks.length).sort((a, b) => a - b) };
}
