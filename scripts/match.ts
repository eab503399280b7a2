/**
 * `npm run match -- FILE [--input matcher-input.json]`: print the mentions found in an .html or
 * .txt file as JSON ({id, text, start, end, rule} in document order). For .txt, offsets are into
 * the file's text; for .html, into the extracted text (text nodes, "\n" between blocks).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { compileMatcher } from '../lib/match/compile';
import { loadMatcher } from '../lib/match/matcher';
import { extractChunks } from '../lib/match/html';
import type { MatcherInput } from '../lib/match/types';

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage: npm run match -- FILE.(html|txt) [--input MATCHER_INPUT.json]');
  process.exit(2);
}

const args = process.argv.slice(2);
let inputPath: string | undefined;
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--input') inputPath = args[++i] ?? usage('--input needs a path');
  else if (a.startsWith('--input=')) inputPath = a.slice(8);
  else if (a === '-h' || a === '--help') usage();
  else if (!file) file = a;
  else usage(`unexpected argument: ${a}`);
}
if (!file) usage();
if (!existsSync(file)) usage(`no such file: ${file}`);

const defaultInput = resolve(import.meta.dirname, '../generated/matcher-input.json');
const inPath = inputPath ?? defaultInput;
if (!existsSync(inPath)) {
  console.error(
    inputPath
      ? `matcher input not found: ${inputPath}`
      : `generated/matcher-input.json not found: build the dataset first with \`npm run data -- build\` (or pass --input PATH).`,
  );
  process.exit(1);
}
const input = JSON.parse(readFileSync(inPath, 'utf8')) as MatcherInput;
const matcher = loadMatcher(compileMatcher(input));

const raw = readFileSync(file, 'utf8');
let chunks: string[];
let breaks: number[] = [];
if (/\.html?$/i.test(file)) {
  const { document } = parseHTML(raw);
  ({ chunks, breaks } = extractChunks(document as never));
} else {
  chunks = [raw];
}
const text = chunks.join('');
const mentions = matcher.session().scan(chunks, { breaks });
const out = mentions.map((m) => ({
  id: matcher.ids[m.entity],
  text: text.slice(m.start, m.end),
  start: m.start,
  end: m.end,
  rule: m.rule,
  ...(m.alternatives ? { alternatives: m.alternatives.map((e) => matcher.ids[e]) } : {}),
}));
console.log(JSON.stringify(out, null, 1));
