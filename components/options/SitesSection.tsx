/** Built-in news sites on/off, the reader's own sites with their permission status, and turned-off sites. */
import { useState } from 'preact/hooks';
import { Section } from './controls';

export interface AddedSite {
  host: string;
  /** Whether the browser grants the host permission; null while unknown. */
  granted: boolean | null;
}

export interface SitesSectionProps {
  builtin: readonly string[];
  disabledSites: readonly string[];
  addedSites: readonly AddedSite[];
  /** Problem with the last "Add" (bad host, permission refused); shown under the field. */
  addError?: string | null;
  /** Called from the click/submit handler itself, so the browser sees a user gesture for the permission prompt. */
  onAdd: (text: string) => void;
  onRemove: (host: string) => void;
  onGrant: (host: string) => void;
  onSetBuiltin: (host: string, on: boolean) => void;
  /** Turns a site the reader switched off back on. */
  onEnable: (host: string) => void;
}

export function SitesSection(p: SitesSectionProps) {
  const [text, setText] = useState('');
  const others = p.disabledSites.filter((h) => !p.builtin.includes(h));
  return (
    <Section id="sites" title="Sites" intro="Backstory reads articles only on the sites listed here.">
      <h3>Built-in news sites</h3>
      <details class="builtin-sites">
        <summary>
          {p.builtin.length} sites, {p.builtin.filter((h) => !p.disabledSites.includes(h)).length} on — show the list
        </summary>
        <ul class="plain site-grid">
        {p.builtin.map((host) => (
          <li key={host}>
            <label class="check">
              <input type="checkbox" checked={!p.disabledSites.includes(host)} onChange={(e) => p.onSetBuiltin(host, (e.currentTarget as HTMLInputElement).checked)} />
              <span>{host}</span>
            </label>
          </li>
        ))}
        </ul>
      </details>

      <h3 id="added-title">Your sites</h3>
      {p.addedSites.length ? (
        <ul class="rows" aria-labelledby="added-title">
          {p.addedSites.map((s) => (
            <li key={s.host} class="row">
              <span class="grow">{s.host}</span>
              <span class={`status ${s.granted === false ? 'warn' : ''}`}>
                {s.granted === null ? 'checking permission…' : s.granted ? 'permission granted' : 'permission missing'}
              </span>
              {s.granted === false ? (
                <button type="button" onClick={() => p.onGrant(s.host)} aria-label={`Grant permission for ${s.host}`}>
                  Grant
                </button>
              ) : null}
              <button type="button" onClick={() => p.onRemove(s.host)} aria-label={`Remove ${s.host}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">No sites added yet.</p>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          p.onAdd(text);
        }}
      >
        <label for="add-site">Add a site</label>
        <input
          id="add-site"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={text}
          aria-describedby="add-site-hint add-site-error"
          aria-invalid={p.addError ? true : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">Add</button>
        <small class="hint" id="add-site-hint">
          The browser asks you to allow Backstory to read pages on that site.
        </small>
        <p class="error" id="add-site-error" role="alert">
          {p.addError ?? ''}
        </p>
      </form>

      <h3 id="disabled-title">Sites you turned off</h3>
      {others.length ? (
        <ul class="rows" aria-labelledby="disabled-title">
          {others.map((host) => (
            <li key={host} class="row">
              <span class="grow">{host}</span>
              <button type="button" onClick={() => p.onEnable(host)} aria-label={`Turn ${host} back on`}>
                Turn on
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">None. You can turn Backstory off for a site from its popup.</p>
      )}
    </Section>
  );
}
