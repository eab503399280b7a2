/**
 * The in-page pipeline after the gate: walk the article's text in short slices, match it,
 * turn mentions into highlight ranges, and keep up with the page (added text is scanned,
 * removed text loses its marks) — all without writing to the page's DOM.
 */
import type { Mention } from '../match/types';
import { MarkLayer, type Mark, type StyleOptions } from './marks';
import { isInSkippedRegion, TextWalker, type CollectedText } from './text';

export interface MatchSession {
  /**
   * `breaks`: chunk indices i such that a block boundary lies between chunk i-1 and chunk i.
   * The content script's session asks the background (asynchronously); tests pass the matcher.
   */
  scan(chunks: readonly string[], options?: { breaks?: number[] }): Mention[] | Promise<Mention[]>;
}

export interface ScannerOptions {
  doc: Document;
  root: Element;
  /** A fresh document-order session of the matcher (surname state lives in it). */
  session: () => MatchSession;
  kindOf: (entity: number) => string;
  kinds: readonly string[];
  /** Entities the reader does not want marked. */
  isHidden: (entity: number) => boolean;
  /** A remembered pick for an ambiguous mention (text as written → one of the candidates). */
  choose?: (text: string, candidates: number[]) => number | undefined;
  /** Entity kinds the reader wants marked. */
  kindEnabled: (kind: string) => boolean;
  markMode: 'first' | 'all';
  style: StyleOptions;
  /** The look the static stylesheet injected with the script already gives (see MarkLayer). */
  baseline?: StyleOptions;
  /** Nodes we own (the UI host); never scanned, their mutations ignored. */
  exclude: ReadonlySet<Node>;
  /** Called after each pass that changed marks or counts. */
  onChange: () => void;
  maxMarks?: number;
  maxChars?: number;
}

export interface EntityStats {
  entity: number;
  count: number;
  order: number;
  text: string;
  ambiguous: boolean;
}

/** Longest slice of our work before yielding to the page (ms). */
const SLICE_MS = 8;
const DEFAULT_MAX_MARKS = 1500;
const DEFAULT_MAX_CHARS = 2_000_000;
/**
 * Characters sent per match request, cut at block boundaries: most articles go in one message
 * (each message has a fixed cost on the page's main thread); huge pages in several, so that
 * marks appear progressively and no reply is large.
 */
const GROUP_CHARS = 100_000;

export class PageScanner {
  readonly layer: MarkLayer;
  private session: MatchSession;
  private readonly stats = new Map<number, EntityStats>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPending = 0;
  private destroyed = false;
  private passes = 0;
  /** Our main-thread time in recent mutation passes, for backing off on pages that never stop changing. */
  private recentCost = 0;
  private recentSince = 0;
  private debounceMs = 150;

  constructor(private readonly o: ScannerOptions) {
    this.layer = new MarkLayer(o.doc, o.kinds, o.baseline);
    this.session = o.session();
  }

  get entityStats(): ReadonlyMap<number, EntityStats> {
    return this.stats;
  }

