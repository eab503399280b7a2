/**
 * Robustness + cost over real pages ("Trust"): `npm run bench -- corpus [--json] [--reuse] [--rebuild]`.
 *
 * With BACKSTORY_CORPUS=DIR, loads every page of DIR/index.json in Chromium with the extension
 * (network blocked, pages served from 127.0.0.1) and reports per page: marks, entities, our
 * main-thread time, our longest task, and errors of ours — uncaught errors whose stack or source
 * is chrome-extension://<id>/, and "Backstory stopped" console warnings. Exits non-zero on any
 * uncaught error of ours. Without BACKSTORY_CORPUS it says so and runs on the synthetic pages only.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../lib/server';
import { loadRealInput, prepareBuilds } from './lib/ext';
import { launchWithExtension, median, offline, runWithExtension, type ExtRun } from './lib/measure';
import { writeSyntheticPages } from './lib/pages';
import { corpusDir, corpusPages, header, hotSpots, mergeHot, summaryRows, table, type Cell } from './lib/report';

export default async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const log = (s: string) => process.stderr.write(s + '\n');
  const head = header('Backstory corpus run (robustness and cost on real pages)', ['corpus', ...args]);
  const corpus = corpusDir();
  head.push(corpus.dir ? corpus.message : `${corpus.message}\nRunning on the synthetic pages only.`);
  if (!json) console.log(head.join('\n'));
  else if (!corpus.dir) console.error(corpus.message);

  const builds = prepareBuilds({ rebuild: args.includes('--rebuild'), reuse: args.includes('--reuse') });
  const input = loadRealInput();
  const dir = mkdtempSync(join(tmpdir(), 'backstory-pages-'));
  const pages: Array<{ name: string; file: string; lang?: string; topic?: string }> = corpus.dir
    ? corpusPages(corpus.dir).map((p) => ({ name: p.file.replace(/^pages\//, '').replace(/\.html?$/, ''), file: p.file, lang: p.lang, topic: p.topic }))
    : writeSyntheticPages(input, dir).map((p) => ({ name: p.name, file: p.file, lang: 'en', topic: 'synthetic' }));
  const server = await serveStatic([corpus.dir ?? dir]);
  const results: Array<{ name: string; lang?: string; topic?: string; run: ExtRun }> = [];
  const ext = await launchWithExtension({ extensionDir: builds.real });
  await offline(ext.context);
  try {
    await runWithExtension(ext, `${server.url}/${pages[0]!.file}`); // warm-up, not counted
    for (const p of pages) {
      const run = await runWithExtension(ext, `${server.url}/${p.file}`, { watchErrors: true, timeoutMs: 90_000 });
      results.push({ name: p.name, lang: p.lang, topic: p.topic, run });
      log(`${p.name}: ${run.state} marks=${run.marks} entities=${run.entities} cpu=${run.cpuMs.toFixed(1)}ms longest=${run.longestCpuMs.toFixed(1)}ms errors=${run.errors.length}${run.timedOut ? ' (timed out)' : ''}`);
    }
  } finally {
    await ext.close();
    await server.close();
  }
  const uncaught = results.flatMap((r) => r.run.errors.filter((e) => e.startsWith('uncaught')).map((e) => `${r.name}: ${e}`));
  const warnings = results.flatMap((r) => r.run.errors.filter((e) => !e.startsWith('uncaught')).map((e) => `${r.name}: ${e}`));
  const ok = results.filter((r) => r.run.state === 'ok');
  const states = new Map<string, number>();
  for (const r of results) states.set(r.run.state, (states.get(r.run.state) ?? 0) + 1);
  const summary = {
    pages: results.length,
    states: Object.fromEntries(states),
    pagesWithMarks: results.filter((r) => r.run.marks > 0).length,
    marks: results.reduce((a, r) => a + r.run.marks, 0),
    medianCpuMsScanned: median(ok.map((r) => r.run.cpuMs)),
    medianCpuMsAll: median(results.map((r) => r.run.cpuMs)),
    maxLongestCpuMs: Math.max(0, ...results.map((r) => r.run.longestCpuMs)),
    maxLongestWallMs: Math.max(0, ...results.map((r) => r.run.longestWallMs)),
    uncaughtErrors: uncaught.length,
    stoppedWarnings: warnings.length,
    timedOut: results.filter((r) => r.run.timedOut).map((r) => r.name),
  };
  const hot = hotSpots(mergeHot(results.map((r) => r.run)), builds.real, 15);
  if (json) console.log(JSON.stringify({ header: head, summary, pages: results.map((r) => ({ name: r.name, lang: r.lang, topic: r.topic, ...r.run, hot: undefined })), uncaught, warnings, hot }, null, 1));
  else {
    const cols = ['page', 'lang', 'state', 'marks', 'entities', 'ours cpu', 'ours wall', 'longest cpu', 'longest wall', 'errors'];
    const rows: Cell[][] = results.map((r) => [r.name.slice(0, 56), r.lang ?? '', r.run.state + (r.run.timedOut ? '*' : ''), r.run.marks, r.run.entities, r.run.cpuMs, r.run.wallMs, r.run.longestCpuMs, r.run.longestWallMs, r.run.errors.length]);
    console.log(`\nall times in ms, one load per page. "cpu" = main-thread thread time, "wall" = elapsed (inflated by other load on a shared machine). * = timed out.`);
    console.log(table(cols, rows, 2));
    const numeric = (rs: typeof results): Cell[][] => rs.map((r) => [r.name, r.run.marks, r.run.entities, r.run.cpuMs, r.run.wallMs, r.run.longestCpuMs, r.run.longestWallMs, r.run.errors.length]);
    const scols = ['', 'marks', 'entities', 'ours cpu', 'ours wall', 'longest cpu', 'longest wall', 'errors'];
    console.log(`\nsummary, all ${results.length} pages:`);
    console.log(table(scols, summaryRows(numeric(results), scols.length), 2));
    console.log(`\nsummary, ${ok.length} pages the extension scanned (state ok):`);
    console.log(table(scols, summaryRows(numeric(ok), scols.length), 2));
    console.log(`\nstates: ${[...states].map(([k, v]) => `${k} ${v}`).join(', ')}; pages with marks: ${summary.pagesWithMarks}; marks: ${summary.marks}`);
    console.log(`errors of ours: ${uncaught.length} uncaught, ${warnings.length} "Backstory stopped" warnings${summary.timedOut.length ? `; timed out: ${summary.timedOut.join(', ')}` : ''}`);
    for (const e of [...uncaught, ...warnings]) console.log(`  ${e}`);
    console.log('\nwhere our time goes (sampled wall time of our innermost frame):');
    console.log(table(['source', 'function', 'native callee', 'ms', 'share'], hot.map((h) => [h.where, h.fn, h.native ?? '', h.ms, `${(h.share * 100).toFixed(1)}%`])));
  }
  if (uncaught.length) process.exitCode = 1;
}
