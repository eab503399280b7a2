/** Output helpers shared by the browser benchmarks: header, tables, summary rows, hot spots. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { SourceMapConsumer } from 'source-map-js';
import { findChrome } from '../../lib/browser';
import { machine, median, quantile } from './measure';
import type { HotFrame } from './trace';

export function header(title: string, argv: string[]): string[] {
  let chrome = findChrome() ?? '(none)';
  try {
    chrome = execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* keep the path */
  }
  return [
    `# ${title}`,
    `command: npm run bench -- ${argv.join(' ')}`.trimEnd(),
    `machine: ${machine()}; load average ${(await_load()).join(' ')}`,
    `browser: ${chrome}`,
    `date:    ${new Date().toISOString()}`,
  ];
}

function await_load(): string[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3);
  } catch {
    return ['?'];
  }
}

export type Cell = string | number | null | undefined;

export function fmt(v: Cell, digits = 1): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '–';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  if (Math.abs(v) >= 1000) return v.toFixed(0);
  return v.toFixed(digits);
}

export function table(head: string[], rows: Cell[][], digits = 1): string {
  const cells = [head, ...rows.map((r) => r.map((c) => fmt(c, digits)))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** median / p95 / max rows over the numeric columns of `rows` (column 0 is the label). */
export function summaryRows(rows: Cell[][], columns: number): Cell[][] {
  const col = (i: number) => rows.map((r) => r[i]).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const stat = (label: string, f: (xs: number[]) => number): Cell[] => [label, ...Array.from({ length: columns - 1 }, (_, i) => (col(i + 1).length ? f(col(i + 1)) : null))];
  return [stat('median', median), stat('p95', (xs) => quantile(xs, 0.95)), stat('max', (xs) => Math.max(...xs))];
}

/** Aggregated hot frames of our code, mapped to the original sources through the build's hidden source map. */
export function hotSpots(frames: HotFrame[], extDir: string, top = 15): Array<{ where: string; fn: string; native?: string; ms: number; share: number }> {
  const total = frames.reduce((a, f) => a + f.wallMs, 0);
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string) => {
    const rel = new URL(url).pathname.slice(1);
    if (!consumers.has(rel)) {
      const p = join(extDir, `${rel}.map`);
      consumers.set(rel, existsSync(p) ? new SourceMapConsumer(JSON.parse(readFileSync(p, 'utf8'))) : null);
    }
    return consumers.get(rel)!;
  };
  const agg = new Map<string, { where: string; fn: string; native?: string; ms: number }>();
  for (const f of frames) {
    const c = consumer(f.url);
    const pos = c?.originalPositionFor({ line: f.line + 1, column: f.column });
    const where = pos?.source ? `${pos.source.replace(/^.*?\/(?=(?:lib|entrypoints|generated|components|node_modules)\/)/, '')}:${pos.line}` : `${new URL(f.url).pathname}:${f.line + 1}:${f.column}`;
    const fn = pos?.name ?? f.functionName;
    const key = `${where} ${fn} ${f.native ?? ''}`;
    const a = agg.get(key) ?? { where, fn, ...(f.native ? { native: f.native } : {}), ms: 0 };
    a.ms += f.wallMs;
    agg.set(key, a);
  }
  return [...agg.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top)
    .map((a) => ({ ...a, share: total ? a.ms / total : 0 }));
}

export function mergeHot(runs: Array<{ hot: HotFrame[] }>): HotFrame[] {
  const m = new Map<string, HotFrame>();
  for (const r of runs)
    for (const h of r.hot) {
      const a = m.get(h.key) ?? { ...h, wallMs: 0 };
      a.wallMs += h.wallMs;
      m.set(h.key, a);
    }
  return [...m.values()];
}

export function corpusDir(): { dir: string | null; message: string } {
  const dir = process.env.BACKSTORY_CORPUS;
  if (!dir) return { dir: null, message: 'BACKSTORY_CORPUS is not set: no real news pages (set it to the corpus folder, e.g. BACKSTORY_CORPUS=../shared/corpus).' };
  if (!existsSync(join(dir, 'index.json'))) return { dir: null, message: `BACKSTORY_CORPUS=${dir} has no index.json: no real news pages.` };
  return { dir, message: `corpus: ${dir}` };
}

export interface CorpusPage {
  file: string;
  site?: string;
  lang?: string;
  topic?: string;
  text_chars?: number;
  bytes?: number;
}

export function corpusPages(dir: string): CorpusPage[] {
  return (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CorpusPage[]).filter((p) => existsSync(join(dir, p.file)));
}
