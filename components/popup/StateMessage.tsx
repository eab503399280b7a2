/** The message (and the one action, if any) for every popup state other than a list of entities. */
import type { PopupState } from '../../lib/popup/state';

export interface StateActions {
  onEnableSite(): void;
  onTurnOn(): void;
  onReload(): void;
  onOpenOptions(): void;
}

export function StateMessage(p: { state: PopupState } & StateActions) {
  const s = p.state;
  switch (s.kind) {
    case 'scanning':
      return (
        <div class="state" data-state="scanning" role="status" aria-live="polite">
          <p>
            <span class="spinner" aria-hidden="true" />
            Scanning this page…
          </p>
        </div>
      );
    case 'restricted':
      return (
        <div class="state" data-state="restricted">
          <p class="lead">Backstory can't run on this page.</p>
          <p>Browsers keep extensions out of their own pages and web stores. Open a news article to see its backstory.</p>
        </div>
      );
    case 'switched-off':
      return (
        <div class="state" data-state="switched-off">
          <p class="lead">Backstory is switched off.</p>
          <button type="button" class="primary" onClick={p.onTurnOn}>
            Turn Backstory on
          </button>
        </div>
      );
    case 'disabled':
      return (
        <div class="state" data-state="disabled">
          <p class="lead">Backstory is off on {s.host}.</p>
          <button type="button" class="primary" onClick={p.onEnableSite}>
            Turn on for {s.host}
          </button>
        </div>
      );
    case 'not-enabled':
      return (
        <div class="state" data-state="not-enabled">
          <p class="lead">{s.host} is not one of Backstory's news sites.</p>
          <p>Backstory needs your permission to read articles on this site. It works on your computer only: nothing leaves your browser.</p>
          <button type="button" class="primary" onClick={p.onEnableSite}>
            Enable on {s.host}
          </button>
        </div>
      );
    case 'no-script':
      return (
        <div class="state" data-state="no-script">
          <p class="lead">Backstory hasn't read this page yet.</p>
          <p>The page was probably open before Backstory was installed or enabled here.</p>
          <button type="button" class="primary" onClick={p.onReload}>
            Reload the page
          </button>
        </div>
      );
    case 'unknown':
      return (
        <div class="state" data-state="unknown">
          <p class="lead">Backstory isn't running on this page.</p>
          <p>
            To use it on a site that is not in the built-in list, add the site in{' '}
            <button type="button" class="link" onClick={p.onOpenOptions}>
              options
            </button>
            .
          </p>
        </div>
      );
    case 'not-article':
      return (
        <div class="state" data-state="not-article">
          <p class="lead">This page doesn't look like a news article.</p>
          <p>Backstory marks names in articles only{s.reason ? ` (${s.reason})` : ''}.</p>
        </div>
      );
    case 'unsupported':
      return (
        <div class="state" data-state="unsupported">
          <p class="lead">Backstory can't mark this page in this browser.</p>
          {s.reason ? <p>Reason: {s.reason}.</p> : null}
        </div>
      );
    case 'nothing-found':
      return (
        <div class="state" data-state="nothing-found">
          <p class="lead">Nothing found.</p>
          <p>No people, countries, organisations, treaties, summits or places from Backstory's dataset are mentioned in this article.</p>
        </div>
      );
    case 'ok':
      return null;
  }
}
