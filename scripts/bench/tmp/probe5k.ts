import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../lib/server';
import { loadRealInput, prepareBuilds } from '../lib/ext';
import { launchWithExtension, offline, runWithExtension, median } from '../lib/measure';
import { writeSyntheticPages } from '../lib/pages';
import { hotSpots, mergeHot, table } from '../lib/report';

import { setSampling } from '../lib/trace';
if (process.env.SAMPLING) setSampling(process.env.SAMPLING);
const which = process.argv[2] ?? 'synthetic-5k';
const reps = Number(process.argv[3] ?? 6);
const builds = prepareBuilds({ rebuild: process.argv.includes('--rebuild') });
const input = loadRealInput();
const dir = mkdtempSync(join(tmpdir(), 'backstory-pages-'));
const synth = writeSyntheticPages(input, dir);
const server = await serveStatic([dir, '/work/shared/corpus', 'tests/fixtures/pages']);
const p = synth.find((s) => s.name === which);
const url = p ? `${server.url}/${p.file}` : `${server.url}/${which}`;
const ext = await launchWithExtension({ extensionDir: process.env.EXTDIR ?? builds.real });
await offline(ext.context);
await runWithExtension(ext, url);
const runs = [];
for (let i = 0; i < reps; i++) {
  const r = await runWithExtension(ext, url);
  runs.push(r);
  console.log(`cpu=${r.cpuMs.toFixed(1)} eval=${r.evaluateCpuMs.toFixed(1)} compile=${r.compileCpuMs.toFixed(1)} tasks=${r.tasks} longest=${r.longestCpuMs.toFixed(1)} marks=${r.marks} state=${r.state}`);
}
console.log('median cpu', median(runs.map((r) => r.cpuMs)).toFixed(2), 'eval', median(runs.map((r) => r.evaluateCpuMs)).toFixed(2));
const hot = hotSpots(mergeHot(runs), builds.real, 25);
console.log(table(['source', 'function', 'native', 'ms', 'share'], hot.map((h) => [h.where, h.fn, h.native ?? '', h.ms / reps, `${(h.share * 100).toFixed(1)}%`])));
await ext.close();
await server.close();
