/**
 * Run-time matcher: decodes MatcherTables and scans sequences of text chunks.
 * See lib/match/README.md for the API and the rules.
 */
import type { MatchRule, MatcherTables, Mention, SurnamePolicy } from './types';
import * as C from './format';
import { POLICIES } from './format';
import * as U from './unicode';
import { NumReader, decodeUnicodeInfo, slowInfo } from './unicode';
import { TITLES, NOT_NAME_WORDS } from './titles';


// Module-local copies: cross-module constant reads can be getter calls in some module formats.
const APOS = U.APOS;
const CLASS_SHIFT = U.CLASS_SHIFT;
const F_UPPER = U.F_UPPER;
const K_DIGIT = U.K_DIGIT;
const K_LETTER = U.K_LETTER;
const K_MARK = U.K_MARK;
const K_PERIOD = U.K_PERIOD;
const K_SKIP = U.K_SKIP;
const K_SPACE = U.K_SPACE;
const MARK = U.MARK;
const TABLE_SIZE = U.TABLE_SIZE;
const FL_ALLCAPS = C.FL_ALLCAPS;
const FL_EXACT = C.FL_EXACT;
const FL_POLICY_SHIFT = C.FL_POLICY_SHIFT;
const FL_TYPE = C.FL_TYPE;
const FL_VETO = C.FL_VETO;
const TABLES_VERSION = C.TABLES_VERSION;
const T_ABBREVIATION = C.T_ABBREVIATION;
const T_BLOCK = C.T_BLOCK;
const T_NATIVE = C.T_NATIVE;
const T_SURNAME = C.T_SURNAME;

const RING = 1024;
const NO_BREAKS = new Int32Array(0);
const RING_MASK = RING - 1;
const DENSE_MARK = TABLE_SIZE;
/** Row entries: node number, plus "has outputs" (rep >= 0) and "not lowOk" bits. */
const NODE_MASK = (1 << 28) - 1;
const NO_LOW = 1 << 28;
const HAS_OUT = 1 << 29;
/** Budget of dense transition rows (each `stride` Int32 entries) per matcher. */
const MAX_ROWS = 8192;
/** A node gets its dense row on this visit (rarely visited nodes use the label search). */
const ROW_AFTER = 8;

export interface ScanOptions {
  /**
   * Hard breaks: chunk indices i (1..n-1) such that a block boundary lies between chunk i-1 and
   * chunk i. No mention spans a hard break. Every scan call starts and ends with one.
   */
  breaks?: ArrayLike<number>;
}

export interface MatchSession {
  /** Scan the next piece of the document. Offsets in the result refer to `chunks.join('')`. */
  scan(chunks: readonly string[], options?: ScanOptions): Mention[];
  /** Number of completed scan calls (the next call's number). */
  readonly scanCount: number;
  /** Whether the entity's full name has been seen in the document so far. */
  hasSeen(entity: number): boolean;
  /** Forget the document (e.g. on navigation). */
  reset(): void;
}

interface Seen {
  scan: number;
  at: number;
}

/** Random access into the chunk sequence of one scan call (slow paths only). */
class Doc {
  readonly total: number;
  private ci = 0;
  private bi = 0;
  constructor(
    readonly chunks: readonly string[],
    readonly bases: Int32Array,
    /** Sorted positions g (0 < g < total) with a hard break between g-1 and g. */
    readonly breakPos: Int32Array,
    readonly nBreaks: number,
  ) {
    this.total = bases[chunks.length]!;
  }
  code(g: number): number {
    if (g < 0 || g >= this.total) return -1;
    const ci = this.chunkOf(g);
    return this.chunks[ci]!.charCodeAt(g - this.bases[ci]!);
  }
  /** Index of the chunk holding position g (0 <= g < total): bases[ci] <= g < bases[ci + 1]. */
  chunkOf(g: number): number {
    const b = this.bases;
    let ci = this.ci;
    while (g >= b[ci + 1]!) ci++;
    while (g < b[ci]!) ci--;
    this.ci = ci;
    return ci;
  }
  /** A hard break lies between g-1 and g (or g is the start/end of the scanned text). */
  isBreak(g: number): boolean {
    if (g <= 0 || g >= this.total) return true;
    const n = this.nBreaks;
    if (n === 0) return false;
    const bp = this.breakPos;
    // cursor: bp[bi-1] < g <= bp[bi] (bi may be n)
    let bi = this.bi;
    while (bi < n && bp[bi]! < g) bi++;
    while (bi > 0 && bp[bi - 1]! >= g) bi--;
    this.bi = bi;
    return bi < n && bp[bi] === g;
  }
}

/** Normalised units around a position, for vetoes, titles and context rules. */
interface Units {
  /** Units 0..n-1, then -1 at index n (reads past the end see "nothing", like a break). */
  u: Int32Array;
  /** Position of the original character (for a collapsed space: the one nearest the origin). */
  pos: Int32Array;
  /** Far-side position of each unit (for a collapsed space run: its other end). */
  far: Int32Array;
  n: number;
}

function newUnits(cap: number): Units {
  return { u: new Int32Array(cap), pos: new Int32Array(cap), far: new Int32Array(cap), n: 0 };
}

export class Matcher {
  readonly ids: string[];
  /** @internal */ readonly info: Uint32Array;
  private readonly label: Uint16Array;
  private readonly first: Int32Array;
  private readonly fail: Int32Array;
  private readonly rep: Int32Array;
  private readonly outFirst: Int32Array;
  private readonly outCount: Uint16Array;
  private readonly rootDense: Int32Array;
  private readonly markDense: Int32Array;
  private readonly markNode: number;
  private readonly pFlags: Uint16Array;
  private readonly pEntity: Int32Array;
  private readonly pLen: Uint16Array;
  private readonly pNode: Int32Array;
  private readonly pEndsWord: Uint8Array;
  private readonly pUpStart: Int32Array;
  private readonly upList: Uint16Array;
  private readonly pVeto: Int32Array;
  private readonly vetoData: number[];
  private readonly phraseText: string[];
  private readonly phrases: number[][];
  private readonly titles: Array<{ u: number[]; capFirst: boolean }>;
  private readonly notNameWords: ReadonlySet<string>;
  /** Surname node -> [entity, policyCode, ...] of every surname pattern ending there. */
  private readonly surnameGroups = new Map<number, number[]>();
  // Dense transition rows (a DFA over a compact ASCII alphabet), built lazily per visited node.
  /** Folded ASCII unit -> symbol (0 = appears in no label: transition to the root). */
  private readonly sym = new Uint8Array(128);
  /** Folded ASCII letter/digit -> symbol for "word mark, then this unit" (one step for both). */
  private readonly symW = new Uint8Array(128);
  private readonly symUnits: number[] = [];
  private readonly symIdx: number[] = [];
  private readonly symWUnits: number[] = [];
  private readonly symWIdx: number[] = [];
  private readonly symMark: number = 0;
  private readonly stride: number = 1;
  /**
   * rowBase[v] = offset of node v's row in `rows` (> 0), or 0 (no row yet; row slot 0 is never
   * used). Nodes that never get a row are marked on their first visit (`markSingle`): ~c (< -1)
   * for a node whose only child is c, -1 for a leaf.
   */
  private readonly rowBase: Int32Array;
  private readonly rowVisits: Uint8Array;
  private rows: Int32Array = new Int32Array(0);
  private nRows = 1;
  private readonly ring = new Int32Array(RING);
  /**
   * lowOk[v]: some pattern through v does not need an upper-case first letter. A word that starts
   * in lower case (from the root) can only lead to matches through nodes with lowOk set.
   */
  private readonly lowOk: Uint8Array;
  /** 1 if an exact pattern's first letter must be upper case, -1 lower case, 0 no check. */
  private readonly pFirstCase: Int8Array;
  private readonly pCaseSig: Int32Array;
  /** Folded-ASCII word start from the root: the node after (MARK, letter); 0 when hopeless. */
  private readonly start0 = new Int32Array(128);
  /** ASCII letters (K_LETTER). */
  private readonly alpha = new Uint8Array(128);
  /** ASCII white space (K_SPACE). */
  private readonly spaceA = new Uint8Array(128);
  private readonly caseMemo: Int32Array;
  /** Per pattern: longest notBefore / notAfter phrase (-1 = not computed yet). */
  private readonly vetoMaxMemo: Int32Array;
  /** Candidates of the current scan: (start, end, pattern) triples; surname patterns apart. */
  private candFull: Int32Array = new Int32Array(96);
  private candSur: Int32Array = new Int32Array(96);
  private nFull = 0;
  private nSur = 0;
  private groups: Int32Array = new Int32Array(64);
  /** Accepted groups of the current resolve, and scratch arrays for clusters / surname groups. */
  private acc: Int32Array = new Int32Array(64);
  private readonly clBuf: number[] = [];
  private readonly okBuf: number[] = [];
  private readonly patsBuf: number[] = [];
  private memoStamp = 0;

