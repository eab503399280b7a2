/**
 * Build-time compiler: MatcherInput (all aliases) -> MatcherTables (compact strings).
 *
 * The automaton is an Aho–Corasick trie over normalised UTF-16 code units. Nodes are numbered
 * breadth-first with each node's children contiguous and sorted by label, so the tables only
 * need one label and one child count per node; failure links are recomputed at load time.
 */
import type { MatcherInput, MatcherTables, PatternSpec } from './types';
import { normalizeAlias, normalizePhrase, upperPositions } from './normalize';
import { CLASS_SHIFT, F_LOWER, F_UPPER, K_LETTER, buildUnicodeInfo, encodeNums, encodeUnicodeInfo, infoOf } from './unicode';

import {
  FL_ALLCAPS, FL_AMBIGUOUS, FL_EXACT, FL_POLICY_SHIFT, FL_VETO, MAX_PATTERN_UNITS, POLICIES, TABLES_VERSION,
  T_ABBREVIATION, T_BLOCK, T_NAME, T_NATIVE, T_SURNAME,
} from './format';

const TYPE_CODE: Record<PatternSpec['type'], number> = {
  name: T_NAME,
  surname: T_SURNAME,
  abbreviation: T_ABBREVIATION,
  native: T_NATIVE,
  block: T_BLOCK,
};

export interface CompileOptions {
  /** Called for every pattern that cannot be compiled (empty after normalisation, too long, bad entity). */
  onWarning?: (message: string, pattern: PatternSpec, index: number) => void;
}

interface TrieNode {
  children: Map<number, TrieNode>;
  outputs: number[];
  label: number;
}

export function compileMatcher(input: MatcherInput, options: CompileOptions = {}): MatcherTables {
  const info = buildUnicodeInfo();
  const warn = options.onWarning ?? (() => {});
  const root: TrieNode = { children: new Map(), outputs: [], label: 0 };
  const units: number[][] = [];
  input.patterns.forEach((p, idx) => {
    const isBlock = p.type === 'block';
    if (!isBlock && (!Number.isInteger(p.entity) || p.entity < 0 || p.entity >= input.ids.length)) {
      warn(`entity index ${p.entity} out of range`, p, idx);
      units.push([]);
      return;
    }
    const u = normalizeAlias(p.text, info);
    units.push(u);
    if (u.length === 0) return warn('alias is empty after normalisation', p, idx);
    if (u.length > MAX_PATTERN_UNITS) return warn('alias too long', p, idx);
    let node = root;
    for (const c of u) {
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), outputs: [], label: c };
        node.children.set(c, next);
      }
      node = next;
    }
    node.outputs.push(idx);
  });

  // Breadth-first numbering, children sorted by label.
  const order: TrieNode[] = [root];
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    const kids = [...n.children.values()].sort((a, b) => a.label - b.label);
    for (const k of kids) order.push(k);
  }
  const labelUnits: number[] = [];
  const deg: number[] = [];
  const outs: number[] = [];
  const pats: number[] = [];
  const vetoes: number[] = [];
  const phraseIds = new Map<string, number>();
  const phraseList: string[] = [];
  const phraseId = (text: string): number => {
    const key = String.fromCharCode(...normalizePhrase(text, info));
    let id = phraseIds.get(key);
    if (id === undefined) {
      id = phraseList.length;
      phraseIds.set(key, id);
      phraseList.push(key);
    }
    return id;
  };
  let lastTerminal = 0;
  for (let i = 0; i < order.length; i++) {
    const n = order[i]!;
    if (i > 0) labelUnits.push(n.label);
    deg.push(n.children.size);
    if (n.outputs.length) {
      outs.push(i - lastTerminal, n.outputs.length);
      lastTerminal = i;
    }
    for (const idx of n.outputs) {
      const p = input.patterns[idx]!;
      const type = TYPE_CODE[p.type] ?? T_NAME;
      let flags = type;
      const exact = p.caseMode !== 'insensitive';
      if (exact) flags |= FL_EXACT;
      if (type === T_SURNAME) flags |= POLICIES.indexOf(p.policy ?? 'after-full') << FL_POLICY_SHIFT;
      if (p.ambiguous) flags |= FL_AMBIGUOUS;
      if (type !== T_BLOCK && isAllCaps(p.text, info)) flags |= FL_ALLCAPS;
      const nb = (p.notBefore ?? []).filter((s) => normalizePhrase(s, info).length > 0);
      const na = (p.notAfter ?? []).filter((s) => normalizePhrase(s, info).length > 0);
      if (nb.length || na.length) flags |= FL_VETO;
      pats.push(flags, type === T_BLOCK ? 0 : p.entity + 1, units[idx]!.length);
      if (exact) {
        const { uppers } = upperPositions(p.text, info);
        pats.push(uppers.length);
        let prev = 0;
        for (const u of uppers) {
          pats.push(u - prev);
          prev = u;
        }
      }
      if (flags & FL_VETO) {
        vetoes.push(nb.length, ...nb.map(phraseId), na.length, ...na.map(phraseId));
      }
    }
  }
  let labels = '';
  for (let i = 0; i < labelUnits.length; i += 8192) labels += String.fromCharCode(...labelUnits.slice(i, i + 8192));
  for (const id of input.ids) if (id.includes('\n')) throw new Error(`entity id contains a newline: ${JSON.stringify(id)}`);
  return {
    v: TABLES_VERSION,
    ids: input.ids.join('\n'),
    uni: encodeUnicodeInfo(info),
    labels,
    deg: encodeNums(deg),
    outs: encodeNums(outs),
    pats: encodeNums(pats),
    vetoes: encodeNums(vetoes),
    phrases: phraseList.join('\n'),
  };
}

/** An alias written in capitals only (US, NATO, UN): rejected amid other all-caps words. */
function isAllCaps(text: string, info: Uint32Array): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const inf = infoOf(text.charCodeAt(i), info);
    if (((inf >>> CLASS_SHIFT) & 15) !== K_LETTER) continue;
    if (inf & F_LOWER || !(inf & F_UPPER)) return false;
    letters++;
  }
  return letters >= 2;
}

/**
 * Full source of the generated module (generated/matcher.ts):
 * `export const MATCHER_TABLES: MatcherTables = {...}`.
 */
export function serializeTablesToModule(
  input: MatcherInput,
  opts: { typesImport?: string; exportName?: string } & CompileOptions = {},
): string {
  const tables = compileMatcher(input, opts);
  const from = opts.typesImport ?? '../lib/match/types';
  const name = opts.exportName ?? 'MATCHER_TABLES';
  return (
    `// Generated by the dataset build (lib/match/compile.ts). Do not edit.\n` +
    `import type { MatcherTables } from '${from}';\n\n` +
    `export const ${name}: MatcherTables = ${JSON.stringify(tables, null, 1)};\n`
  );
}
