import type { Mention } from '@/lib/match/types';
import { findArticleRoot, looksLikeArticle } from '@/lib/page/article';
import { extractArticleDate, type ArticleDate } from '@/lib/page/date';
import { readPageMeta } from '@/lib/page/meta';
import { HoverIntent } from '@/lib/page/hover-intent';
import type { Mark } from '@/lib/page/marks';
import { MarkLayer } from '@/lib/page/marks';
import { watchPointer } from '@/lib/page/pointer';
import { PageScanner } from '@/lib/page/scanner';
import type { CardData, CardHost, CardUI, ShowRequest } from '@/lib/page/ui-contract';
import type { MatchReply, PageConfig, PageMessage, PageSummary, TabMessage } from '@/lib/protocol';
import { DEFAULT_LOOK } from '@/lib/settings/defaults';
import type { Settings } from '@/lib/settings/schema';
import { alive, onMessage, send as sendRaw } from './runtime';

const HOST_TAG = 'backstory-ui';

function send<T>(msg: PageMessage): Promise<T> {
  return sendRaw<T>(msg);
}

let docSerial = 0;

/** One article page: gate → scan → marks → hover → cards. Restartable on SPA navigation. */
export class PageApp {
  private config: PageConfig | null = null;
  private scanner: PageScanner | null = null;
  private intent: HoverIntent | null = null;
  private ui: CardUI | null = null;
  private uiLoading: Promise<CardUI | null> | null = null;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private date: ArticleDate = {};
  private cards: Promise<CardData> | null = null;
  private cardIds = new Set<string>();
  private summaryTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners: AbortController | null = null;
  private generation = 0;
  private state: PageSummary['state'] = 'scanning';
  private reason = '';
  /** Ids and kinds of the entity indices the background's matcher has reported on this page. */
  private readonly idByIndex = new Map<number, string>();
  private readonly kindByIndex = new Map<number, string>();
  private readonly indexById = new Map<string, number>();

  private readonly unlisten: Array<() => void>;

  constructor() {
    this.unlisten = [onMessage(this.onMessage)];
  }

  async start(): Promise<void> {
    const gen = ++this.generation;
    this.config = await send<PageConfig>({ type: 'page:config', url: location.href }).catch(() => null);
    if (gen !== this.generation || !alive()) return;
    const cfg = this.config;
    if (!cfg || !cfg.enabled || (cfg.site !== 'builtin' && cfg.site !== 'added')) {
      this.state = 'disabled';
      this.reason = cfg ? (cfg.enabled ? `site ${cfg.site}` : 'Backstory is switched off') : 'no settings';
      return this.sendSummary();
    }
    if (!MarkLayer.supported(window)) {
      this.state = 'unsupported';
      this.reason = 'this browser lacks the CSS Custom Highlight API';
      return this.sendSummary();
    }
    const meta = readPageMeta(document);
    const gate = looksLikeArticle(document, meta);
    if (!gate.article) {
      this.state = 'not-article';
      this.reason = gate.reason;
      return this.sendSummary();
    }
    const root = findArticleRoot(document) ?? document.body;
    this.date = extractArticleDate(document, location.href, root, meta);
    const hidden = new Set(cfg.hidden);
    const settings = cfg.settings;
    this.scanner = new PageScanner({
      doc: document,
      root,
      session: () => this.remoteSession(),
      kindOf: (e) => this.kindByIndex.get(e) ?? 'organization',
      kinds: ['person', 'country', 'organization', 'place', 'treaty', 'summit'],
      isHidden: (e) => hidden.has(this.idOf(e)),
      choose: (text, candidates) => {
        const picked = cfg.choices[text];
        const i = picked ? this.indexById.get(picked) : undefined;
        return i !== undefined && candidates.includes(i) ? i : undefined;
      },
      kindEnabled: (k) => settings.kinds[k as keyof Settings['kinds']] !== false,
      markMode: settings.markMode,
      style: { style: settings.markStyle, colours: settings.colours },
      baseline: DEFAULT_LOOK, // what article.css, injected with this script, already draws
      exclude: new Set(this.host ? [this.host] : []),
      onChange: () => this.scheduleSummary(),
    });
    this.state = 'ok';
    await this.scanner.scanAll();
    if (gen !== this.generation) return;
    this.scanner.observe();
    this.listen();
    this.sendSummary();
  }