  constructor(t: MatcherTables) {
    if (t.v !== TABLES_VERSION) throw new Error(`matcher tables version ${t.v}, expected ${TABLES_VERSION}`);
    this.ids = t.ids.length ? t.ids.split('\n') : [];
    const info = decodeUnicodeInfo(t.uni);
    this.info = info;
    const labels = t.labels;
    const n = labels.length + 1;
    const label = new Uint16Array(n);
    const used = new Uint8Array(128);
    for (let i = 1; i < n; i++) {
      const l = labels.charCodeAt(i - 1);
      label[i] = l;
      if (l < 128) used[l] = 1;
    }
    // first[v] = first child of v; children are numbered consecutively from 1 (breadth first).
    const first = new Int32Array(n + 1);
    const ds = t.deg;
    first[0] = 1;
    for (let i = 0, pos = 0; i < n; i++) {
      let c = ds.charCodeAt(pos++);
      let d: number;
      if (c < 0x4020) d = c - 0x20;
      else {
        d = 0;
        let mul = 1;
        while (c >= 0x4020) {
          d += (c - 0x4020) * mul;
          mul *= 0x4000;
          c = ds.charCodeAt(pos++);
        }
        d += (c - 0x20) * mul;
      }
      first[i + 1] = first[i]! + d;
    }
    const rootDense = new Int32Array(65536);
    for (let c = first[0]!; c < first[1]!; c++) rootDense[label[c]!] = c;
    const markNode = rootDense[MARK]!;
    const markDense = new Int32Array(DENSE_MARK);
    if (markNode > 0) {
      for (let c = first[markNode]!; c < first[markNode + 1]!; c++) if (label[c]! < DENSE_MARK) markDense[label[c]!] = c;
    }
    this.label = label;
    this.first = first;
    this.rootDense = rootDense;
    this.markDense = markDense;
    this.markNode = markNode;
    // Failure and output links are computed lazily, the first time a node is reached.
    this.fail = new Int32Array(n).fill(-1);
    this.rep = new Int32Array(n).fill(-2);
    this.fail[0] = 0;
    this.rep[0] = -1;
    // Outputs: patterns are numbered in node order.
    const outFirst = new Int32Array(n + 1).fill(-1);
    const outCount = new Uint16Array(n + 1);
    const or = new NumReader(t.outs);
    let np = 0;
    const terminals = new Int32Array((t.outs.length >> 1) + 1);
    let nTerm = 0;
    for (let v = 0; !or.done; ) {
      v += or.next();
      const k = or.next();
      outFirst[v] = np;
      outCount[v] = k;
      np += k;
      terminals[nTerm++] = v;
    }
    this.outFirst = outFirst;
    this.outCount = outCount;
    const pFlags = new Uint16Array(np);
    const pEntity = new Int32Array(np);
    const pLen = new Uint16Array(np);
    const pNode = new Int32Array(np);
    const pEndsWord = new Uint8Array(np);
    const pUpStart = new Int32Array(np + 1);
    const pVeto = new Int32Array(np).fill(-1);
    const ups = new Uint16Array(t.pats.length);
    let nUps = 0;
    const pr = new NumReader(t.pats);
    const vr = new NumReader(t.vetoes);
    const vetoData: number[] = [];
    let p = 0;
    for (let ti = 0; ti < nTerm; ti++) {
      const v = terminals[ti]!;
      const k = (this.infoOf(label[v]!) >>> CLASS_SHIFT) & 15;
      const endsWord = k === K_LETTER || k === K_DIGIT ? 1 : 0;
      for (const pe = p + outCount[v]!; p < pe; p++) {
        const flags = pr.next();
        pFlags[p] = flags;
        pEntity[p] = pr.next() - 1;
        pLen[p] = pr.next();
        pNode[p] = v;
        pEndsWord[p] = endsWord;
        pUpStart[p] = nUps;
        if (flags & FL_EXACT) {
          const cnt = pr.next();
          let acc = 0;
          for (let i = 0; i < cnt; i++) {
            acc += pr.next();
            ups[nUps++] = acc;
          }
        }
        if (flags & FL_VETO) {
          pVeto[p] = vetoData.length;
          const nb = vr.next();
          vetoData.push(nb);
          for (let i = 0; i < nb; i++) vetoData.push(vr.next());
          const na = vr.next();
          vetoData.push(na);
          for (let i = 0; i < na; i++) vetoData.push(vr.next());
        }
        if ((flags & FL_TYPE) === T_SURNAME) {
          let g = this.surnameGroups.get(v);
          if (!g) this.surnameGroups.set(v, (g = []));
          g.push(pEntity[p]!, (flags >>> FL_POLICY_SHIFT) & 3);
        }
      }
    }
    pUpStart[np] = nUps;
    this.pFlags = pFlags;
    this.pEntity = pEntity;
    this.pLen = pLen;
    this.pNode = pNode;
    this.pEndsWord = pEndsWord;
    this.pUpStart = pUpStart;
    this.upList = ups.slice(0, nUps);
    this.pVeto = pVeto;
    this.vetoData = vetoData;
    this.phraseText = t.phrases.length ? t.phrases.split('\n') : [];
    this.phrases = [];
    this.titles = TITLES.map((x) => ({ u: Array.from(x.text, (c) => c.charCodeAt(0)), capFirst: x.capFirst })).sort(
      (a, b) => b.u.length - a.u.length,
    );
    this.notNameWords = NOT_NAME_WORDS;
    // First-letter case of exact patterns (a cheap pre-check of caseOk).
    const pFirstCase = new Int8Array(np);
    const lowOk = new Uint8Array(n);
    for (let q = 0; q < np; q++) {
      if (!(pFlags[q]! & FL_EXACT)) {
        lowOk[pNode[q]!] = 1;
        continue;
      }
      const up = pUpStart[q]! < pUpStart[q + 1]! && this.upList[pUpStart[q]!] === 0;
      pFirstCase[q] = up ? 1 : -1;
      if (!up) lowOk[pNode[q]!] = 1;
    }
    propagateUp(lowOk, first, n);
    this.pFirstCase = pFirstCase;
    // Case signatures: within a node, patterns with identical upper-case positions share an id.
    const pCaseSig = new Int32Array(np);
    for (let q = 0; q < np; q++) {
      pCaseSig[q] = q;
      const v = pNode[q]!;
      const a0 = pUpStart[q]!;
      const a1 = pUpStart[q + 1]!;
      for (let o = outFirst[v]!; o < q; o++) {
        if (pCaseSig[o] !== o || pUpStart[o + 1]! - pUpStart[o]! !== a1 - a0) continue;
        let same = true;
        for (let j = 0; j < a1 - a0 && same; j++) same = this.upList[a0 + j] === this.upList[pUpStart[o]! + j];
        if (same) {
          pCaseSig[q] = o;
          break;
        }
      }
    }
    this.pCaseSig = pCaseSig;
    this.caseMemo = new Int32Array(np);
    this.vetoMaxMemo = new Int32Array(np * 2).fill(-1);
    this.lowOk = lowOk;
    // Alphabet of the dense rows: the folded ASCII units used in labels (+ word mark combinations).
    let ns = 1;
    for (let u = 0; u < 128; u++) {
      if (!used[u]) continue;
      this.sym[u] = ns;
      this.symUnits.push(u);
      this.symIdx.push(ns++);
    }
    this.symMark = this.sym[MARK]!;
    if (this.symMark) {
      for (let u = 0; u < 128; u++) {
        if (!used[u] || u === MARK) continue;
        const k = (info[u]! >>> CLASS_SHIFT) & 15;
        if (k !== K_LETTER && k !== K_DIGIT) continue;
        this.symW[u] = ns;
        this.symWUnits.push(u);
        this.symWIdx.push(ns++);
      }
    }
    this.stride = ns;
    for (let c = 0; c < 128; c++) {
      const k = (info[c]! >>> CLASS_SHIFT) & 15;
      if (k === K_LETTER) this.alpha[c] = 1;
      if (k === K_SPACE) this.spaceA[c] = 1;
      if ((k !== K_LETTER && k !== K_DIGIT) || markNode === 0) continue;
      const u = info[c]! & 0xffff;
      const t = this.child(markNode, u);
      this.start0[c] = c >= 0x61 && c <= 0x7a && !lowOk[t] ? 0 : t;
    }
    this.rowBase = new Int32Array(n);
    this.rowVisits = new Uint8Array(n);
  }

