/**
 * Dataset tool: `npm run data -- <command>`.
 *
 *   check [FILES...]   schema + cross-checks of the whole dataset; with FILES, only their problems
 *   stats [--json]     counts of entities, aliases and kinds
 *   build [--out DIR]  check, then write generated/ (matcher input + module, entity store, meta);
 *                      fails on any error unless --allow-errors (local experiments only)
 *
 * Options: --data DIR (default ./data), --out DIR (default ./generated).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSources, type CheckedDataset } from '../lib/dataset/check';
import { compileDataset, compileMatcherInput, countDataset } from '../lib/dataset/compile';
import { encodeKinds, kindsModule } from '../lib/dataset/kind-codes';
import { KINDS } from '../lib/dataset/schema';
import { formatIssue, type Issue } from '../lib/dataset/validate';
import type { MatcherInput, PatternSpec } from '../lib/match/types';
import { displayPath, loadSources, readYaml } from './data/load';

interface Args {
  cmd: string;
  files: string[];
  json: boolean;
  allowErrors: boolean;
  data: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cmd: argv[0] ?? 'help', files: [], json: false, allowErrors: false, data: 'data', out: 'generated' };
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '--json') a.json = true;
    else if (x === '--allow-errors') a.allowErrors = true;
    else if (x === '--data') a.data = argv[++i] ?? a.data;
    else if (x === '--out') a.out = argv[++i] ?? a.out;
    else if (x.startsWith('--data=')) a.data = x.slice(7);
    else if (x.startsWith('--out=')) a.out = x.slice(6);
    else a.files.push(x);
  }
  return a;
}

/** Loads and checks everything; `files` restricts the reported problems to those files. */
function runCheck(dataDir: string, files: string[] = []): CheckedDataset & { shown: Issue[] } {
  const src = loadSources(dataDir);
  const errors: Issue[] = [...src.errors];
  const wanted = new Set(files.map((f) => displayPath(resolve(f))));
  // Files named on the command line but outside the data folder are checked too.
  for (const f of wanted) {
    if (src.entities.some((s) => s.path === f) || src.blockers.some((s) => s.path === f) || src.meta?.path === f) continue;
    if (!existsSync(f)) {
      errors.push({ file: f, path: '', message: 'no such file' });
      continue;
    }
    const r = readYaml(f);
    errors.push(...r.errors);
    if (!r.errors.length) src.entities.push({ path: f, data: r.data });
  }
  const checked = checkSources(src);
  checked.errors = [...errors, ...checked.errors];
  const shown = wanted.size ? checked.errors.filter((e) => wanted.has(e.file)) : checked.errors;
  return { ...checked, shown };
}

function printIssues(issues: readonly Issue[]) {
  for (const i of issues) console.log(formatIssue(i));
}

function summary(c: CheckedDataset, shown: number, scope: string): string {
  const kinds = KINDS.map((k) => `${c.entities.filter((e) => e.kind === k).length} ${k}`).join(', ');
  const files = new Set(c.errors.map((e) => e.file)).size;
  const head = shown ? `${shown} error(s)${scope}` : `no errors${scope}`;
  return `${head} — ${c.entities.length} valid entities (${kinds}), ${c.blockers.length} blockers${c.errors.length ? `; dataset total: ${c.errors.length} error(s) in ${files} file(s)` : ''}`;
}

function cmdCheck(a: Args): number {
  const c = runCheck(a.data, a.files);
  printIssues(c.shown);
  console.log(summary(c, c.shown.length, a.files.length ? ` in ${a.files.length} file(s)` : ''));
  return c.shown.length ? 1 : 0;
}

