/**
 * The card UI behind the CardUI contract (lib/page/ui-contract.ts): one Preact app in our one
 * shadow root, driven by the content script's show()/hide(). State lives here and every change
 * re-renders synchronously (Preact `render`), so a card is painted in the frame show() ran in.
 */
import { createRef, render } from 'preact';
import { Card, type Candidate } from '../../components/card/Card';
import { CardShell } from '../../components/card/CardShell';
import { CARD_CSS } from '../../components/card/styles';
import { placeCard } from '../../lib/card/placement';
import { CardViewCache } from '../../lib/card/view-model';
import { whyMatched } from '../../lib/card/why';
import type { CardData, CardHost, CardUI, ShowRequest } from '../../lib/page/ui-contract';
import type { Settings } from '../../lib/settings/schema';

/** Below this viewport width a tap opens a bottom sheet. */
const SHEET_MAX_WIDTH = 600;
const LABEL_ID = 'bs-card-name';
const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function createCardUI(host: CardHost): CardUI {
  const root = host.shadowRoot();
  const doc = root.ownerDocument;
  const win = doc.defaultView ?? window;
  const removeStyles = adoptStyles(root, CARD_CSS);
  const mount = doc.createElement('div');
  mount.className = 'bs-mount';
  root.appendChild(mount);

  const cardRef = createRef<HTMLDivElement>();
  const cache = new CardViewCache();
  let settings: Settings = host.settings();
  let data: CardData | undefined;
  let loading: Promise<void> | undefined;
  let req: ShowRequest | undefined;
  let current = '';
  let open = false;
  let pinned = false;
  let sheet = false;
  let pointerInside = false;
  let returnTo: HTMLElement | null = null;
  let listeners: AbortController | undefined;
  let destroyed = false;

  const load = () => {
    loading ??= host
      .cardData()
      .then(
        (d) => {
          data = d;
        },
        (e: unknown) => console.warn('Backstory: card data unavailable', e),
      )
      .finally(() => {
        loading = undefined;
        if (open && !destroyed) {
          paint();
          position();
        }
      });
    return loading;
  };
  void load();

  const card = () => cardRef.current;
  const isInside = (node: EventTarget | null | undefined) => !!node && node instanceof win.Node && (node === root.host || root.contains(node));
  const focusInside = () => {
    const a = deepActive(doc);
    return !!a && !!card()?.contains(a);
  };

  function candidates(): Candidate[] {
    if (!req) return [];
    const ids = [req.mark.entity, ...(req.mark.alternatives ?? [])].map((n) => host.entityId(n));
    return [...new Set(ids)].filter(Boolean).map((id) => ({ id, name: data?.entities[id]?.name ?? id.replace(/-/g, ' ') }));
  }

  function paint() {
    if (destroyed) return;
    const view =
      data && current
        ? cache.get({
            id: current,
            data,
            articleDate: host.article.date.published,
            pageEntityIds: host.pageEntityIds(),
            showLaterEvents: settings.showLaterEvents,
          })
        : undefined;
    const mark = req?.mark;
    const kind = view?.kind ?? mark?.kind;
    const accent = kind ? (settings.colours as Record<string, string>)[kind] : undefined;
    render(
      <CardShell
        open={open}
        theme={settings.theme}
        sheet={sheet}
        accent={accent}
        labelId={LABEL_ID}
        cardRef={cardRef}
        onPointerEnter={() => setPointer(true)}
        onPointerLeave={() => setPointer(false)}
        onKeyDown={cycleFocus}
      >
        {mark && (
          <Card
            view={view}
            loading={!data || !!loading}
            text={mark.text}
            why={whyMatched(mark.rule, mark.text, view?.name ?? mark.text)}
            candidates={candidates()}
            current={current}
            pinned={pinned}
            labelId={LABEL_ID}
            onPin={() => {
              pinned = !pinned;
              paint();
            }}
            onClose={() => close(true)}
            onChoose={choose}
            onHideEntity={() => {
              const id = current;
              close(true);
              host.hideEntity(id);
            }}
            onDisableSite={() => {
              close(true);
              host.disableSite();
            }}
            onOpenPopup={() => host.openPopup(current)}
          />
        )}
      </CardShell>,
      mount,
    );
  }

  function choose(id: string) {
    if (!req || id === current) return;
    current = id;
    host.chooseEntity(req.mark, id);
    paint();
    position();
  }

  function setPointer(inside: boolean) {
    if (pointerInside === inside || (inside && !open)) return;
    pointerInside = inside;
    host.pointerInCard(inside);
  }

  function position() {
    const el = card();
    if (!el || !req || !open) return;
    if (sheet) {
      el.style.left = '';
      el.style.top = '';
      el.style.maxHeight = '';
      return;
    }
    void placeCard(el, req.rect, req.pointerX).catch(() => undefined);
  }

  /** Tab and Shift+Tab stay among the card's controls while focus is inside it. */
  function cycleFocus(e: KeyboardEvent) {
    if (e.key !== 'Tab' || !focusInside()) return;
    const items = [...(card()?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = deepActive(doc);
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  function listen() {
    if (listeners) return;
    listeners = new AbortController();
    const signal = listeners.signal;
    win.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape' || !open) return;
        if (focusInside()) {
          e.preventDefault();
          e.stopPropagation();
        }
        close(true);
      },
      { capture: true, signal },
    );
    win.addEventListener(
      'pointerdown',
      (e) => {
        if (!open || pinned) return;
        const path = e.composedPath();
        if (path.some((n) => n === root.host || n === mount)) return;
        close(false);
      },
      { capture: true, signal },
    );
  }

  function close(restoreFocus: boolean) {
    if (!open) return;
    const hadFocus = focusInside();
    open = false;
    pinned = false;
    paint();
    listeners?.abort();
    listeners = undefined;
    setPointer(false);
    if (restoreFocus && hadFocus && returnTo?.isConnected) returnTo.focus();
    returnTo = null;
  }

  const ui: CardUI = {
    show(r) {
      if (destroyed) return;
      const t0 = performance.now();
      // A pinned card stays put while the pointer wanders over other marks.
      if (open && pinned && !r.focus && !r.touch && r.mark !== req?.mark) return;
      const sameMark = open && req?.mark === r.mark;
      req = r;
      if (!sameMark) {
        current = host.entityId(r.mark.entity);
        pinned = settings.pinByDefault;
      }
      sheet = !!r.touch && win.innerWidth < SHEET_MAX_WIDTH;
      if (r.focus) {
        const active = deepActive(doc);
        if (active && !isInside(active)) returnTo = active;
      } else if (!sameMark && !focusInside()) {
        returnTo = null;
      }
      open = true;
      if (data && !data.entities[current] && !loading) void load();
      paint();
      listen();
      position();
      if (r.focus) card()?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
      // Test builds only: how long show() took, and until the next frame (e2e paint budget).
      if (typeof __BACKSTORY_LOOPBACK__ !== 'undefined' && __BACKSTORY_LOOPBACK__) {
        mount.dataset.renderMs = (performance.now() - t0).toFixed(2);
        win.requestAnimationFrame(() => {
          mount.dataset.paintMs = (performance.now() - t0).toFixed(2);
        });
      }
    },
    hide() {
      if (pinned) return;
      close(true);
    },
    isPinned: () => open && pinned,
    isOpen: () => open,
    contains: (node) => isInside(node),
    updateSettings(s) {
      settings = s;
      if (req) paint();
    },
    destroy() {
      if (destroyed) return;
      listeners?.abort();
      listeners = undefined;
      render(null, mount);
      destroyed = true;
      mount.remove();
      removeStyles();
    },
  };
  return ui;
}

/** The focused element, looking through open shadow roots. */
function deepActive(doc: Document): HTMLElement | null {
  let a: Element | null = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a && a !== doc.body && 'focus' in a ? (a as HTMLElement) : null;
}

/**
 * Constructed stylesheets are not subject to the page's CSP style-src; a <style> element is the
 * fallback where adopting fails (older engines, test DOMs).
 */
function adoptStyles(root: ShadowRoot, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    if (root.adoptedStyleSheets.includes(sheet)) {
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // fall through
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
