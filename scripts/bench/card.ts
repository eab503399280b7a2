/**
 * `npm run bench -- card [--rounds N]`: from the end of the dwell (the content script calls
 * the card UI's show()) to the card painted — the synchronous render, and the time until the
 * next animation frame. Test builds (`npm run build:test`) record both on the card's mount
 * element. Target: ≤ 16 ms at the median.
 */
import { waitForMarks, openCard } from '../lib/demo';
import { launchWithExtension } from '../lib/browser';
import { serveStatic } from '../lib/server';
import { header } from './lib/report';
import { median, quantile } from './lib/measure';

const TARGETS: [string, string][] = [
  ['person', 'Joe Biden'],
  ['person', 'Yoon Suk Yeol'],
  ['person', 'Fumio Kishida'],
  ['country', 'Japan'],
  ['treaty', 'GSOMIA'],
  ['place', 'Camp David'],
];

export default async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--rounds');
  const rounds = i >= 0 ? Math.max(1, Number(args[i + 1]) || 3) : 3;
  for (const line of header('card: show() to painted', ['card', ...args])) console.log(line);
  const server = await serveStatic(['tests/fixtures/pages']);
  const browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/camp-david-2023.html`);
  await waitForMarks(page);
  const render: number[] = [];
  const paint: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [kind, text] of TARGETS) {
      if (!(await openCard(page, kind, text))) continue;
      const t = await page
        .waitForFunction(() => {
          const d = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('.bs-mount')?.dataset;
          return d?.paintMs ? [Number(d.renderMs), Number(d.paintMs)] : null;
        })
        .then((h) => h.jsonValue());
      render.push(t![0]!);
      paint.push(t![1]!);
      await page.evaluate(() => {
        const m = document.querySelector('backstory-ui')?.shadowRoot?.querySelector<HTMLElement>('.bs-mount');
        if (m) delete m.dataset.paintMs;
      });
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 450, { steps: 3 });
      await page.waitForTimeout(400);
    }
  }
  await browser.close();
  await server.close();
  if (render.length === 0) {
    console.log('no card opened: is .output/chrome-mv3 a test build (npm run build:test)?');
    process.exitCode = 1;
    return;
  }
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
  console.log(`synchronous render in show():  ${fmt(render)}`);
  console.log(`show() to next frame (painted): ${fmt(paint)}`);
  console.log(`target: painted ≤ 16 ms at the median — ${median(paint) <= 16 ? 'met' : 'NOT met'}`);
}
