/**
 * In-browser benchmark of the content script: `npm run bench -- page [options]`.
 *
 * Loads synthetic article pages (~5k/50k/150k/500k characters, written into a temp folder) and,
 * with BACKSTORY_CORPUS=DIR, the corpus pages, in Chromium with the extension, and reports per
 * page our main-thread time (everything our scripts run, from a traced CPU profile; see
 * lib/trace.ts), our longest task, the same with a 30,000-alias build, the floor (a bare
 * TreeWalker pass over the same text, first pass), mark.js with the same aliases, and a reference
 * article script (scripts/bench/assets/reference-article.js) that does only the least work this
 * architecture implies, measured exactly like ours: the floor our figures should be read against.
 *
 * Options: --reps N (default 3)  --json  --rebuild (rebuild the extension copies)  --reuse (newest cached copies)
 *          --corpus-reps N (default 1)  --corpus-sample N (N corpus pages, evenly spaced)  --sampling normal|hires
 *          --no-floors (skip the empty, one-message and read-only stand-in scripts)
 *          --markjs-timeout SECONDS (default 30)  --markjs-sample N (corpus pages given to
 *          mark.js, evenly spaced; default 4; 0 = none)  --no-markjs  --only-synthetic
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../lib/server';
import { floorBuild, loadRealInput, prepareBuilds } from './lib/ext';
import { floor, launchPlain, launchWithExtension, markjs, median, offline, runWithExtension, type ExtRun } from './lib/measure';
import { writeSyntheticPages } from './lib/pages';
import { setSampling } from './lib/trace';
import { corpusDir, corpusPages, header, hotSpots, mergeHot, summaryRows, table, type Cell } from './lib/report';

function opt(args: string[], name: string, def: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
}

/** The builds each page is loaded with: ours, the 30k-alias build, and the stand-in scripts (lib/ext.ts FLOOR_SCRIPTS). */
const RUN_LABELS = ['real', 'big', 'ref', 'empty', 'msg', 'read'] as const;
type RunLabel = (typeof RUN_LABELS)[number];

interface PageRow extends Record<RunLabel, ExtRun[]> {
  name: string;
  url: string;
  kind: 'synthetic' | 'corpus';
  chars?: number;
  floorMs: number[];
  markjs?: { ms: number; marks: number } | 'timeout' | 'skipped';
}

function newRow(name: string, url: string, kind: PageRow['kind']): PageRow {
  const runs = {} as Record<RunLabel, ExtRun[]>;
  for (const l of RUN_LABELS) runs[l] = [];
  return { name, url, kind, floorMs: [], ...runs };
}

