/** `npm run bench -- NAME [args]`: runs scripts/bench/NAME.ts (its default export, or its top level). */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(import.meta.dirname, 'bench');
const name = process.argv[2];
const available = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [];
if (!name || !/^[\w-]+$/.test(name) || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(resolve(dir, `${name}.ts`)).href)) as { default?: (args: string[]) => unknown };
if (typeof mod.default === 'function') await mod.default(process.argv.slice(3));
