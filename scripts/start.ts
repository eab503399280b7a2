/**
 * `npm start` — builds the extension, serves the demo article on 127.0.0.1 and opens Chromium
 * with Backstory loaded on it. With a display it stays open until you close the browser;
 * without one (or with --headless) it writes screenshots to .output/demo/ and exits.
 *
 *   npm start                       the bundled Camp David demo article
 *   npm start -- https://…          another page (it must be a site Backstory runs on)
 *   npm start -- path/to/page.html  a local file, served on 127.0.0.1
 *   npm start -- --headless         force the screenshot run
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { findChrome, INSTALL_HINT, launchWithExtension } from './lib/browser';
import { openCard, tabIdOf, waitForMarks } from './lib/demo';
import { serveStatic } from './lib/server';

const DEMO = 'camp-david-2023.html';
const OUT = resolve('.output/demo');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const forceHeadless = args.includes('--headless');
  const target = args.find((a) => !a.startsWith('--'));

  if (!findChrome()) {
    console.error(INSTALL_HINT);
    return 1;
  }
  console.log('Building the extension (npm run build:test)…');
  const build = spawnSync('npm', ['run', '-s', 'build:test'], { stdio: 'inherit' });
  if (build.status !== 0) return build.status ?? 1;

  let servedDir = resolve('tests/fixtures/pages');
  let pagePath = DEMO;
  let url: string | null = null;
  if (target && /^https?:\/\//.test(target)) url = target;
  else if (target) {
    const file = resolve(target);
    if (!existsSync(file)) {
      console.error(`No such file: ${file}`);
      return 1;
    }
    servedDir = dirname(file);
    pagePath = basename(file);
  }
  const server = await serveStatic([servedDir]);
  url ??= `${server.url}/${encodeURIComponent(pagePath)}`;

  const headless = forceHeadless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
  // 1280×800: the size the browser stores take for screenshots.
  const browser = await launchWithExtension({ headless, viewport: { width: 1280, height: 800 } });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url);
  console.log(`Opened ${url} with Backstory loaded.`);

  if (!headless) {
    console.log('Close the browser window to stop.');
    await new Promise<void>((done) => browser.context.on('close', () => done()));
    await server.close();
    return 0;
  }

  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  const shot = async (p: typeof page, name: string, fullPage = false) => {
    const file = join(OUT, name);
    await p.screenshot({ path: file, fullPage });
    shots.push(file);
  };
  try {
    const marks = await waitForMarks(page);
    console.log(`Backstory marked ${marks} mentions.`);
  } catch {
    console.log('No marks appeared on this page (is it an article on an enabled site?).');
  }
  await shot(page, 'page-with-marks.png');
  if (await openCard(page, 'person')) await shot(page, 'card.png');
  else console.log('No card could be opened on this page.');

  const tabId = await tabIdOf(browser.context, url);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html${tabId !== null ? `?tabId=${tabId}` : ''}`);
  await popup.waitForTimeout(500);
  await shot(popup, 'popup.png');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.waitForTimeout(500);
  await shot(options, 'options.png', true);

  await browser.close();
  await server.close();
  console.log('Screenshots:');
  for (const s of shots) console.log(`  ${s}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
