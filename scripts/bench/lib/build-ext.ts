/**
 * Child process of the benchmarks: builds the Chrome extension into a temporary folder with
 * WXT's JS API, without touching .output/ or generated/ and without changing release builds.
 *
 *   tsx scripts/bench/lib/build-ext.ts OUT_DIR [MATCHER_MODULE]
 *
 * With MATCHER_MODULE, the content script's `generated/matcher.ts` is replaced by that file's
 * source at bundle time (a Vite load hook), e.g. synthetic 30,000-alias tables. The build is the
 * loopback test build (BACKSTORY_LOOPBACK=1, as `npm run build:test`), with hidden source maps
 * (no sourceMappingURL comment, so the measured code is byte-for-byte what would ship).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [outDir, matcherModule] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: build-ext.ts OUT_DIR [MATCHER_MODULE]');
  process.exit(2);
}
process.env.BACKSTORY_LOOPBACK = '1';
const target = resolve('generated/matcher.ts');
const source = matcherModule ? readFileSync(matcherModule, 'utf8') : null;
const { build } = await import('wxt');
await build({
  outDir: resolve(outDir),
  vite: () => ({
    build: { sourcemap: 'hidden' },
    plugins: source
      ? [
          {
            name: 'backstory-bench-swap-matcher',
            enforce: 'pre' as const,
            load(id: string) {
              return id.split('?')[0] === target ? source : null;
            },
          },
        ]
      : [],
  }),
});
