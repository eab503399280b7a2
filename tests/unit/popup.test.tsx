// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { fixtureStore } from '../../lib/card/__fixtures__/store';
import type { PopupState } from '../../lib/popup/state';
import { summaryView } from '../../lib/popup/view-model';
import type { PageSummary } from '../../lib/protocol';

const store = fixtureStore();
const IDS = ['joe-biden', 'yoon-suk-yeol', 'south-korea', 'fumio-kishida', 'japan', 'united-states', 'camp-david-summit-2023', 'camp-david'];

const SUMMARY: PageSummary = {
  url: 'http://127.0.0.1/camp-david-2023.html',
  title: 'At Camp David, three leaders turn a wary partnership into a routine',
  state: 'ok',
  date: { published: '2023-08-19' },
  entities: IDS.map((id, order) => ({ id, kind: store.entities[id]!.kind, name: '', count: order + 1, order, text: id })),
  marks: 36,
};

function setup(state: PopupState, over: Partial<PopupProps> = {}) {
  const calls = {
    onFocusEntity: vi.fn(),
    onSiteToggle: vi.fn(),
    onBadgeToggle: vi.fn(),
    onOpenInTab: vi.fn(),
    onEnableSite: vi.fn(),
    onTurnOn: vi.fn(),
    onReload: vi.fn(),
    onOpenOptions: vi.fn(),
  };
  const props: PopupProps = {
    state,
    view: 'summary' in state ? summaryView(state.summary, { meta: store.meta, entities: store.entities }) : null,
    site: { host: '127.0.0.1', on: true },
    badge: true,
    fullTab: false,
    ...calls,
    ...over,
  };
  const r = render(<Popup {...props} />);
  return { ...r, calls };
}

afterEach(cleanup);

describe('popup: entities on the page', () => {
  it('lists every entity under its kind, with count and context, and the article header', () => {
    setup({ kind: 'ok', summary: SUMMARY });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(SUMMARY.title);
    expect(screen.getByText(/Published/).textContent).toContain('19 Aug 2023');
    const people = screen.getByRole('region', { name: /People/ });
    const buttons = within(people).getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.name')?.textContent)).toEqual(['Joe Biden', 'Yoon Suk Yeol', 'Fumio Kishida']);
    expect(buttons[1]!.textContent).toContain('2 mentions');
    expect(buttons[1]!.textContent).toContain('President of South Korea (since May 2022)');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\s*\(\d+\)$/, ''))).toEqual([
      'People',
      'Countries',
      'Summits',
      'Places',
      'Connections',
    ]);
    expect(screen.getByText('8 entities')).toBeTruthy();
  });

  it('says when there is no date', () => {
    setup({ kind: 'ok', summary: { ...SUMMARY, date: {} } });
    expect(screen.getByText('No date found')).toBeTruthy();
    expect(screen.getByText(/background as of 30 Nov 2025/)).toBeTruthy();
  });

  it('sends a click on an entity out as onFocusEntity', () => {
    const { calls } = setup({ kind: 'ok', summary: SUMMARY });
    fireEvent.click(screen.getByRole('button', { name: /^Japan/ }));
    expect(calls.onFocusEntity).toHaveBeenCalledWith('japan');
  });

  it('moves focus with the arrow keys, Home and End, across groups, with one tab stop', () => {
    const { container } = setup({ kind: 'ok', summary: SUMMARY });
    const rows = [...container.querySelectorAll<HTMLButtonElement>('button[data-entity]')];
    expect(rows.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'ArrowDown' });
    fireEvent.keyDown(rows[2]!, { key: 'ArrowDown' });
    // From the last person to the first country.
    expect((document.activeElement as HTMLElement).dataset.entity).toBe('south-korea');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(rows.at(-1));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(rows[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[0]);
    expect(rows.filter((b) => b.tabIndex === 0)).toEqual([rows[0]]);
  });

  it('shows the connections among them as a timeline', () => {
    setup({ kind: 'ok', summary: SUMMARY });
    const section = screen.getByRole('region', { name: 'Connections' });
    const first = section.querySelector('.connection')!;
    expect(first.querySelector('.who')!.textContent).toBe('South Korea · Japan · United States');
    expect(first.textContent).toContain('Camp David Summit (Aug 2023)');
    expect(first.querySelector('.later')!.textContent).toContain('San Francisco, Nov 2023');
  });

  it('has a switch for the site, the badge setting, and the options', () => {
    const { calls } = setup({ kind: 'ok', summary: SUMMARY });
    const toggle = screen.getByRole('switch', { name: 'On for 127.0.0.1' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(calls.onSiteToggle).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Count on the toolbar icon' }));
    expect(calls.onBadgeToggle).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(calls.onOpenOptions).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(calls.onOpenInTab).toHaveBeenCalled();
  });

  it('offers no "open in a tab" when it already is one', () => {
    setup({ kind: 'ok', summary: SUMMARY }, { fullTab: true });
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });
});

