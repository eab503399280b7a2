/** Entities the reader hid, and remembered picks for ambiguous names; each can be undone. */
import { Section } from './controls';

export interface HiddenEntry {
  id: string;
  /** Display name from the dataset, or the id when the entity is unknown (e.g. removed from the dataset). */
  name: string;
}

export interface ChoiceEntry {
  site: string;
  text: string;
  id: string;
  name: string;
}

export interface HiddenSectionProps {
  hidden: readonly HiddenEntry[];
  choices: readonly ChoiceEntry[];
  onUnhide: (id: string) => void;
  onForget: (site: string, text: string) => void;
  /** The last removal, to put back. */
  undo?: { label: string; onUndo: () => void } | null;
}

export function HiddenSection(p: HiddenSectionProps) {
  return (
    <Section id="hidden" title="Hidden names and remembered choices">
      <h3 id="hidden-title">Hidden</h3>
      {p.hidden.length ? (
        <ul class="rows" aria-labelledby="hidden-title">
          {p.hidden.map((h) => (
            <li key={h.id} class="row">
              <span class="grow">
                {h.name}
                {h.name !== h.id ? <small class="hint"> {h.id}</small> : null}
              </span>
              <button type="button" onClick={() => p.onUnhide(h.id)} aria-label={`Show ${h.name} again`}>
                Show again
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">Nothing hidden. Hide a name from its card.</p>
      )}
      <h3 id="choices-title">Remembered choices</h3>
      {p.choices.length ? (
        <ul class="rows" aria-labelledby="choices-title">
          {p.choices.map((c) => (
            <li key={`${c.site}\u0000${c.text}`} class="row">
              <span class="grow">
                “{c.text}” on {c.site} means <strong>{c.name}</strong>
              </span>
              <button type="button" onClick={() => p.onForget(c.site, c.text)} aria-label={`Forget the choice for “${c.text}” on ${c.site}`}>
                Forget
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">No choices remembered. When a name could mean two entries, pick one in its card.</p>
      )}
      <div class="undo" role="status">
        {p.undo ? (
          <>
            <span>{p.undo.label}</span>{' '}
            <button type="button" onClick={p.undo.onUndo}>
              Undo
            </button>
          </>
        ) : null}
      </div>
    </Section>
  );
}