  /** A document session of the background's matcher (a fresh one per scan of this page). */
  private remoteSession(): { scan(chunks: readonly string[], o?: { breaks?: number[] }): Promise<Mention[]> } {
    // Unique per scan within the tab (frames included); not a secret, so no Web Crypto (its first
    // use costs ~1 ms in a fresh isolated world).
    const doc = `${Date.now().toString(36)}${(++docSerial).toString(36)}${Math.random().toString(36).slice(2, 10)}`.slice(0, 40);
    return {
      scan: async (chunks, o) => {
        const lens = new Array<number>(chunks.length);
        for (let i = 0; i < chunks.length; i++) lens[i] = chunks[i]!.length;
        const msg: PageMessage = { type: 'page:match', doc, text: chunks.join(''), lens, breaks: o?.breaks ?? [] };
        const reply = await send<MatchReply>(msg).catch(() => null);
        if (!reply) return [];
        for (const [k, v] of Object.entries(reply.refs)) {
          this.idByIndex.set(+k, v.id);
          this.kindByIndex.set(+k, v.kind);
          this.indexById.set(v.id, +k);
        }
        return reply.mentions;
      },
    };
  }

  private idOf(entity: number): string {
    return this.idByIndex.get(entity) ?? '';
  }

  /** SPA navigation or a settings change that needs a fresh scan. */
  async restart(): Promise<void> {
    this.teardown();
    await this.start();
  }

  private teardown(): void {
    this.generation++;
    this.ui?.hide();
    this.intent?.destroy();
    this.intent = null;
    this.listeners?.abort();
    this.listeners = null;
    this.scanner?.destroy();
    this.scanner = null;
    this.cards = null;
    this.state = 'scanning';
  }

  destroy(): void {
    for (const off of this.unlisten.splice(0)) off();
    this.teardown();
    this.ui?.destroy();
    this.ui = null;
    this.host?.remove();
    this.host = null;
  }

  // ---- summary for the popup ------------------------------------------------------------