describe('popup: every other state has a message', () => {
  it('scanning', () => {
    setup({ kind: 'scanning' });
    expect(screen.getByRole('status').textContent).toContain('Scanning this page…');
  });

  it('restricted page: a message and no site switch', () => {
    setup({ kind: 'restricted' }, { site: null });
    expect(screen.getByText("Backstory can't run on this page.")).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('site not enabled: one button enables it', () => {
    const { calls } = setup({ kind: 'not-enabled', host: 'example.com' }, { site: { host: 'example.com', on: false } });
    expect(screen.getByText(/example.com is not one of Backstory's news sites/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enable on example.com' }));
    expect(calls.onEnableSite).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('site turned off: one button turns it on', () => {
    const { calls } = setup({ kind: 'disabled', host: '127.0.0.1' }, { site: { host: '127.0.0.1', on: false } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on for 127.0.0.1' }));
    expect(calls.onEnableSite).toHaveBeenCalled();
  });

  it('Backstory switched off everywhere', () => {
    const { calls } = setup({ kind: 'switched-off' });
    fireEvent.click(screen.getByRole('button', { name: 'Turn Backstory on' }));
    expect(calls.onTurnOn).toHaveBeenCalled();
  });

  it('not an article: the header, the reason, and the site switch', () => {
    const s = { ...SUMMARY, state: 'not-article' as const, reason: 'no article text', entities: [] };
    setup({ kind: 'not-article', reason: 'no article text', summary: s });
    expect(screen.getByText("This page doesn't look like a news article.")).toBeTruthy();
    expect(screen.getByText(/no article text/)).toBeTruthy();
    expect(screen.getByRole('switch')).toBeTruthy();
  });

  it('nothing found', () => {
    setup({ kind: 'nothing-found', summary: { ...SUMMARY, entities: [] } });
    expect(screen.getByText('Nothing found.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(SUMMARY.title);
  });

  it('no content script: offers a reload', () => {
    const { calls } = setup({ kind: 'no-script', host: '127.0.0.1' });
    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(calls.onReload).toHaveBeenCalled();
  });

  it('unknown address and unsupported browser', () => {
    setup({ kind: 'unknown' }, { site: null });
    expect(screen.getByText("Backstory isn't running on this page.")).toBeTruthy();
    cleanup();
    setup({ kind: 'unsupported', reason: 'this browser lacks the CSS Custom Highlight API' });
    expect(screen.getByText(/lacks the CSS Custom Highlight API/)).toBeTruthy();
  });

  it('after enabling a site: says to reload, with the button', () => {
    const { calls } = setup(
      { kind: 'no-script', host: 'example.com' },
      { notice: { kind: 'reload', text: 'Backstory is on for example.com. Reload the page to see its backstory.' } },
    );
    const notice = screen.getByText(/Reload the page to see its backstory/).closest('.notice') as HTMLElement;
    fireEvent.click(within(notice).getByRole('button', { name: 'Reload the page' }));
    expect(calls.onReload).toHaveBeenCalled();
  });

  it('errors are announced', () => {
    setup({ kind: 'ok', summary: SUMMARY }, { notice: { kind: 'error', text: 'The page did not answer; try reloading it.' } });
    expect(screen.getByRole('alert').textContent).toContain('did not answer');
  });
});
