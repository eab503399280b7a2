/**
 * One entity card: presentational, props in and events out. The view model (lib/card) decides
 * what to say; this decides how it reads. Rendered inside our shadow root by the card UI.
 */
import { useState } from 'preact/hooks';
import type { CardView, HistoryItem } from '../../lib/card/view-model';
import type { Fact } from '../../lib/card/facts';
import type { LaterItem } from '../../lib/card/status';
import { dateText } from '../../lib/card/format';

export interface Candidate {
  id: string;
  name: string;
}

export interface CardProps {
  /** undefined while the card data is still loading, or when the entry is missing. */
  view: CardView | undefined;
  loading: boolean;
  /** The mention as written on the page. */
  text: string;
  /** "Why it matched" sentence, if the rule is known. */
  why?: string;
  /** Other entities this mention could be (ambiguous alias); empty when unambiguous. */
  candidates: Candidate[];
  /** Currently shown candidate id. */
  current: string;
  pinned: boolean;
  labelId: string;
  onPin(): void;
  onClose(): void;
  onChoose(id: string): void;
  onHideEntity(): void;
  onDisableSite(): void;
  onOpenPopup(): void;
}

const LATER_SHOWN = 4;

export function Card(p: CardProps) {
  const v = p.view;
  return (
    <>
      <div class="bs-head">
        <div class="bs-titles">
          <p class="bs-kind">{v?.kindLabel ?? 'Backstory'}</p>
          <h2 class="bs-name" id={p.labelId}>
            {v?.name ?? p.text}
          </h2>
          {v && v.native.length > 0 && (
            <p class="bs-native">
              {v.native.map((n, i) => (
                <span key={n.lang + n.text}>
                  {i > 0 && ' · '}
                  <span lang={n.lang}>{n.text}</span>
                </span>
              ))}
            </p>
          )}
        </div>
        <div class="bs-tools">
          <button
            type="button"
            class="bs-icon"
            data-action="pin"
            aria-pressed={p.pinned ? 'true' : 'false'}
            aria-label={p.pinned ? 'Unpin card' : 'Pin card (keep it open)'}
            title={p.pinned ? 'Unpin' : 'Pin: keep this card open'}
            onClick={p.onPin}
          >
            <PinIcon />
          </button>
          <button type="button" class="bs-icon" data-action="close" aria-label="Close card" title="Close (Esc)" onClick={p.onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>

      {p.candidates.length > 1 && <Ambiguity text={p.text} candidates={p.candidates} current={p.current} onChoose={p.onChoose} />}

      {v ? <Body key={`${v.id}|${v.status.date}`} view={v} /> : <p class="bs-status">{p.loading ? 'Loading…' : 'No details for this entry in the dataset.'}</p>}

      <div class="bs-foot">
        {p.why && <p class="bs-why">Why it is marked: {p.why}</p>}
        {v && (
          <p class="bs-sources">
            {v.sources.length > 0 && (
              <>
                Sources:{' '}
                {v.sources.map((s, i) => (
                  <span key={s.url}>
                    {i > 0 && ', '}
                    <a href={s.url} target="_blank" rel="noopener noreferrer">
                      {s.label}
                    </a>
                  </span>
                ))}
                {' · '}
              </>
            )}
            Dataset as of {v.asOf}
          </p>
        )}
        <div class="bs-actions">
          <button type="button" class="bs-action" data-action="hide-entity" onClick={p.onHideEntity}>
            Not this? Hide its marks
          </button>
          <button type="button" class="bs-action" data-action="disable-site" onClick={p.onDisableSite}>
            Turn off on this site
          </button>
          <button type="button" class="bs-action" data-action="open-popup" onClick={p.onOpenPopup}>
            Open in popup
          </button>
        </div>
      </div>
    </>
  );
}

function Ambiguity(p: { text: string; candidates: Candidate[]; current: string; onChoose(id: string): void }) {
  return (
    <div class="bs-ambig" role="group" aria-label="Possible meanings">
      <p>“{p.text}” could mean more than one entry. Showing the selected one:</p>
      <ul class="bs-choices">
        {p.candidates.map((c) => (
          <li key={c.id}>
            <button type="button" class="bs-choice" data-choice={c.id} aria-pressed={c.id === p.current ? 'true' : 'false'} onClick={() => p.onChoose(c.id)}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Body({ view: v }: { view: CardView }) {
  return (
    <>
      <TimeBlock view={v} />
      <p class="bs-summary">{v.summary}</p>
      {v.facts.length > 0 && (
        <dl class="bs-facts">
          {v.facts.map((f) => (
            <FactRow key={f.label} fact={f} />
          ))}
        </dl>
      )}
      {(v.history.length > 0 || v.historyHidden > 0) && <History items={v.history} hidden={v.historyHidden} />}
    </>
  );
}

function TimeBlock({ view: v }: { view: CardView }) {
  const [all, setAll] = useState(false);
  const s = v.status;
  if (!s.lines.length && !s.later.length && !s.laterHidden) return null;
  const later = all ? s.later : s.later.slice(0, LATER_SHOWN);
  return (
    <section class="bs-section bs-time" aria-label="Time-aware status">
      <p class="bs-section-title" data-basis={s.basis}>
        {s.heading}
      </p>
      {s.lines.length > 0 && (
        <ul class="bs-lines">
          {s.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {later.length > 0 && (
        <>
          <p class="bs-section-title bs-later">Since this article</p>
          <ul class="bs-list">
            {later.map((c) => (
              <Later key={c.date + c.text} item={c} />
            ))}
          </ul>
          {!all && s.later.length > LATER_SHOWN && (
            <button type="button" class="bs-more" onClick={() => setAll(true)}>
              {s.later.length - LATER_SHOWN} more
            </button>
          )}
        </>
      )}
      {s.laterHidden > 0 && <p class="bs-note">Later events hidden (setting).</p>}
    </section>
  );
}

function Later({ item }: { item: LaterItem }) {
  return (
    <li>
      <span class="bs-tag">after this article</span>
      <span class="bs-date">{dateText(item.date)}</span> {item.text}
      {item.uncertain && ' (date may coincide with the article)'}
      {item.note && <span class="bs-note">{item.note}</span>}
    </li>
  );
}

function FactRow({ fact }: { fact: Fact }) {
  return (
    <>
      <dt>{fact.label}</dt>
      <dd>
        {fact.text}
        {fact.items && (
          <ul class="bs-list">
            {fact.items.map((i) => (
              <li key={i.text + (i.note ?? '')} class={i.current ? 'bs-current' : undefined}>
                {i.after && <span class="bs-tag">after this article</span>}
                {i.text}
                {i.note && <span class="bs-date"> · {i.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

function History({ items, hidden }: { items: HistoryItem[]; hidden: number }) {
  return (
    <section class="bs-history" aria-label="History with others in this article">
      <p class="bs-section-title">With others in this article</p>
      <ul class="bs-list">
        {items.map((h) => (
          <li key={h.id} data-timing={h.timing}>
            {h.after && <span class="bs-tag">after this article</span>}
            <span class="bs-name-sm">{h.name}</span>
            {h.when && <span class="bs-date"> · {h.when}</span>}
            {h.with.length > 0 && <span class="bs-note">with {withText(h.with)}</span>}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p class="bs-note">{hidden} later item{hidden === 1 ? '' : 's'} hidden (setting).</p>}
    </section>
  );
}

function withText(names: string[]): string {
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M10.5 1.5l4 4-1.4 1.4-.7-.7-2.6 2.6.3 3.3-1.4 1.4L6 10.8l-3.6 3.6-.8-.8L5.2 10 2.5 7.3l1.4-1.4 3.3.3 2.6-2.6-.7-.7z" />
    </svg>
  );
}