  /** Scans the whole article root in slices; resolves when done. */
  async scanAll(): Promise<void> {
    const t0 = performance.now();
    this.layer.setStyle(this.o.style);
    const walker = new TextWalker(this.o.root, { exclude: this.o.exclude, maxChars: this.o.maxChars ?? DEFAULT_MAX_CHARS });
    let sliceStart = performance.now();
    while (!walker.step(400)) {
      if (this.destroyed) return;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
    await this.matchAndMark(walker.out);
    measure('backstory:scan', t0);
  }

  /**
   * Matches the text in groups of whole blocks (about GROUP_CHARS each), yielding to the page
   * between groups when our slice is used up, so a huge article never makes one long task. The
   * session carries document-order state (full names seen) from one group to the next.
   */
  private async matchAndMark(text: CollectedText): Promise<void> {
    if (this.destroyed || text.nodes.length === 0) return;
    let changed = false;
    let sliceStart = performance.now();
    for (const group of blockGroups(text, GROUP_CHARS)) {
      if (this.destroyed) return;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      changed = (await this.markGroup(group)) || changed;
      sliceStart = performance.now();
    }
    this.passes++;
    if (changed || this.passes === 1) this.o.onChange();
  }

  private async markGroup(text: CollectedText): Promise<boolean> {
    const breaks: number[] = [];
    for (let i = 1; i < text.breaks.length; i++) if (text.breaks[i]) breaks.push(i);
    const mentions = await this.session.scan(text.chunks, { breaks });
    if (this.destroyed) return false;
    const starts = offsets(text.chunks);
    const max = this.o.maxMarks ?? DEFAULT_MAX_MARKS;
    let sliceStart = performance.now();
    let changed = false;
    for (let i = 0; i < mentions.length; i++) {
      // Checked for every 32 mentions, whether or not they become marks: a page full of repeats
      // of a few names (first-mention mode) must yield as often as one full of marks.
      if ((i & 31) === 31 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      if (this.destroyed) return changed;
      const m = this.resolveChoice(mentions[i]!, text.chunks, starts);
      const kind = this.o.kindOf(m.entity);
      if (this.o.isHidden(m.entity) || !this.o.kindEnabled(kind)) continue;
      const st = this.stats.get(m.entity);
      const [sn, so] = locate(starts, m.start, false);
      const [en, eo] = locate(starts, m.end, true);
      const startNode = text.nodes[sn]!;
      const endNode = text.nodes[en]!;
      const matched = sliceText(text.chunks, sn, so, en, eo);
      if (st) st.count++;
      else this.stats.set(m.entity, { entity: m.entity, count: 1, order: this.stats.size, text: matched, ambiguous: !!m.alternatives?.length });
      changed = true;
      if (this.o.markMode === 'first' && this.layer.hasEntity(m.entity)) continue;
      if (this.layer.marks.length >= max) continue;
      const range = this.o.doc.createRange();
      try {
        range.setStart(startNode, so);
        range.setEnd(endNode, eo);
      } catch {
        continue; // the node changed under us; the observer will rescan it
      }
      const mark: Mark = { entity: m.entity, kind, range, startNode, startOffset: so, endNode, endOffset: eo, text: matched, rule: m.rule };
      if (m.alternatives?.length) mark.alternatives = m.alternatives;
      this.layer.add(mark);
    }
    return changed;
  }

  /** Applies the reader's remembered pick to an ambiguous mention; the others stay alternatives. */
  private resolveChoice(m: Mention, chunks: readonly string[], starts: Int32Array): Mention {
    if (!m.alternatives?.length || !this.o.choose) return m;
    const [sn, so] = locate(starts, m.start, false);
    const [en, eo] = locate(starts, m.end, true);
    const candidates = [m.entity, ...m.alternatives];
    const pick = this.o.choose(sliceText(chunks, sn, so, en, eo), candidates);
    if (pick === undefined || pick === m.entity) return m;
    return { ...m, entity: pick, alternatives: candidates.filter((c) => c !== pick) };
  }

  /** Watches the article for added, removed and changed text. */
  observe(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.o.root, { childList: true, characterData: true, subtree: true });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (this.isOurs(r.target)) continue;
      if (r.type === 'characterData') this.pending.add(r.target);
      else for (const n of r.addedNodes) if (!this.isOurs(n)) this.pending.add(n);
      if (r.removedNodes.length > 0 || r.type === 'characterData') this.pending.add(this.o.root); // triggers pruning
    }
    if (this.pending.size === 0) return;
    const now = performance.now();
    if (!this.flushTimer) {
      this.firstPending = now;
      this.flushTimer = setTimeout(() => this.flush(), this.debounceMs);
    } else if (now - this.firstPending < 1000) {
      clearTimeout(this.flushTimer);
      this.flushTimer = setTimeout(() => this.flush(), this.debounceMs);
    }
  }

  private isOurs(n: Node): boolean {
    for (const ex of this.o.exclude) if (ex === n || ex.contains(n)) return true;
    return false;
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    if (this.destroyed) return;
    const t0 = performance.now();
    const nodes = [...this.pending];
    this.pending.clear();
    const before = this.layer.marks.length;
    this.layer.prune((m) => !m.startNode.isConnected || !m.endNode.isConnected || m.range.toString() !== m.text);
    if (this.layer.marks.length !== before) this.recount();
    this.layer.ensureRegistered();
    // Each added subtree once: skip nodes below another pending node (walk up, not pairwise —
    // infinite-scroll pages add thousands of nodes per batch).
    const pendingSet = new Set(nodes);
    pendingSet.delete(this.o.root);
    const roots = [...pendingSet].filter((n) => n.isConnected && !hasPendingAncestor(n, pendingSet, this.o.root));
    const chunks: CollectedText = { nodes: [], chunks: [], breaks: [], chars: 0 };
    for (const n of roots) {
      if (isInSkippedRegion(n, this.o.root, this.o.exclude)) continue;
      if (n.nodeType === 3) {
        const t = n as Text;
        if (this.layer.marksAt(t).length > 0 || t.data.length === 0) continue;
        chunks.nodes.push(t);
        chunks.chunks.push(t.data);
        chunks.breaks.push(true);
        chunks.chars += t.data.length;
        continue;
      }
      const w = new TextWalker(n, { exclude: this.o.exclude, maxChars: 200_000 });
      while (!w.step(2000)) {
        /* subtrees added at once are bounded by maxChars */
      }
      w.out.breaks[0] = true;
      chunks.nodes.push(...w.out.nodes);
      chunks.chunks.push(...w.out.chunks);
      chunks.breaks.push(...w.out.breaks);
      chunks.chars += w.out.chars;
    }
    await this.matchAndMark(chunks);
    const cost = performance.now() - t0;
    measure('backstory:scan', t0);
    this.backOff(cost);
  }

