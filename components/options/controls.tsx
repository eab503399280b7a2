/** Small labelled controls shared by the option sections. Native inputs, so keyboard and screen readers work as usual. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/**
 * What the reader has typed but not committed yet. Preact re-applies `value` whenever the
 * parent re-renders (it compares with the live DOM value), so without this a render caused by
 * anything else — data arriving, another setting saved — would wipe a half-typed field.
 */
export function useDraft(committed: string): { value: string; edit: (text: string) => void; done: () => void } {
  const [draft, setDraft] = useState<string | null>(null);
  return { value: draft ?? committed, edit: setDraft, done: () => setDraft(null) };
}

export function Section(props: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro ? <p class="intro">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}

export function Checkbox(props: { label: ComponentChildren; checked: boolean; onChange: (checked: boolean) => void; hint?: string; name?: string }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>
        {props.label}
        {props.hint ? <small class="hint">{props.hint}</small> : null}
      </span>
    </label>
  );
}

export function RadioGroup<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="radios">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label class="check" key={o.value}>
          <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <span>
            {o.label}
            {o.hint ? <small class="hint">{o.hint}</small> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A number of milliseconds, committed on change (blur or Enter) so sync storage is not written per keystroke. */
export function MsInput(props: { id: string; label: string; value: number; min: number; max: number; step?: number; hint?: string; onChange: (ms: number) => void }) {
  const draft = useDraft(String(props.value));
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <span class="with-unit">
        <input
          id={props.id}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={props.step ?? 50}
          value={draft.value}
          aria-describedby={props.hint ? `${props.id}-hint` : undefined}
          onInput={(e) => draft.edit((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const n = Math.round(Number(input.value));
            draft.done();
            if (input.value !== '' && Number.isFinite(n)) props.onChange(Math.min(props.max, Math.max(props.min, n)));
            else input.value = String(props.value);
          }}
        />
        <span aria-hidden="true">ms</span>
      </span>
      {props.hint ? (
        <small class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

export interface Problem {
  path: string;
  message: string;
}

/** Errors with their paths; long lists are cut so a broken 10 MB file cannot flood the page. */
export function ProblemList(props: { problems: readonly Problem[]; limit?: number; label: string }) {
  const limit = props.limit ?? 200;
  const shown = props.problems.slice(0, limit);
  return (
    <div class="problems" role="group" aria-label={props.label}>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>
            {p.path ? <code class="path">{p.path}</code> : <span class="path">whole file</span>}: {p.message}
          </li>
        ))}
      </ul>
      {props.problems.length > limit ? <p>…and {props.problems.length - limit} more.</p> : null}
    </div>
  );
}

/** A file chooser that is a real, labelled input (keyboard: Tab to it, Enter/Space opens the picker). */
export function FileInput(props: { id: string; label: string; accept?: string; disabled?: boolean; onFile: (file: File) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="file"
        accept={props.accept ?? '.json,application/json'}
        disabled={props.disabled}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) props.onFile(file);
          input.value = '';
        }}
      />
    </div>
  );
}