  private phrase(id: number): number[] {
    let ph = this.phrases[id];
    if (!ph) this.phrases[id] = ph = Array.from(this.phraseText[id] ?? '', (c) => c.charCodeAt(0));
    return ph;
  }

  /** Parent of node v (v > 0): the p with first[p] <= v < first[p+1]. */
  private parentOf(v: number): number {
    const first = this.first;
    let lo = 0;
    let hi = first.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Compute fail[v] and rep[v] (and, transitively, those of the nodes they point to). Returns rep[v]. */
  private resolveNode(v: number): number {
    if (this.rep[v]! > -2) return this.rep[v]!;
    const par = this.parentOf(v);
    let f = 0;
    if (par !== 0) {
      const u = this.label[v]!;
      if (this.rep[par]! === -2) this.resolveNode(par);
      let s = this.fail[par]!;
      for (;;) {
        if (s === 0) {
          f = this.rootDense[u]!;
          break;
        }
        const t = this.child(s, u);
        if (t > 0) {
          f = t;
          break;
        }
        if (this.rep[s]! === -2) this.resolveNode(s);
        s = this.fail[s]!;
      }
    }
    const rf = this.resolveNode(f);
    this.fail[v] = f;
    const r = this.outFirst[v]! >= 0 ? v : rf;
    this.rep[v] = r;
    return r;
  }

  private infoOf(c: number): number {
    return c < TABLE_SIZE ? this.info[c]! : slowInfo(c, this.info);
  }

  /** Child of node s labelled u, or 0. */
  private child(s: number, u: number): number {
    if (s === 0) return this.rootDense[u]!;
    if (s === this.markNode && u < DENSE_MARK) return this.markDense[u]!;
    const label = this.label;
    let lo = this.first[s]!;
    let hi = this.first[s + 1]!;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (label[lo] === u) return lo;
      return 0;
    }
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const l = label[mid]!;
      if (l === u) return mid;
      if (l < u) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** A new document. */
  session(): MatchSession {
    return new Session(this);
  }

  /** One-shot scan of a single text (a fresh session). */
  scanText(text: string): Mention[] {
    return this.session().scan([text]);
  }

  /** Number of automaton nodes and patterns (for diagnostics). */
  get stats(): { nodes: number; patterns: number } {
    return { nodes: this.label.length, patterns: this.pFlags.length };
  }

  // -------------------------------------------------------------------------------------------
  // Scanning

  /** Full transition (child or via failure links) from s on unit u. */
  private delta(s: number, u: number): number {
    for (;;) {
      if (s === 0) return this.rootDense[u]!;
      const t = this.child(s, u);
      if (t > 0) return t;
      if (this.rep[s]! === -2) this.resolveNode(s);
      s = this.fail[s]!;
      // a failure state with a dense row answers at once
      if (u < 128 && this.rowBase[s]! > 0) return this.rows[this.rowBase[s]! + this.sym[u]!]! & NODE_MASK;
    }
  }

  /** Row entry for node t: the node plus its HAS_OUT / NO_LOW bits. */
  private entry(t: number): number {
    if (t === 0) return 0;
    const r = this.rep[t]! === -2 ? this.resolveNode(t) : this.rep[t]!;
    return t | (r >= 0 ? HAS_OUT : 0) | (this.lowOk[t] ? 0 : NO_LOW);
  }

  /**
   * A node with at most one child (deep inside an alias) never gets a row: on its first visit
   * rowBase[s] becomes ~child (-1 for a leaf), and later visits are one label test, with no
   * buildRow call and no `delta` unless the label differs. The test is the first step of
   * `delta` (`child`), so taking it directly is exact. Returns the new rowBase[s] (0: 2+ children).
   */
  private markSingle(s: number): number {
    const f = this.first[s]!;
    const d = this.first[s + 1]! - f;
    return d > 1 ? 0 : (this.rowBase[s] = d === 1 ? ~f : -1);
  }

  /**
   * Called while rowBase[s] === 0 (ASCII steps): builds node s's dense row on its ROW_AFTER-th
   * visit. Returns the new rowBase[s]: the row's offset, 0 (not yet / budget spent), or the
   * single-child mark (< 0).
   */
  private buildRow(s: number): number {
    const stride = this.stride;
    const single = this.markSingle(s);
    if (single !== 0) return single;
    if (this.rowVisits[s]! < ROW_AFTER) {
      this.rowVisits[s] = this.rowVisits[s]! + 1;
      return 0;
    }
    if (this.nRows >= MAX_ROWS) return 0;
    const b = this.nRows * stride;
    if (b + stride > this.rows.length) {
      const grown = new Int32Array(Math.max(64 * stride, this.rows.length * 2));
      grown.set(this.rows);
      this.rows = grown;
    }
    const rows = this.rows;
    this.nRows++;
    const su = this.symUnits;
    const si = this.symIdx;
    for (let j = 0; j < su.length; j++) rows[b + si[j]!] = this.delta(s, su[j]!);
    const m = this.symMark ? rows[b + this.symMark]! : 0;
    const wu = this.symWUnits;
    const wi = this.symWIdx;
    for (let j = 0; j < wu.length; j++) rows[b + wi[j]!] = m === 0 ? 0 : this.delta(m, wu[j]!);
    for (let j = 1; j < stride; j++) rows[b + j] = this.entry(rows[b + j]!);
    this.rowBase[s] = b;
    return b;
  }

  /** Transition on a non-letter unit u (state may be 0). */
  private step(state: number, u: number): number {
    if (state === 0) return this.rootDense[u]!;
    let rb = this.rowBase[state]!;
    if (rb === 0) rb = u < 128 ? this.buildRow(state) : this.markSingle(state);
    if (rb > 0 && u < 128) return this.rows[rb + this.sym[u]!]! & NODE_MASK;
    // single child (rb < -1): one label test
    return rb < -1 && this.label[~rb] === u ? ~rb : this.delta(state, u);
  }

  /** @internal */
  scanInternal(chunks: readonly string[], options: ScanOptions | undefined, seen: Map<number, Seen>, scanNo: number): Mention[] {
    const nc = chunks.length;
    const bases = new Int32Array(nc + 1);
    for (let i = 0; i < nc; i++) bases[i + 1] = bases[i]! + chunks[i]!.length;
    const brk = new Uint8Array(nc + 1);
    let nBreaks = 0;
    let breakPos = NO_BREAKS;
    const optBreaks = options?.breaks;
    if (optBreaks && optBreaks.length) {
      for (let j = 0; j < optBreaks.length; j++) {
        const b = optBreaks[j]!;
        if (b > 0 && b < nc) brk[b] = 1;
      }
      breakPos = new Int32Array(optBreaks.length);
      let last = -1;
      for (let b = 1; b < nc; b++) {
        if (!brk[b]) continue;
        const g = bases[b]!;
        if (g !== last) breakPos[nBreaks++] = last = g;
      }
    }
    const doc = new Doc(chunks, bases, breakPos, nBreaks);
    this.nFull = 0;
    this.nSur = 0;
    const info = this.info;
    const markNode = this.markNode;
    const rep = this.rep;
    const rowBase = this.rowBase;
    const label = this.label;
    const sym = this.sym;
    const symW = this.symW;
    const lowOk = this.lowOk;
    const start0 = this.start0;
    const mark0 = markNode > 0 ? this.first[markNode]! : 0;
    const mark1 = markNode > 0 ? this.first[markNode + 1]! : 0;
    const alpha = this.alpha;
    const spaceA = this.spaceA;
    let rows = this.rows;
    const ring = this.ring;
    let cnt = 0;
    let state = 0;
    let prevWord = false;
    let run = 0;
    let lastSpace = true;
    /** The current word started (from the root) with a lower-case ASCII letter. */
    let lowWord = false;
    for (let ci = 0; ci < nc; ci++) {
      if (brk[ci]) {
        state = 0;
        prevWord = false;
        run = 0;
        lastSpace = true;
      }
      const s = chunks[ci]!;
      const base = bases[ci]!;
      const len = s.length;
      for (let i = 0; i < len; i++) {
        const c = s.charCodeAt(i);
        const inf = c < TABLE_SIZE ? info[c]! : slowInfo(c, info);
        const k = (inf >>> CLASS_SHIFT) & 15;
        let st: number;
        if (k === K_LETTER || k === K_DIGIT) {
          let u = inf & 0xffff;
          if (!prevWord) {
            prevWord = true;
            lastSpace = false;
            run = k === K_LETTER ? 1 : 0;
            if (state === 0 && c < 128) {
              // word start from the root: one table lookup (lower-case starts pre-filtered by lowOk)
              st = start0[c]!;
              if (st === 0) {
                const e = wordEnd(s, i, len, alpha);
                run += e - i;
                i = e;
                continue;
              }
              lowWord = c >= 0x61;
              state = st;
              ring[cnt++ & RING_MASK] = base + i;
              ring[cnt++ & RING_MASK] = base + i;
              let r = rep[st]!;
              if (r === -2) r = this.resolveNode(st);
              if (r >= 0) this.report(r, base + i + 1, ring, cnt, run, doc);
            } else {
              let rb = rowBase[state]!;
              if (rb === 0) {
                rb = u < 128 ? this.buildRow(state) : this.markSingle(state);
                rows = this.rows;
              }
              if (rb > 0 && u < 128) {
                // word mark and letter in one step (a non-zero result implies a non-zero mark state)
                const x = rows[rb + symW[u]!]!;
                st = x & NODE_MASK;
                lowWord = c >= 0x61 && c <= 0x7a && st >= mark0 && st < mark1;
                if (x === 0 || (lowWord && (x & NO_LOW) !== 0)) {
                  state = 0;
                  const e = wordEnd(s, i, len, alpha);
                  run += e - i;
                  i = e;
                  continue;
                }
                state = st;
                ring[cnt++ & RING_MASK] = base + i;
                ring[cnt++ & RING_MASK] = base + i;
                if ((x & HAS_OUT) !== 0) this.report(rep[st]!, base + i + 1, ring, cnt, run, doc);
              } else {
                // (single-child nodes: one label test, as below)
                const m = state === 0 ? markNode : rb < -1 && label[~rb] === MARK ? ~rb : this.delta(state, MARK);
                if (m === 0) {
                  state = 0;
                  continue;
                }
                ring[cnt++ & RING_MASK] = base + i;
                if (rep[m] === -2) this.resolveNode(m);
                let rm = rowBase[m]!;
                if (rm === 0) rm = this.markSingle(m);
                st = rm < -1 && label[~rm] === u ? ~rm : this.delta(m, u);
                // A node right below the mark node starts at this word: the lower-case filter applies.
                lowWord = c >= 0x61 && c <= 0x7a && st >= mark0 && st < mark1;
                if (st === 0 || (lowWord && lowOk[st] === 0)) {
                  state = 0;
                  const e = wordEnd(s, i, len, alpha);
                  run += e - i;
                  i = e;
                  continue;
                }
                state = st;
                ring[cnt++ & RING_MASK] = base + i;
                let r = rep[st]!;
                if (r === -2) r = this.resolveNode(st);
                if (r >= 0) this.report(r, base + i + 1, ring, cnt, run, doc);
              }
            }
            // The word goes on in an ASCII letter: the in-word loop below takes it.
            if (i + 1 >= len) continue;
            const d = s.charCodeAt(i + 1);
            if (d >= 128 || alpha[d] === 0) continue;
            i++;
            run++;
            u = info[d]! & 0xffff;
          } else {
            run = k === K_LETTER ? run + 1 : 0;
            if (state === 0) {
              // rest of the word: ASCII letters leave the state at the root
              const e = wordEnd(s, i, len, alpha);
              run += e - i;
              i = e;
              continue;
            }
          }
          // Inside a word, from a non-root state. Each step is a dense-row entry (it carries the
          // lowOk and output bits), a single-child label test, or `delta`. While the word goes on in
          // ASCII letters it stays in this loop (the steps the main loop would take, without its
          // class dispatch), and a word that drops to the root is skipped at once.
          for (;;) {
            let rb = rowBase[state]!;
            if (rb === 0) {
              rb = u < 128 ? this.buildRow(state) : this.markSingle(state);
              rows = this.rows;
            }
            if (rb > 0 && u < 128) {
              const x = rows[rb + sym[u]!]!;
              if (x === 0 || (lowWord && (x & NO_LOW) !== 0)) state = 0;
              else {
                state = x & NODE_MASK;
                ring[cnt++ & RING_MASK] = base + i;
                if ((x & HAS_OUT) !== 0) this.report(rep[state]!, base + i + 1, ring, cnt, run, doc);
              }
            } else {
              // single child (rb < -1): one label test
              let t = rb < -1 && label[~rb] === u ? ~rb : this.delta(state, u);
              if (lowWord && lowOk[t] === 0) t = 0;
              state = t;
              if (t !== 0) {
                ring[cnt++ & RING_MASK] = base + i;
                let r = rep[t]!;
                if (r === -2) r = this.resolveNode(t);
                if (r >= 0) this.report(r, base + i + 1, ring, cnt, run, doc);
              }
            }
            if (state === 0) {
              // rest of the word: ASCII letters leave the state at the root
              const e = wordEnd(s, i, len, alpha);
              run += e - i;
              i = e;
              break;
            }
            if (i + 1 >= len) break;
            const d = s.charCodeAt(i + 1);
            if (d >= 128 || alpha[d] === 0) break;
            i++;
            run++;
            u = info[d]! & 0xffff;
          }
          continue;
        } else if (k === K_SPACE) {
          // the rest of an ASCII white-space run collapses into this one
          while (i + 1 < len) {
            const d = s.charCodeAt(i + 1);
            if (d >= 128 || spaceA[d] === 0) break;
            i++;
          }
          if (lastSpace) continue;
          lastSpace = true;
          prevWord = false;
          run = 0;
          if (state === 0) continue;
          st = this.step(state, 0x20);
          rows = this.rows;
        } else if (k === K_SKIP || k === K_MARK) {
          continue;
        } else if (k === K_PERIOD) {
          if (run === 1) {
            run = 0;
            continue;
          }
          prevWord = false;
          run = 0;
          lastSpace = false;
          st = this.step(state, 0x2e);
          rows = this.rows;
        } else {
          prevWord = false;
          run = 0;
          lastSpace = false;
          st = this.step(state, inf & 0xffff);
          rows = this.rows;
        }
        state = st;
        if (st !== 0) {
          ring[cnt++ & RING_MASK] = base + i;
          let r = rep[st]!;
          if (r === -2) r = this.resolveNode(st);
          if (r >= 0) this.report(r, base + i + 1, ring, cnt, run, doc);
        }
      }
    }
    return this.resolve(doc, seen, scanNo);
  }

  /** Collect the patterns ending at `end` (exclusive) that pass their checks. */
  private report(r0: number, end: number, ring: Int32Array, cnt: number, run: number, doc: Doc): void {
    let boundary = -2; // -2 unknown, -1 no boundary, else the (possibly extended) end
    let plainEnd = -2;
    const rep = this.rep;
    const fail = this.fail;
    const pFlags = this.pFlags;
    const pFirstCase = this.pFirstCase;
    const pCaseSig = this.pCaseSig;
    const caseMemo = this.caseMemo;
    for (let r = r0; r >= 0; r = rep[fail[r]!]!) {
      const p0 = this.outFirst[r]!;
      const pEnd = p0 + this.outCount[r]!;
      // All patterns of a node have the same length, hence the same start and end.
      const start = ring[(cnt - this.pLen[p0]!) & RING_MASK]!;
      let e: number;
      if (this.pEndsWord[p0]) {
        if (boundary === -2) boundary = this.endBoundary(end, run, doc);
        if (boundary < 0) continue;
        e = boundary;
      } else {
        if (plainEnd === -2) plainEnd = this.extendMarks(end, doc);
        e = plainEnd;
      }
      let firstInf = -1;
      let caps = -1;
      // the case memo only matters for a node with several patterns (the usual node has one)
      const single = pEnd - p0 === 1;
      let stamp = 0;
      if (!single) {
        stamp = ++this.memoStamp;
        if (stamp > 0x3fffffff) {
          caseMemo.fill(0);
          this.memoStamp = stamp = 1;
        }
      }
      for (let p = p0; p < pEnd; p++) {
        const flags = pFlags[p]!;
        if (flags & FL_EXACT) {
          const fc = pFirstCase[p]!;
          if (fc !== 0) {
            if (firstInf < 0) firstInf = this.infoOf(doc.code(start));
            if (((firstInf >>> CLASS_SHIFT) & 15) === K_LETTER && ((firstInf & F_UPPER) !== 0) !== fc > 0) continue;
          }
          if (single) {
            if (!this.caseOk(p, start, end, doc)) continue;
          } else {
            // patterns with the same case signature share the verdict
            const sig = pCaseSig[p]!;
            const mm = caseMemo[sig]!;
            if (mm >>> 1 === stamp) {
              if (!(mm & 1)) continue;
            } else {
              const ok = this.caseOk(p, start, end, doc);
              caseMemo[sig] = (stamp << 1) | (ok ? 1 : 0);
              if (!ok) continue;
            }
          }
        }
        if (flags & FL_ALLCAPS) {
          if (caps < 0) caps = this.capsNeighbour(start, e, doc) ? 1 : 0;
          if (caps) continue;
        }
        if ((flags & FL_TYPE) === T_SURNAME) {
          // (surname vetoes: checked in resolve, only for candidates that survive overlaps)
          const n = this.nSur;
          if (n + 3 > this.candSur.length) this.candSur = grow(this.candSur);
          const cs = this.candSur;
          cs[n] = start;
          cs[n + 1] = e;
          cs[n + 2] = p;
          this.nSur = n + 3;
        } else {
          if (flags & FL_VETO && this.vetoed(p, start, e, doc)) continue;
          const n = this.nFull;
          if (n + 3 > this.candFull.length) this.candFull = grow(this.candFull);
          const cf = this.candFull;
          cf[n] = start;
          cf[n + 1] = e;
          cf[n + 2] = p;
          this.nFull = n + 3;
        }
      }
    }
  }

  private extendMarks(g: number, doc: Doc): number {
    while (!doc.isBreak(g)) {
      const c = doc.code(g);
      if (((this.infoOf(c) >>> CLASS_SHIFT) & 15) !== K_MARK) break;
      g++;
    }
    return g;
  }

  /** Word boundary after a match ending at g: returns the end (extended over marks / "U.S." final period) or -1. */
  private endBoundary(g: number, run: number, doc: Doc): number {
    let end = g;
    let p = g;
    let r = run;
    let periodSkipped = false;
    let adj = true; // still adjacent to the match (for extending the end)
    for (;;) {
      if (doc.isBreak(p)) return end;
      const inf = this.infoOf(doc.code(p));
      const k = (inf >>> CLASS_SHIFT) & 15;
      if (k === K_MARK) {
        p++;
        if (adj) end = p;
        continue;
      }
      if (k === K_SKIP) {
        p++;
        adj = false;
        continue;
      }
      if (k === K_PERIOD && r === 1) {
        r = 0;
        p++;
        end = p;
        adj = false;
        periodSkipped = true;
        continue;
      }
      if (k === K_LETTER || k === K_DIGIT) {
        if (periodSkipped) return -1;
        // plural possessive: Kims'
        if ((inf & 0xffff) === 0x73) {
          let q = p + 1;
          while (!doc.isBreak(q) && ((this.infoOf(doc.code(q)) >>> CLASS_SHIFT) & 15) === K_SKIP) q++;
          if (!doc.isBreak(q) && (this.infoOf(doc.code(q)) & 0xffff) === APOS) {
            q++;
            while (!doc.isBreak(q) && ((this.infoOf(doc.code(q)) >>> CLASS_SHIFT) & 15) === K_SKIP) q++;
            if (doc.isBreak(q)) return end;
            const k2 = (this.infoOf(doc.code(q)) >>> CLASS_SHIFT) & 15;
            if (k2 !== K_LETTER && k2 !== K_DIGIT) return end;
          }
        }
        return -1;
      }
      return end;
    }
  }

  private caseOk(p: number, start: number, end: number, doc: Doc): boolean {
    const ups = this.upList;
    let ui = this.pUpStart[p]!;
    const ue = this.pUpStart[p + 1]!;
    let n = 0;
    // the chunks are read directly rather than through doc.code (a match rarely spans two)
    const info = this.info;
    const b = doc.bases;
    let ci = doc.chunkOf(start);
    let str = doc.chunks[ci]!;
    let off = b[ci]!;
    let lim = b[ci + 1]!;
    for (let g = start; g < end; g++) {
      while (g >= lim) {
        str = doc.chunks[++ci]!;
        off = lim;
        lim = b[ci + 1]!;
      }
      const c = str.charCodeAt(g - off);
      const inf = c < TABLE_SIZE ? info[c]! : slowInfo(c, info);
      if (((inf >>> CLASS_SHIFT) & 15) !== K_LETTER) continue;
      const want = ui < ue && ups[ui] === n;
      if (want) ui++;
      if (((inf & F_UPPER) !== 0) !== want) return false;
      n++;
    }
    return ui === ue;
  }

  /** An all-caps alias next to another all-caps word ("CONTACT US"). */
  private capsNeighbour(start: number, end: number, doc: Doc): boolean {
    return this.capsWord(start - 1, -1, doc) || this.capsWord(end, 1, doc);
  }

  private capsWord(g: number, dir: number, doc: Doc): boolean {
    let spaces = 0;
    for (;;) {
      if (doc.isBreak(dir < 0 ? g + 1 : g)) return false;
      const k = (this.infoOf(doc.code(g)) >>> CLASS_SHIFT) & 15;
      if (k === K_SPACE) spaces++;
      else if (k !== K_SKIP) break;
      g += dir;
    }
    if (!spaces) return false;
    let letters = 0;
    for (;;) {
      if (doc.isBreak(dir < 0 ? g + 1 : g)) break;
      const inf = this.infoOf(doc.code(g));
      const k = (inf >>> CLASS_SHIFT) & 15;
      if (k === K_LETTER) {
        if (!(inf & F_UPPER)) return false;
        letters++;
      } else if (k !== K_DIGIT && k !== K_MARK && k !== K_SKIP) break;
      g += dir;
    }
    return letters >= 2;
  }

  /** Normalised units from g forward (dir 1) or from g-1 backward (dir -1); -1 marks a break. */
  private readonly bufA: Units = newUnits(64);
  private readonly bufB: Units = newUnits(64);

  private collect(g: number, dir: 1 | -1, max: number, doc: Doc, out: Units = this.bufA): Units {
    if (out.u.length < max + 1) {
      const cap = Math.max(max + 1, out.u.length * 2);
      out.u = new Int32Array(cap);
      out.pos = new Int32Array(cap);
      out.far = new Int32Array(cap);
    }
    const u = out.u;
    const pos = out.pos;
    const far = out.far;
    let n = 0;
    let p = dir > 0 ? g : g - 1;
    let lastSpace = false;
    while (n < max) {
      if (dir > 0 ? doc.isBreak(p) : doc.isBreak(p + 1)) {
        u[n] = -1;
        pos[n] = p;
        far[n] = p;
        n++;
        break;
      }
      const inf = this.infoOf(doc.code(p));
      const k = (inf >>> CLASS_SHIFT) & 15;
      if (k === K_SKIP || k === K_MARK) {
        p += dir;
        continue;
      }
      if (k === K_SPACE) {
        if (lastSpace) far[n - 1] = p;
        else {
          u[n] = 0x20;
          pos[n] = p;
          far[n] = p;
          n++;
        }
        lastSpace = true;
        p += dir;
        continue;
      }
      lastSpace = false;
      u[n] = inf & 0xffff;
      pos[n] = p;
      far[n] = p;
      n++;
      p += dir;
    }
    u[n] = -1;
    out.n = n;
    return out;
  }

  private isWordUnit(u: number): boolean {
    if (u < 0) return false;
    const k = (this.infoOf(u) >>> CLASS_SHIFT) & 15;
    return k === K_LETTER || k === K_DIGIT;
  }

  /**
   * Does `phrase` occur in `units` from index i (text periods ignored), ending at a word boundary?
   * Units are in text order for dir 1 and reversed for dir -1. Returns the index after it, or -1.
   */
  private phraseAt(units: Int32Array, i: number, phrase: number[], dir: 1 | -1): number {
    const n = phrase.length;
    for (let j = 0; j < n; j++) {
      while (units[i] === 0x2e) i++;
      const want = dir > 0 ? phrase[j]! : phrase[n - 1 - j]!;
      if (units[i] !== want) return -1;
      i++;
    }
    const lastWord = this.isWordUnit(dir > 0 ? phrase[n - 1]! : phrase[0]!);
    let k = i;
    while (units[k] === 0x2e) k++;
    if (lastWord && this.isWordUnit(units[k]!)) return -1;
    return i;
  }

  private vetoed(p: number, start: number, end: number, doc: Doc): boolean {
    const d = this.vetoData;
    let at = this.pVeto[p]!;
    const nb = d[at++]!;
    if (nb && this.vetoSide(p, 0, end, 1, at, nb, doc)) return true;
    at += nb;
    const na = d[at++]!;
    return na > 0 && this.vetoSide(p, 1, start, -1, at, na, doc);
  }

  /** Is one of the `count` phrases at vetoData[at] right after g (dir 1) / right before g (dir -1)? */
  private vetoSide(p: number, side: number, g: number, dir: 1 | -1, at: number, count: number, doc: Doc): boolean {
    const max = this.vetoMax(p, side, at, count) * 2 + 6;
    // A few units first (the same prefix as the full collection): usually no phrase starts with
    // the unit after the gap, and then the full collection is not needed.
    let units = this.collect(g, dir, Math.min(max, 8), doc);
    let i0 = skipGap(units.u);
    let i1 = i0;
    while (units.u[i1] === 0x2e) i1++;
    if (i1 < units.n) {
      const first = units.u[i1]!;
      let any = false;
      for (let j = 0; j < count && !any; j++) {
        const ph = this.phrase(this.vetoData[at + j]!);
        any = ph.length === 0 || (dir > 0 ? ph[0] : ph[ph.length - 1]) === first;
      }
      if (!any) return false;
    }
    if (max > 8) {
      units = this.collect(g, dir, max, doc);
      i0 = skipGap(units.u);
      i1 = i0;
      while (units.u[i1] === 0x2e) i1++;
    }
    const u = units.u;
    const first = u[i1]!;
    for (let j = 0; j < count; j++) {
      const ph = this.phrase(this.vetoData[at + j]!);
      if ((ph.length === 0 || (dir > 0 ? ph[0] : ph[ph.length - 1]) === first) && this.phraseAt(u, i0, ph, dir) >= 0) return true;
    }
    return false;
  }

  /** Longest phrase of pattern p's notBefore (side 0) / notAfter (side 1) list, memoised. */
  private vetoMax(p: number, side: number, at: number, count: number): number {
    const memo = this.vetoMaxMemo;
    let max = memo[p * 2 + side]!;
    if (max < 0) {
      max = 0;
      for (let j = 0; j < count; j++) max = Math.max(max, this.phrase(this.vetoData[at + j]!).length);
      memo[p * 2 + side] = max;
    }
    return max;
  }

  /** Title right before a surname ("President Yoon"): its original text, or undefined. */
  private titleBefore(start: number, doc: Doc): { text: string; at: number } | undefined {
    const back = this.collect(start, -1, 48, doc);
    if (back.u[0] !== 0x20) return undefined;
    let i1 = 1;
    while (back.u[i1] === 0x2e) i1++;
    const first = back.u[i1]!; // compared with each title's last unit first
    for (const t of this.titles) {
      if (t.u[t.u.length - 1] !== first) continue;
      const i = this.phraseAt(back.u, 1, t.u, -1);
      if (i < 0) continue;
      const firstPos = back.pos[i - 1]!;
      if (t.capFirst && !(this.infoOf(doc.code(firstPos)) & F_UPPER)) continue;
      const endPos = back.far[0]!; // leftmost space of the gap
      let text = '';
      let sp = false;
      for (let g = firstPos; g < endPos; g++) {
        const c = doc.code(g);
        const k = (this.infoOf(c) >>> CLASS_SHIFT) & 15;
        if (k === K_SKIP) continue;
        if (k === K_SPACE) {
          if (!sp) text += ' ';
          sp = true;
          continue;
        }
        sp = false;
        text += String.fromCharCode(c);
      }
      return { text, at: firstPos };
    }
    return undefined;
  }

  /**
   * Context rules for a bare surname: followed directly by a capitalised word ("Kim Yo Jong") or
   * preceded by one that does not start a sentence ("Spike Lee", "Central Park") -> another name.
   */
  private surnameInOtherName(start: number, end: number, doc: Doc): boolean {
    const fwd = this.collect(end, 1, 3, doc);
    if (fwd.u[0] === 0x20 && this.isWordUnit(fwd.u[1]!) && this.infoOf(doc.code(fwd.pos[1]!)) & F_UPPER) return true;
    const back = this.collect(start, -1, 40, doc, this.bufB);
    if (back.u[0] !== 0x20) return false;
    let i = 1;
    while (this.isWordUnit(back.u[i]!)) i++;
    if (i === 1) return false; // no word right before
    const firstPos = back.pos[i - 1]!;
    if (!(this.infoOf(doc.code(firstPos)) & F_UPPER)) return false;
    if (back.u[i] === APOS && i === 2 && back.u[1] === 0x73) return false; // "Korea's Yoon"
    let word = '';
    for (let j = i - 1; j >= 1; j--) word += String.fromCharCode(back.u[j]!);
    if (this.notNameWords.has(word)) return false;
    while (back.u[i] === 0x20) i++;
    const before = back.u[i]!;
    // sentence start: nothing, or sentence punctuation / opening quote before the word
    if (before === -1 || SENTENCE_PUNCT.has(before)) return false;
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Resolution

  private resolve(doc: Doc, seen: Map<number, Seen>, scanNo: number): Mention[] {
    const cf = this.candFull;
    const cs = this.candSur;
    const nFull = this.nFull / 3;
    sortTriples(cf, nFull);
    sortTriples(cs, this.nSur / 3);
    // Phase A, per cluster of overlapping candidates: longest first, then leftmost.
    // Same-span candidates form one group (alternatives; a block pattern in the group wins).
    // Groups: (start, end, first candidate, end of candidates) quadruples.
    if (this.groups.length < nFull * 4) this.groups = new Int32Array(nFull * 8);
    const gr = this.groups;
    let nG = 0;
    for (let i = 0; i < nFull; ) {
      const s = cf[i * 3]!;
      const e = cf[i * 3 + 1]!;
      let j = i + 1;
      while (j < nFull && cf[j * 3] === s && cf[j * 3 + 1] === e) j++;
      gr[nG * 4] = s;
      gr[nG * 4 + 1] = e;
      gr[nG * 4 + 2] = i;
      gr[nG * 4 + 3] = j;
      nG++;
      i = j;
    }
    // Accepted groups, in start order (their mentions are made in phase B; a block makes none).
    if (this.acc.length < nG) this.acc = new Int32Array(nG * 2);
    const acc = this.acc;
    let nAcc = 0;
    for (let g = 0; g < nG; ) {
      let maxEnd = gr[g * 4 + 1]!;
      let h = g + 1;
      while (h < nG && gr[h * 4]! < maxEnd) {
        if (gr[h * 4 + 1]! > maxEnd) maxEnd = gr[h * 4 + 1]!;
        h++;
      }
      if (h === g + 1) acc[nAcc++] = g;
      else if (h === g + 2) {
        // Two groups, overlapping: the longer wins, else the left one (g; its spans differ from
        // g+1's, so with the same start it is the longer) — what the general case below picks.
        const l0 = gr[g * 4 + 1]! - gr[g * 4]!;
        const l1 = gr[g * 4 + 5]! - gr[g * 4 + 4]!;
        acc[nAcc++] = l1 > l0 ? g + 1 : g;
      } else {
        const cl = this.clBuf;
        cl.length = 0;
        for (let x = g; x < h; x++) cl.push(x);
        cl.sort((a, b) => gr[b * 4 + 1]! - gr[b * 4]! - (gr[a * 4 + 1]! - gr[a * 4]!) || gr[a * 4]! - gr[b * 4]!);
        const ok = this.okBuf;
        ok.length = 0;
        for (const x of cl) {
          let free = true;
          for (const y of ok) if (gr[y * 4]! < gr[x * 4 + 1]! && gr[x * 4]! < gr[y * 4 + 1]!) free = false;
          if (free) ok.push(x);
        }
        ok.sort((a, b) => gr[a * 4]! - gr[b * 4]!);
        for (const x of ok) acc[nAcc++] = x;
      }
      g = h;
    }
    // Phase B: document order; surnames against the full mentions seen so far.
    const out: Mention[] = [];
    let ai = 0;
    let lastEnd = -1;
    const nSur = this.nSur / 3;
    const pats = this.patsBuf;
    const pFlags = this.pFlags;
    for (let i = 0; i < nSur; ) {
      const s = cs[i * 3]!;
      const e = cs[i * 3 + 1]!;
      const i0 = i;
      while (i < nSur && cs[i * 3] === s && cs[i * 3 + 1] === e) i++;
      for (; ai < nAcc && gr[acc[ai]! * 4 + 1]! <= s; ai++) this.admit(acc[ai]!, out, seen, scanNo);
      if (ai < nAcc && gr[acc[ai]! * 4]! < e) continue; // overlaps a full mention / block
      if (s < lastEnd) continue;
      // Surname vetoes are checked here rather than in report: most surname candidates lie inside
      // a full mention and are dropped above. A vetoed pattern only leaves its group (same order).
      pats.length = 0;
      for (let j = i0; j < i; j++) {
        const p = cs[j * 3 + 2]!;
        if (!(pFlags[p]! & FL_VETO) || !this.vetoed(p, s, e, doc)) pats.push(p);
      }
      if (pats.length === 0) continue;
      const pick = this.pickSurname(pats, seen);
      if (pick < 0) continue;
      const title = this.titleBefore(s, doc);
      if (!title && this.surnameInOtherName(s, e, doc)) continue;
      const ent = this.pEntity[pick]!;
      const rule: MatchRule = { kind: 'surname', policy: policyOf(this.pFlags[pick]!) };
      const f = seen.get(ent);
      if (f) {
        rule.fullAt = f.at;
        if (f.scan !== scanNo) rule.fullScan = f.scan;
      }
      if (title) rule.title = title.text;
      out.push({ entity: ent, start: s, end: e, rule });
      lastEnd = e;
    }
    for (; ai < nAcc; ai++) this.admit(acc[ai]!, out, seen, scanNo);
    // Already in start order (see above: surnames never overlap accepted groups); the check keeps
    // the former stable sort's guarantee without its cost.
    if (lastEnd >= 0 && !byStart(out)) out.sort((a, b) => a.start - b.start);
    return out;
  }

  /** The mention of accepted group g of the sorted full candidates (null for a block). */
  private mentionOf(g: number): Mention | null {
    const gr = this.groups;
    const cf = this.candFull;
    const pFlags = this.pFlags;
    const pEntity = this.pEntity;
    const s = gr[g * 4]!;
    const e = gr[g * 4 + 1]!;
    const j0 = gr[g * 4 + 2]!;
    const j1 = gr[g * 4 + 3]!;
    if (j1 === j0 + 1) {
      // one candidate (the usual case)
      const p = cf[j0 * 3 + 2]!;
      const flags = pFlags[p]!;
      return (flags & FL_TYPE) === T_BLOCK ? null : { entity: pEntity[p]!, start: s, end: e, rule: ruleOf(flags) };
    }
    let block = false;
    const ents: number[] = [];
    let rulePat = -1;
    for (let j = j0; j < j1; j++) {
      const p = cf[j * 3 + 2]!;
      if ((pFlags[p]! & FL_TYPE) === T_BLOCK) block = true;
      else if (!ents.includes(pEntity[p]!)) {
        ents.push(pEntity[p]!);
        if (rulePat < 0) rulePat = p;
      }
    }
    if (block) return null;
    const m: Mention = { entity: ents[0]!, start: s, end: e, rule: ruleOf(pFlags[rulePat]!) };
    if (ents.length > 1) m.alternatives = ents.slice(1);
    return m;
  }

  private admit(g: number, out: Mention[], seen: Map<number, Seen>, scanNo: number): void {
    const m = this.mentionOf(g);
    if (!m) return;
    out.push(m);
    if (!seen.has(m.entity)) seen.set(m.entity, { scan: scanNo, at: m.start });
  }

  /**
   * Which entity a surname refers to: the one member of its surname group whose full name was
   * seen; with none seen, the only member with policy `always`; otherwise nobody.
   */
  private pickSurname(pats: number[], seen: Map<number, Seen>): number {
    const group = this.surnameGroups.get(this.pNode[pats[0]!]!) ?? [];
    let seenEnt = -1;
    for (let g = 0; g < group.length; g += 2) {
      const ent = group[g]!;
      if (!seen.has(ent) || ent === seenEnt) continue;
      if (seenEnt >= 0) return -1; // two entities with this surname mentioned: ambiguous
      seenEnt = ent;
    }
    let pick = -1;
    if (seenEnt >= 0) {
      for (const p of pats) if (this.pEntity[p] === seenEnt && policyOf(this.pFlags[p]!) !== 'never') pick = p;
      return pick;
    }
    for (const p of pats) {
      if (policyOf(this.pFlags[p]!) !== 'always') continue;
      if (pick >= 0 && this.pEntity[pick] !== this.pEntity[p]) return -1;
      pick = p;
    }
    return pick;
  }
}

function byStart(ms: Mention[]): boolean {
  for (let i = 1; i < ms.length; i++) if (ms[i]!.start < ms[i - 1]!.start) return false;
  return true;
}

/** The last index of the ASCII letters and digits that continue the word at `i` (`i` when none do). */
function wordEnd(s: string, i: number, len: number, alpha: Uint8Array): number {
  while (i + 1 < len) {
    const d = s.charCodeAt(i + 1);
    if (d >= 128 || alpha[d] === 0) break;
    i++;
  }
  return i;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(96, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Sort n (start, end, pattern) triples in place: start ascending, then end descending, then
 * pattern ascending. Candidates arrive almost sorted (by end, overlaps are local), so this is an
 * insertion sort; past a budget of moves it falls back to a general sort.
 * @internal (exported for tests)
 */
export function sortTriples(a: Int32Array, n: number): void {
  let budget = 8 * n + 64;
  for (let i = 1; i < n; i++) {
    const s = a[i * 3]!;
    const e = a[i * 3 + 1]!;
    const p = a[i * 3 + 2]!;
    let j = i - 1;
    while (j >= 0) {
      const s2 = a[j * 3]!;
      if (s2 < s) break;
      if (s2 === s) {
        const e2 = a[j * 3 + 1]!;
        if (e2 > e || (e2 === e && a[j * 3 + 2]! <= p)) break;
      }
      j--;
    }
    j++;
    if (j === i) continue;
    budget -= i - j;
    if (budget < 0) return sortTriplesGeneral(a, n);
    a.copyWithin(j * 3 + 3, j * 3, i * 3);
    a[j * 3] = s;
    a[j * 3 + 1] = e;
    a[j * 3 + 2] = p;
  }
}

function sortTriplesGeneral(a: Int32Array, n: number): void {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  idx.sort((x, y) => a[x * 3]! - a[y * 3]! || a[y * 3 + 1]! - a[x * 3 + 1]! || a[x * 3 + 2]! - a[y * 3 + 2]!);
  const copy = a.slice(0, n * 3);
  for (let i = 0; i < n; i++) {
    const x = idx[i]!;
    a[i * 3] = copy[x * 3]!;
    a[i * 3 + 1] = copy[x * 3 + 1]!;
    a[i * 3 + 2] = copy[x * 3 + 2]!;
  }
}

/** flag[v] |= flag[c] for every child c (children are numbered after their parent). */
function propagateUp(flag: Uint8Array, first: Int32Array, n: number): void {
  for (let v = n - 1; v >= 0; v--) {
    const e = first[v + 1]!;
    for (let c = first[v]!; c < e; c++) {
      if (flag[c] !== 0) {
        flag[v] = 1;
        break;
      }
    }
  }
}

const SENTENCE_PUNCT = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x3b, 0x22, 0x27, 0x28, 0x5b, 0x2d, 0x2014, 0x2026, 0x3002]);

function skipGap(units: Int32Array): number {
  let i = 0;
  while (units[i] === 0x20) i++;
  if (units[i] === 0x2c) {
    i++;
    while (units[i] === 0x20) i++;
  }
  return i;
}


function policyOf(flags: number): SurnamePolicy {
  return POLICIES[(flags >>> FL_POLICY_SHIFT) & 3] ?? 'after-full';
}

function ruleOf(flags: number): MatchRule {
  const t = flags & FL_TYPE;
  if (t === T_ABBREVIATION) return { kind: 'abbreviation' };
  if (t === T_NATIVE) return { kind: 'native' };
  return { kind: 'alias' };
}

class Session implements MatchSession {
  private seen = new Map<number, Seen>();
  private n = 0;
  constructor(private readonly m: Matcher) {}
  get scanCount(): number {
    return this.n;
  }
  scan(chunks: readonly string[], options?: ScanOptions): Mention[] {
    return this.m.scanInternal(chunks, options, this.seen, this.n++);
  }
  hasSeen(entity: number): boolean {
    return this.seen.has(entity);
  }
  reset(): void {
    this.seen.clear();
    this.n = 0;
  }
}

export function loadMatcher(tables: MatcherTables): Matcher {
  return new Matcher(tables);
}