  private scheduleSummary(): void {
    if (this.summaryTimer) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      this.sendSummary();
    }, 250);
  }

  summary(): PageSummary {
    const entities = [...(this.scanner?.entityStats.values() ?? [])]
      .sort((a, b) => a.order - b.order)
      .map((s, order) => ({
        id: this.idOf(s.entity),
        kind: this.kindByIndex.get(s.entity) ?? 'organization',
        name: '',
        count: s.count,
        order,
        text: s.text.slice(0, 200),
        ...(s.ambiguous ? { ambiguous: true } : {}),
      }));
    return {
      url: location.href.slice(0, 4096),
      title: document.title.slice(0, 500),
      state: this.state,
      ...(this.reason ? { reason: this.reason.slice(0, 300) } : {}),
      date: this.date,
      entities,
      marks: this.scanner?.layer.marks.length ?? 0,
    };
  }

  private sendSummary(): void {
    // One message for the first pass: the scanner's change notice from it is already covered.
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    void send({ type: 'page:summary', summary: this.summary() }).catch(() => undefined);
  }

  private cardData(): Promise<CardData> {
    // Page entities plus the other candidates of ambiguous marks, so the chooser can name them.
    const ids = new Set(this.summary().entities.map((e) => e.id));
    for (const m of this.scanner?.layer.marks ?? []) for (const a of m.alternatives ?? []) ids.add(this.idOf(a));
    ids.delete('');
    // Fetched once per page, and again only when text added since then brought new entities.
    if (this.cards && [...ids].every((id) => this.cardIds.has(id))) return this.cards;
    this.cardIds = ids;
    this.cards = send<CardData>({ type: 'page:cards', ids: [...ids] });
    return this.cards;
  }

  // ---- pointer, keyboard, messages ------------------------------------------------------

  private listen(): void {
    this.listeners?.abort();
    const ac = new AbortController();
    this.listeners = ac;
    this.intent = new HoverIntent({
      dwellMs: () => this.config?.settings.dwellMs ?? 300,
      hideMs: () => this.config?.settings.hideMs ?? 300,
      isOpen: () => this.ui?.isOpen() ?? false,
      onShow: (hit, x) => void this.show({ mark: hit.mark, rect: hit.rect, pointerX: x, focus: false }),
      onHide: () => this.ui?.hide(),
      // Card data and the card UI are fetched while the pointer dwells, not on every page load.
      onDwellStart: () => this.prepareCard(),
    });
    const scanner = this.scanner;
    if (!scanner) return;
    watchPointer({
      doc: document,
      signal: ac.signal,
      marksAt: (n) => scanner.layer.marksAt(n),
      intent: this.intent,
      isOurs: (e) => !!this.host && e.composedPath().includes(this.host),
      card: () => this.ui,
      onTap: (hit, x) => void this.show({ mark: hit.mark, rect: hit.rect, pointerX: x, focus: false, touch: true }),
    });
  }

  private readonly onMessage = (raw: unknown): Promise<unknown> | undefined => {
    const msg = raw as TabMessage;
    if (!msg || typeof msg !== 'object') return undefined;
    switch (msg.type) {
      case 'tab:get-summary':
        return Promise.resolve(this.summary());
      case 'tab:step':
        this.step(msg.direction === 'previous' ? -1 : 1);
        return Promise.resolve(true);
      case 'tab:focus-entity':
        return Promise.resolve(this.focusEntity(msg.id));
      case 'tab:reconfigure':
        return this.reconfigure().then(() => true);
      default:
        return undefined;
    }
  };

  /** Settings changed: restyle in place when only the look changed; rescan otherwise. */
  private async reconfigure(): Promise<void> {
    const before = this.config;
    const next = await send<PageConfig>({ type: 'page:config', url: location.href }).catch(() => null);
    if (!next) return;
    this.config = next;
    this.ui?.updateSettings(next.settings);
    const a = before?.settings;
    const b = next.settings;
    const sameScan =
      before &&
      a &&
      before.site === next.site &&
      before.enabled === next.enabled &&
      a.markMode === b.markMode &&
      JSON.stringify(a.kinds) === JSON.stringify(b.kinds) &&
      JSON.stringify(before.hidden) === JSON.stringify(next.hidden);
    if (sameScan && this.scanner) {
      this.scanner.setStyle({ style: b.markStyle, colours: b.colours });
      return;
    }
    await this.restart();
  }

  /** Keyboard command: the next/previous mark in document order, scrolled into view, card focused. */
  private step(dir: 1 | -1): void {
    const marks = this.orderedMarks();
    if (marks.length === 0) return;
    const current = this.focusedIndex;
    const i = current === -1 ? (dir === 1 ? 0 : marks.length - 1) : (current + dir + marks.length) % marks.length;
    this.focusedIndex = i;
    void this.openMark(marks[i]!, true);
  }

  private focusedIndex = -1;

  private orderedMarks(): Mark[] {
    const marks = [...(this.scanner?.layer.marks ?? [])];
    return marks.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  private focusEntity(id: string): boolean {
    const marks = this.orderedMarks();
    const mark = marks.find((m) => this.idOf(m.entity) === id);
    if (!mark) return false;
    this.focusedIndex = marks.indexOf(mark);
    void this.openMark(mark, true);
    return true;
  }

  private async openMark(mark: Mark, focus: boolean): Promise<void> {
    const el = mark.startNode.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    await new Promise((r) => requestAnimationFrame(r));
    const rect = mark.range.getClientRects()[0] ?? mark.range.getBoundingClientRect();
    await this.show({ mark, rect, focus });
  }

  // ---- card UI ---------------------------------------------------------------------------

  private async show(req: ShowRequest): Promise<void> {
    if (!alive()) return this.destroy(); // the extension was updated or removed under this page
    const ui = await this.ensureUI();
    if (!ui || !this.scanner) return;
    await this.cardData().catch(() => undefined);
    this.ensureShadow(); // a page may have removed our host since the last card
    ui.show(req);
    this.intent?.shown(req.mark);
  }

  private prepareCard(): void {
    if (!alive()) return;
    void this.cardData().catch(() => (this.cards = null));
    void this.ensureUI();
  }

  private ensureUI(): Promise<CardUI | null> {
    if (this.ui) return Promise.resolve(this.ui);
    this.uiLoading ??= (async () => {
      if (!globalThis.__backstoryUI) await send({ type: 'page:load-ui' }).catch(() => undefined);
      const factory = globalThis.__backstoryUI;
      if (!factory) return null;
      this.ui = factory(this.cardHost());
      return this.ui;
    })();
    return this.uiLoading;
  }

  private ensureShadow(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    if (!this.host) {
      this.host = document.createElement(HOST_TAG);
      this.host.style.cssText = 'all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647;';
      this.shadow = this.host.attachShadow({ mode: 'open' });
    }
    // Pages that remove our host get it back; the scanner never scans it.
    document.documentElement.appendChild(this.host);
    return this.shadow!;
  }

  private cardHost(): CardHost {
    const article = () => ({ url: location.href, title: document.title, date: this.date });
    return {
      get article() {
        return article();
      },
      settings: () => this.config!.settings,
      entityId: (e) => this.idOf(e),
      pageEntityIds: () => this.summary().entities.map((e) => e.id),
      cardData: () => this.cardData(),
      pointerInCard: (inside) => this.intent?.pointerInCard(inside),
      hideEntity: (id) => this.hideEntity(id),
      chooseEntity: (mark, id) => this.chooseEntity(mark, id),
      disableSite: () => this.disableSite(),
      openPopup: (id) => void send({ type: 'page:open-popup', entity: id }).catch(() => undefined),
      shadowRoot: () => this.ensureShadow(),
    };
  }

  private hideEntity(id: string): void {
    const idx = this.indexById.get(id);
    if (idx !== undefined) this.scanner?.hideEntity(idx);
    this.ui?.hide();
    void send({ type: 'page:hide-entity', id }).catch(() => undefined);
  }

  private chooseEntity(mark: Mark, id: string): void {
    void send({ type: 'page:choose', text: mark.text, id }).catch(() => undefined);
  }

  private disableSite(): void {
    this.ui?.hide();
    void send({ type: 'page:disable-site' }).catch(() => undefined);
  }
}
