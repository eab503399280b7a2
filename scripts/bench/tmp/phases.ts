import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../lib/server';
import { loadRealInput } from '../lib/ext';
import { launchWithExtension, offline } from '../lib/measure';
import { writeSyntheticPages } from '../lib/pages';
const which = process.argv[2] ?? 'synthetic-5k';
const input = loadRealInput();
const dir = mkdtempSync(join(tmpdir(), 'backstory-pages-'));
const synth = writeSyntheticPages(input, dir);
const server = await serveStatic([dir, '/work/shared/corpus']);
const p = synth.find((s) => s.name === which);
const url = p ? `${server.url}/${p.file}` : `${server.url}/${which}`;
const ext = await launchWithExtension({ extensionDir: process.env.EXTDIR ?? '.output/chrome-mv3' });
await offline(ext.context);
for (let i = 0; i < Number(process.argv[3] ?? 6); i++) {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('bs')).map((e) => `${e.name}=${e.duration.toFixed(2)}`).join(' '));
  console.log(m);
  await page.close();
}
await ext.close();
await server.close();