function cmdStats(a: Args): number {
  const c = runCheck(a.data);
  const input = compileMatcherInput(c.entities, c.blockers);
  const counts = countDataset(c.entities, input);
  const asOf = c.meta?.asOf ?? '';
  if (c.errors.length) console.error(`note: ${c.errors.length} error(s) in the dataset; counts cover the ${c.entities.length} schema-valid entities (run \`npm run data -- check\`)`);
  if (a.json) {
    const kinds = KINDS.map((k) => `${JSON.stringify(k)}: ${counts.kinds[k]}`).join(', ');
    console.log(`{"entities": ${counts.entities}, "aliases": ${counts.aliases}, "kinds": {${kinds}}, "asOf": ${JSON.stringify(asOf)}}`);
    return 0;
  }
  const rows: [string, string | number][] = [
    ['entities', counts.entities],
    ...KINDS.map((k) => [`  ${k}`, counts.kinds[k]] as [string, number]),
    ['aliases (matcher patterns)', counts.aliases],
    ['blockers', counts.blockers],
    ['as of', asOf],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${String(v).padStart(6)}`);
  return 0;
}

/** Writes only when the content differs (keeps watchers quiet). */
function write(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  writeFileSync(file, content);
  return true;
}

type Serializer = (input: MatcherInput, opts?: { onWarning?: (message: string, pattern: PatternSpec, index: number) => void }) => string;

/** The matcher's table serialiser, if lib/match/compile.ts provides it yet. */
async function loadSerializer(): Promise<Serializer | undefined> {
  const candidates = ['lib/match/compile.ts', 'lib/match/compile.js'].map((f) => resolve(f)).filter((f) => existsSync(f));
  if (!candidates.length) return undefined;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(candidates[0]!).href)) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`lib/match/compile.ts failed to load: ${(e as Error).message}`);
  }
  const f = mod.serializeTablesToModule;
  return typeof f === 'function' ? (f as Serializer) : undefined;
}

function fallbackModule(input: MatcherInput): string {
  return [
    '// GENERATED by `npm run data -- build` from data/ — do not edit.',
    '// FALLBACK: lib/match/compile.ts does not export serializeTablesToModule(input) yet, so this',
    '// module carries the raw MatcherInput; the matcher must compile it at load time.',
    "import type { MatcherInput, PatternSpec } from '../lib/match/types';",
    '',
    `export const MATCHER_INPUT: MatcherInput = ${JSON.stringify(input)};`,
    '',
  ].join('\n');
}

async function cmdBuild(a: Args): Promise<number> {
  const t0 = performance.now();
  const c = runCheck(a.data);
  if (c.errors.length || !c.meta) {
    printIssues(c.errors);
    if (!a.allowErrors || !c.meta) {
      console.error(`build failed: ${c.errors.length} error(s) in the dataset (fix them, then run \`npm run data -- check\`)`);
      return 1;
    }
    console.error(`warning: --allow-errors: building from the ${c.entities.length} schema-valid entities despite ${c.errors.length} error(s); not for release`);
  }
  const compiled = compileDataset(c.entities, c.blockers, c.meta);
  const serializer = await loadSerializer();
  const out = resolve(a.out);
  mkdirSync(out, { recursive: true });
  const ids = compiled.matcherInput.ids;
  const moduleText = serializer
    ? serializer(compiled.matcherInput, {
        onWarning: (message, p) => console.error(`warning: matcher: ${p.entity >= 0 ? ids[p.entity] : 'blocker'}: "${p.text}": ${message}`),
      })
    : fallbackModule(compiled.matcherInput);
  const written = [
    write(join(out, 'matcher-input.json'), `${JSON.stringify(compiled.matcherInput)}\n`),
    write(join(out, 'matcher.ts'), moduleText),
    write(join(out, 'entities.json'), `${JSON.stringify(compiled.store)}\n`),
    write(join(out, 'meta.json'), `${JSON.stringify(compiled.meta, null, 2)}\n`),
    write(join(out, 'kinds.ts'), kindsModule(encodeKinds(ids, (id) => compiled.store.entities[id]!.kind))),
  ].filter(Boolean).length;
  const n = compiled.meta.counts;
  console.log(
    `built ${displayPath(out)}/: ${n.entities} entities, ${n.aliases} aliases, ${n.blockers} blockers; matcher.ts via ${serializer ? 'serializeTablesToModule' : 'FALLBACK (raw MatcherInput)'}; ${written} file(s) changed; ${Math.round(performance.now() - t0)} ms`,
  );
  return 0;
}

function help(): number {
  console.log(`usage: npm run data -- <command> [options]

  check [FILES...]      validate schema + cross-checks; with FILES, report only their problems
  stats [--json]        entity/alias/kind counts (--json: one machine-readable line)
  build [--out DIR]     check, then write generated/ (matcher-input.json, matcher.ts, entities.json, meta.json, kinds.ts)
        [--allow-errors] build from the valid entries despite errors (local experiments only)

  --data DIR            dataset folder (default: data)`);
  return 0;
}

async function main(): Promise<number> {
  const a = parseArgs(process.argv.slice(2));
  switch (a.cmd) {
    case 'check':
      return cmdCheck(a);
    case 'stats':
      return cmdStats(a);
    case 'build':
      return cmdBuild(a);
    case 'help':
    case '--help':
    case '-h':
      return help();
    default:
      console.error(`unknown command "${a.cmd}"`);
      help();
      return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