export default async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const reps = opt(args, '--reps', 3);
  const corpusReps = opt(args, '--corpus-reps', 1);
  const si = args.indexOf('--sampling');
  setSampling(si >= 0 ? args[si + 1] : undefined);
  const mjTimeout = opt(args, '--markjs-timeout', 30) * 1000;
  const mjSample = args.includes('--no-markjs') ? 0 : opt(args, '--markjs-sample', 4);
  const log = (s: string) => process.stderr.write(s + '\n');
  const head = header('Backstory in-browser page benchmark', ['page', ...args]);
  const corpus = args.includes('--only-synthetic') ? { dir: null, message: 'corpus pages skipped (--only-synthetic)' } : corpusDir();
  head.push(corpus.message);
  if (!json) console.log(head.join('\n'));

  const builds = prepareBuilds({ rebuild: args.includes('--rebuild'), reuse: args.includes('--reuse') });
  head.push(`extension builds: ${builds.real} | ${builds.big}`);
  const input = loadRealInput();
  const dir = mkdtempSync(join(tmpdir(), 'backstory-pages-'));
  const synth = writeSyntheticPages(input, dir);
  const server = await serveStatic(corpus.dir ? [dir, corpus.dir] : [dir]);
  const rows: PageRow[] = synth.map((p) => newRow(p.name, `${server.url}/${p.file}`, 'synthetic'));
  const allPages = corpus.dir ? corpusPages(corpus.dir) : [];
  // --corpus-sample N: N pages evenly spaced through the corpus index (a shorter, reproducible run).
  const sample = opt(args, '--corpus-sample', 0);
  const every = sample > 0 && sample < allPages.length ? Math.ceil(allPages.length / sample) : 1;
  const cps = every > 1 ? allPages.filter((_, i) => i % every === 0).slice(0, sample) : allPages;
  if (cps.length < allPages.length) {
    head.push(`corpus sample: ${cps.length} of ${allPages.length} pages (every ${every}th in index order)`);
    if (!json) console.log(head[head.length - 1]);
  }
  for (const p of cps) rows.push(newRow(p.file.replace(/^pages\//, '').replace(/\.html?$/, ''), `${server.url}/${p.file}`, 'corpus'));
  const keywords = [...new Set(input.patterns.filter((p) => p.type !== 'block').map((p) => p.text))];

  try {
    const runs = [['real', builds.real], ['big', builds.big], ['ref', floorBuild(builds.real, 'ref')]] as Array<[RunLabel, string]>;
    if (!args.includes('--no-floors')) runs.push(['empty', floorBuild(builds.real, 'empty')], ['msg', floorBuild(builds.real, 'msg')], ['read', floorBuild(builds.real, 'read')]);
    for (const [label, extDir] of runs) {
      const ext = await launchWithExtension({ extensionDir: extDir });
      await offline(ext.context);
      try {
        await runWithExtension(ext, rows[0]!.url); // warm-up (service worker, caches); not counted
        for (let r = 0; r < reps; r++) {
          for (const row of rows) {
            if (row.kind === 'corpus' && r >= corpusReps) continue;
            const run = await runWithExtension(ext, row.url);
            row[label].push(run);
            log(`[${label} ${r + 1}/${reps}] ${row.name}: ${run.state}${run.timedOut ? " (TIMED OUT)" : ""} marks=${run.marks} cpu=${run.cpuMs.toFixed(1)}ms wall=${run.wallMs.toFixed(1)}ms longest=${run.longestCpuMs.toFixed(1)}ms`);
          }
        }
      } finally {
        await ext.close();
      }
    }
    const plain = await launchPlain();
    try {
      for (let r = 0; r < reps; r++)
        for (const row of rows) {
          if (row.kind === 'corpus' && r >= corpusReps) continue;
          const f = await floor(plain, row.url);
          row.floorMs.push(f.ms);
          row.chars = f.chars;
        }
      const corpusRows = rows.filter((r) => r.kind === 'corpus');
      const step = mjSample > 0 ? Math.max(1, Math.floor(corpusRows.length / mjSample)) : Infinity;
      const pick = new Set(mjSample > 0 ? corpusRows.filter((_, i) => i % step === 0).slice(0, mjSample) : []);
      for (const row of rows) {
        if (mjSample === 0 || (row.kind === 'corpus' && !pick.has(row))) {
          row.markjs = 'skipped';
          continue;
        }
        const m = await markjs(plain, row.url, keywords, mjTimeout);
        row.markjs = m ?? 'timeout';
        log(`[mark.js] ${row.name}: ${m ? `${m.ms.toFixed(0)} ms, ${m.marks} marks` : `> ${mjTimeout / 1000} s`}`);
      }
    } finally {
      await plain.close();
    }
  } finally {
    await server.close();
  }

  const med = (xs: ExtRun[], f: (r: ExtRun) => number) => median(xs.map(f));
  const maxOf = (xs: ExtRun[], f: (r: ExtRun) => number) => Math.max(...xs.map(f));
  /** A stand-in's median CPU ms on a page; null when it did not run (--no-floors). */
  const standIn = (xs: ExtRun[]) => (xs.length ? med(xs, (r) => r.cpuMs) : null);
  const result = rows.map((row) => {
    const cpu = med(row.real, (r) => r.cpuMs);
    const bigCpu = med(row.big, (r) => r.cpuMs);
    return {
      page: row.name,
      kind: row.kind,
      chars: row.chars ?? null,
      state: row.real[0]?.state ?? 'unknown',
      marks: row.real[0]?.marks ?? 0,
      cpuMs: cpu,
      wallMs: med(row.real, (r) => r.wallMs),
      longestCpuMs: maxOf(row.real, (r) => r.longestCpuMs),
      longestWallMs: maxOf(row.real, (r) => r.longestWallMs),
      evaluateCpuMs: med(row.real, (r) => r.evaluateCpuMs),
      scanWallMs: median(row.real.flatMap((r) => r.scanMeasures.slice(0, 1))),
      bigCpuMs: bigCpu,
      refCpuMs: med(row.ref, (r) => r.cpuMs),
      emptyCpuMs: standIn(row.empty),
      msgCpuMs: standIn(row.msg),
      readCpuMs: standIn(row.read),
      bigLongestCpuMs: maxOf(row.big, (r) => r.longestCpuMs),
      bigRatio: cpu > 0 ? bigCpu / cpu : null,
      floorMs: median(row.floorMs),
      markjsMs: typeof row.markjs === 'object' ? row.markjs.ms : null,
      markjs: typeof row.markjs === 'object' ? `${row.markjs.ms.toFixed(0)}` : row.markjs === 'timeout' ? `>${mjTimeout / 1000}s` : '–',
      runs: Object.fromEntries(RUN_LABELS.map((l) => [l, row[l].map(({ hot: _h, ...r }) => r)])),
    };
  });
  const hot = hotSpots(mergeHot(rows.flatMap((r) => r.real)), builds.real, 20);
  const scanned = result.filter((r) => r.state === 'ok');
  const medianOf = (f: (r: (typeof result)[number]) => number | null) => median(scanned.flatMap((r) => { const v = f(r); return v === null ? [] : [v]; }));
  const ratioAll = median(scanned.map((r) => r.bigCpuMs)) / median(scanned.map((r) => r.cpuMs));
  const summary = {
    reps,
    aliases: { real: builds.realAliases, big: builds.bigAliases },
    scannedPages: scanned.length,
    medianCpuMs: median(scanned.map((r) => r.cpuMs)),
    maxLongestCpuMs: Math.max(...scanned.map((r) => r.longestCpuMs)),
    maxLongestWallMs: Math.max(...scanned.map((r) => r.longestWallMs)),
    bigOverRealMedian: ratioAll,
    medianFloorMs: median(scanned.map((r) => r.floorMs)),
    medianReferenceCpuMs: median(scanned.map((r) => r.refCpuMs)),
    medianEmptyCpuMs: medianOf((r) => r.emptyCpuMs),
    medianOneMessageCpuMs: medianOf((r) => r.msgCpuMs),
    medianReadOnlyCpuMs: medianOf((r) => r.readCpuMs),
    targets: {
      medianCpuLe5ms: median(scanned.map((r) => r.cpuMs)) <= 5,
      longestCpuLe50msEveryPage: scanned.every((r) => r.longestCpuMs <= 50),
      bigRatioLe1_3: ratioAll <= 1.3,
    },
  };
  if (json) {
    console.log(JSON.stringify({ header: head, summary, pages: result, hot }, null, 1));
    return;
  }
  const cols = ['page', 'chars', 'marks', 'ours cpu', 'ours wall', 'longest cpu', 'longest wall', 'eval cpu', 'empty cpu', '1-msg cpu', 'read cpu', 'ref cpu', '30k cpu', '30k/real', '30k longest', 'floor', 'mark.js'];
  const toRow = (r: (typeof result)[number]): Cell[] => [
    r.page.slice(0, 48) + (r.state === 'ok' ? '' : ` (${r.state})`),
    r.chars, r.marks, r.cpuMs, r.wallMs, r.longestCpuMs, r.longestWallMs, r.evaluateCpuMs, r.emptyCpuMs ?? '–', r.msgCpuMs ?? '–', r.readCpuMs ?? '–', r.refCpuMs, r.bigCpuMs, r.bigRatio, r.bigLongestCpuMs, r.floorMs, r.markjsMs ?? r.markjs,
  ];
  const body = result.map(toRow);
  console.log(`\nall times in ms; medians of ${reps} loads (corpus pages: ${corpusReps}) (longest: max over loads). "cpu" = main-thread thread time, "wall" = elapsed (inflated by other load on a shared machine).`);
  console.log('"empty cpu" / "1-msg cpu": stand-in article scripts (scripts/bench/assets/) that do nothing but record the timing mark / also send one settings message: what any content script pays, and the first use of extension messaging.');
  console.log('"read cpu": a stand-in that reads the article text with a native TreeWalker and registers one Highlight, with no extension API at all: what reading and marking the page costs any isolated-world content script.');
  console.log('"ref cpu": the reference article script (scripts/bench/assets/reference-article.js: config message, bare TreeWalker, match message, one Highlight; nothing else) measured the same way: the floor of this architecture.');
  console.log(`aliases: real ${builds.realAliases}, 30k build ${builds.bigAliases} (the real aliases + synthetic ones). mark.js: separateWordSearch false, accuracy exactly, caseSensitive, ${input.patterns.length} patterns → ${keywords.length} keywords.`);
  console.log(table(cols, body, 2));
  console.log('\nsummary over pages the extension scanned (state ok):');
  console.log(table(cols, summaryRows(result.filter((r) => r.state === 'ok').map(toRow), cols.length), 2));
  for (const kind of ['synthetic', 'corpus'] as const) {
    const sub = result.filter((r) => r.kind === kind && r.state === 'ok');
    if (kind === 'corpus' && sub.length) {
      console.log(`\n${kind} pages only (${sub.length}):`);
      console.log(table(cols, summaryRows(sub.map(toRow), cols.length), 2));
    }
  }
  console.log(`\ntargets: median ours cpu ${summary.medianCpuMs.toFixed(2)} ms (≤ 5: ${summary.targets.medianCpuLe5ms ? 'yes' : 'NO'}); ` +
    `longest task of ours ${summary.maxLongestCpuMs.toFixed(1)} ms cpu / ${summary.maxLongestWallMs.toFixed(1)} ms wall (≤ 50 on every page: ${summary.targets.longestCpuLe50msEveryPage ? 'yes' : 'NO'}); ` +
    `30k/real ${ratioAll.toFixed(2)} (≤ 1.3: ${summary.targets.bigRatioLe1_3 ? 'yes' : 'NO'}); ` +
    `reference script median ${summary.medianReferenceCpuMs.toFixed(2)} ms cpu` +
    (Number.isFinite(summary.medianEmptyCpuMs) ? `; empty script ${summary.medianEmptyCpuMs.toFixed(2)}, one message ${summary.medianOneMessageCpuMs.toFixed(2)}, read-only ${summary.medianReadOnlyCpuMs.toFixed(2)} ms cpu` : ''));
  console.log('\nwhere our time goes (sampled wall time of our innermost frame, all real-dataset loads):');
  console.log(table(['source', 'function', 'native callee', 'ms', 'share'], hot.map((h) => [h.where, h.fn, h.native ?? '', h.ms, `${(h.share * 100).toFixed(1)}%`])));
}
