/**
 * The toolbar popup: the page's entities and their connections, or a message saying why there
 * are none, plus the site switch and a way to the options. Presentational: the popup entrypoint
 * owns storage, permissions and messaging and passes state and callbacks in.
 */
import type { PopupState } from '../../lib/popup/state';
import type { SummaryView } from '../../lib/popup/view-model';
import { Connections } from './Connections';
import { EntityList } from './EntityList';
import { StateMessage, type StateActions } from './StateMessage';

export interface SiteControl {
  host: string;
  on: boolean;
}

export interface PopupProps extends StateActions {
  state: PopupState;
  /** The summary to render for the `ok` state (and the header of `nothing-found` / `not-article`). */
  view: SummaryView | null;
  /** The on/off switch for this site; null where there is none (restricted pages, unknown address). */
  site: SiteControl | null;
  badge: boolean;
  /** Opened as a page (popup.html?tabId=N) rather than from the toolbar. */
  fullTab: boolean;
  /** A message after an action: "reload to see the marks", or an error. */
  notice?: { kind: 'reload' | 'error'; text: string } | undefined;
  onFocusEntity(id: string): void;
  onSiteToggle(on: boolean): void;
  onBadgeToggle(on: boolean): void;
  onOpenInTab(): void;
}

function Header(p: { view: SummaryView }) {
  const h = p.view.header;
  return (
    <header class="article">
      <h1 class="title">{h.title || 'Untitled page'}</h1>
      <p class="date">
        {h.published ? (
          <>
            Published <time>{h.published}</time>
            {h.modified ? <span class="muted"> · updated {h.modified}</span> : null}
          </>
        ) : (
          <>
            <span class="nodate">No date found</span>
            {h.asOf ? <span class="muted"> · background as of {h.asOf}</span> : null}
          </>
        )}
      </p>
    </header>
  );
}

export function Popup(p: PopupProps) {
  const s = p.state;
  const showHeader = p.view && (s.kind === 'ok' || s.kind === 'nothing-found' || s.kind === 'not-article');
  const switchShown = p.site && s.kind !== 'disabled' && s.kind !== 'not-enabled' && s.kind !== 'switched-off';
  return (
    <div class={`popup${p.fullTab ? ' full' : ''}`} data-state={s.kind}>
      <div class="bar">
        <span class="brand">Backstory</span>
        {s.kind === 'ok' && p.view ? (
          <span class="total">
            {p.view.total} {p.view.total === 1 ? 'entity' : 'entities'}
          </span>
        ) : null}
      </div>
      <main>
        {showHeader && p.view ? <Header view={p.view} /> : null}
        {p.notice ? (
          <div class={`notice ${p.notice.kind}`} role={p.notice.kind === 'error' ? 'alert' : 'status'}>
            <p>{p.notice.text}</p>
            {p.notice.kind === 'reload' ? (
              <button type="button" class="primary" onClick={p.onReload}>
                Reload the page
              </button>
            ) : null}
          </div>
        ) : null}
        <StateMessage state={s} onEnableSite={p.onEnableSite} onTurnOn={p.onTurnOn} onReload={p.onReload} onOpenOptions={p.onOpenOptions} />
        {s.kind === 'ok' && p.view ? (
          <div class="body">
            <EntityList groups={p.view.groups} onFocusEntity={p.onFocusEntity} />
            <Connections groups={p.view.connections} />
          </div>
        ) : null}
      </main>
      <footer class="controls">
        {switchShown && p.site ? (
          <label class="check">
            <input type="checkbox" role="switch" name="site" checked={p.site.on} onChange={(e) => p.onSiteToggle((e.currentTarget as HTMLInputElement).checked)} />
            <span>On for {p.site.host}</span>
          </label>
        ) : null}
        <label class="check">
          <input type="checkbox" name="badge" checked={p.badge} onChange={(e) => p.onBadgeToggle((e.currentTarget as HTMLInputElement).checked)} />
          <span>Count on the toolbar icon</span>
        </label>
        <span class="links">
          {p.fullTab ? null : (
            <button type="button" class="link" onClick={p.onOpenInTab}>
              Open in a tab
            </button>
          )}
          <button type="button" class="link" onClick={p.onOpenOptions}>
            Options
          </button>
        </span>
      </footer>
    </div>
  );
}
