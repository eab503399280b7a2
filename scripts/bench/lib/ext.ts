/**
 * The two extension builds the browser benchmarks load: the real dataset and a 30,000-alias one.
 * Both are built into a cache folder under the system temp dir (never .output/ or generated/),
 * keyed by a hash of the sources, so repeated runs reuse them and other people's rebuilds of
 * .output/ cannot change a build in the middle of a run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serializeTablesToModule } from '../../../lib/match/compile';
import { syntheticInput } from '../../../lib/match/synthetic';
import type { MatcherInput } from '../../../lib/match/types';

export const CACHE_DIR = join(tmpdir(), 'backstory-bench');
const SOURCES = ['entrypoints', 'lib', 'components', 'generated', 'public', 'wxt.config.ts', 'package-lock.json'];

function hashTree(paths: string[]): string {
  const h = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (f !== 'node_modules' && !f.startsWith('.')) visit(join(p, f));
    } else if (!/\.test\.tsx?$/.test(p)) {
      h.update(p);
      h.update(readFileSync(p));
    }
  };
  for (const p of paths) visit(resolve(p));
  return h.digest('hex').slice(0, 16);
}

export function loadRealInput(): MatcherInput {
  const p = resolve('generated/matcher-input.json');
  if (!existsSync(p)) throw new Error('generated/matcher-input.json is missing: run `npm run data -- build` first.');
  return JSON.parse(readFileSync(p, 'utf8')) as MatcherInput;
}

/** The real aliases plus synthetic ones up to `total`, so pages produce the same mentions with both builds. */
export function bigInput(real: MatcherInput, total = 30_000, seed = 7): MatcherInput {
  const extra = syntheticInput(Math.max(0, total - real.patterns.length), seed);
  const off = real.ids.length;
  return {
    ids: [...real.ids, ...extra.ids.map((id) => `bench-${id}`)],
    patterns: [...real.patterns, ...extra.patterns.map((p) => (p.type === 'block' ? p : { ...p, entity: p.entity + off }))],
  };
}

export interface Builds {
  real: string;
  big: string;
  bigAliases: number;
  realAliases: number;
}

function runBuild(out: string, matcherModule?: string): void {
  const args = ['tsx', 'scripts/bench/lib/build-ext.ts', out, ...(matcherModule ? [matcherModule] : [])];
  const t0 = Date.now();
  process.stderr.write(`building extension into ${out}${matcherModule ? ' (30k-alias tables)' : ''} …\n`);
  const r = spawnSync('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, BACKSTORY_LOOPBACK: '1' } });
  if (r.status !== 0 || !existsSync(join(out, 'chrome-mv3', 'manifest.json'))) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`extension build failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  }
  process.stderr.write(`  built in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}

/** Builds (or reuses) the real-dataset and 30k-alias extensions; returns their chrome-mv3 folders. */
export function prepareBuilds(opts: { rebuild?: boolean; reuse?: boolean; bigAliases?: number } = {}): Builds {
  const real = loadRealInput();
  const total = opts.bigAliases ?? 30_000;
  mkdirSync(CACHE_DIR, { recursive: true });
  let key = hashTree(SOURCES);
  if (opts.reuse) {
    // The newest complete pair of builds, whatever sources they were built from.
    const pairs = readdirSync(CACHE_DIR)
      .filter((d) => d.startsWith('ext-real-'))
      .map((d) => d.slice('ext-real-'.length))
      .filter((k) => existsSync(join(CACHE_DIR, `ext-${total}-${k}`, 'chrome-mv3', 'manifest.json')) && existsSync(join(CACHE_DIR, `ext-real-${k}`, 'chrome-mv3', 'manifest.json')))
      .sort((a, b) => statSync(join(CACHE_DIR, `ext-real-${b}`)).mtimeMs - statSync(join(CACHE_DIR, `ext-real-${a}`)).mtimeMs);
    if (pairs[0]) key = pairs[0];
    else process.stderr.write('--reuse: no cached builds, building\n');
  }
  const realOut = join(CACHE_DIR, `ext-real-${key}`);
  const bigOut = join(CACHE_DIR, `ext-${total}-${key}`);
  if (opts.rebuild) for (const d of [realOut, bigOut]) rmSync(d, { recursive: true, force: true });
  if (!existsSync(join(realOut, 'chrome-mv3', 'manifest.json'))) runBuild(realOut);
  const big = bigInput(real, total);
  if (!existsSync(join(bigOut, 'chrome-mv3', 'manifest.json'))) {
    const mod = join(CACHE_DIR, `matcher-${total}-${key}.ts`);
    writeFileSync(mod, serializeTablesToModule(big, { typesImport: resolve('lib/match/types') }));
    runBuild(bigOut, mod);
  }
  for (const d of [realOut, bigOut]) {
    const manifest = readFileSync(join(d, 'chrome-mv3', 'manifest.json'), 'utf8');
    if (!manifest.includes('http://127.0.0.1/*')) throw new Error(`${d} is not a loopback (test) build`);
  }
  return { real: join(realOut, 'chrome-mv3'), big: join(bigOut, 'chrome-mv3'), realAliases: real.patterns.length, bigAliases: big.patterns.length };
}

/** The stand-in article scripts of scripts/bench/assets/, cheapest first (see each file). */
export const FLOOR_SCRIPTS = {
  empty: 'empty-article.js',
  msg: 'one-message-article.js',
  read: 'read-only-article.js',
  ref: 'reference-article.js',
} as const;

/**
 * A copy of the real build whose article script is one of FLOOR_SCRIPTS, e.g. the reference
 * script (the least work our architecture implies). Rewritten on every run (cheap).
 */
export function floorBuild(realDir: string, which: keyof typeof FLOOR_SCRIPTS = 'ref'): string {
  const base = join(CACHE_DIR, `ext-floor-${which}`);
  const out = join(base, 'chrome-mv3');
  rmSync(base, { recursive: true, force: true });
  cpSync(realDir, out, { recursive: true });
  writeFileSync(join(out, 'article.js'), readFileSync(resolve(import.meta.dirname, '../assets', FLOOR_SCRIPTS[which])));
  rmSync(join(out, 'article.js.map'), { force: true });
  return out;
}