  /** Pages that change all the time get scanned less often rather than costing more. */
  private backOff(cost: number): void {
    const now = performance.now();
    if (now - this.recentSince > 10_000) {
      this.recentSince = now;
      this.recentCost = 0;
    }
    this.recentCost += cost;
    this.debounceMs = this.recentCost > 200 ? 2000 : this.recentCost > 50 ? 600 : 150;
  }

  /** Counts after pruning: marks gone with their text no longer count (first-mention mode keeps counts). */
  private recount(): void {
    if (this.o.markMode !== 'all') return;
    const alive = new Map<number, number>();
    for (const m of this.layer.marks) alive.set(m.entity, (alive.get(m.entity) ?? 0) + 1);
    for (const [e, s] of this.stats) {
      const n = alive.get(e) ?? 0;
      if (n === 0) this.stats.delete(e);
      else s.count = n;
    }
    this.o.onChange();
  }

  /** The reader hid an entity: its marks go at once. */
  hideEntity(entity: number): void {
    this.layer.removeEntity(entity);
    this.stats.delete(entity);
    this.o.onChange();
  }

  setStyle(style: StyleOptions): void {
    this.layer.setStyle(style);
  }

  destroy(): void {
    this.destroyed = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.layer.destroy();
    this.stats.clear();
  }
}

/**
 * Consecutive runs of chunks of about `size` characters, cut only where a block boundary lies
 * (a mention never spans one); a single block longer than 4× size is cut between text nodes.
 */
export function* blockGroups(text: CollectedText, size: number): Generator<CollectedText> {
  let from = 0;
  let chars = 0;
  const n = text.chunks.length;
  for (let i = 0; i < n; i++) {
    const len = text.chunks[i]!.length;
    if (i > from && ((chars >= size && text.breaks[i]) || chars >= size * 4)) {
      yield slice(text, from, i, chars);
      from = i;
      chars = 0;
    }
    chars += len;
  }
  if (from < n) yield slice(text, from, n, chars);
}

function slice(t: CollectedText, from: number, to: number, chars: number): CollectedText {
  if (from === 0 && to === t.chunks.length) return t;
  const breaks = t.breaks.slice(from, to);
  breaks[0] = true;
  return { nodes: t.nodes.slice(from, to), chunks: t.chunks.slice(from, to), breaks, chars };
}

function hasPendingAncestor(n: Node, pending: ReadonlySet<Node>, root: Node): boolean {
  for (let p = n.parentNode; p && p !== root; p = p.parentNode) if (pending.has(p)) return true;
  return false;
}

function offsets(chunks: readonly string[]): Int32Array {
  const starts = new Int32Array(chunks.length + 1);
  for (let i = 0; i < chunks.length; i++) starts[i + 1] = starts[i]! + chunks[i]!.length;
  return starts;
}

/** Global offset → [chunk, offset]. An end offset on a boundary stays in the earlier chunk. */
export function locate(starts: Int32Array, pos: number, isEnd: boolean): [number, number] {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < pos || (!isEnd && s === pos)) lo = mid;
    else hi = mid - 1;
  }
  return [lo, pos - starts[lo]!];
}

function sliceText(chunks: readonly string[], sn: number, so: number, en: number, eo: number): string {
  if (sn === en) return chunks[sn]!.slice(so, eo);
  let s = chunks[sn]!.slice(so);
  for (let i = sn + 1; i < en; i++) s += chunks[i]!;
  return s + chunks[en]!.slice(0, eo);
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* pages may replace performance.measure; instrumentation is optional */
  }
}

/** Lets the page run between slices of our work. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}
