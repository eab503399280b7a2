/**
 * Schema-checks individual dataset files for authors: `npx tsx scripts/validate-files.ts FILE...`.
 * Kept for compatibility; `npm run data -- check FILE...` does the same plus the cross-checks.
 */
import { validateSources } from '../lib/dataset/validate';
import { formatIssue, type Issue, type SourceFile } from '../lib/dataset/validate';
import { readYaml } from './data/load';

const errors: Issue[] = [];
const sources: SourceFile[] = [];
for (const file of process.argv.slice(2)) {
  const r = readYaml(file);
  errors.push(...r.errors);
  if (!r.errors.length) sources.push({ path: file, data: r.data });
}
errors.push(...validateSources(sources).errors);
for (const e of errors) console.log(formatIssue(e));
const bad = new Set(errors.map((e) => e.file)).size;
console.log(bad ? `${bad} file(s) with problems` : 'all files valid');
process.exitCode = bad ? 1 : 0;
