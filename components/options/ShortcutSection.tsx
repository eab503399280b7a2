/** The keyboard shortcuts as the browser has them bound, and where to change them. */
import { Section } from './controls';

export interface ShortcutCommand {
  name: string;
  description: string;
  /** Empty when unbound. */
  shortcut: string;
}

export interface ShortcutSectionProps {
  commands: readonly ShortcutCommand[] | null;
  browser: 'chrome' | 'firefox';
  /** Opens the browser's shortcut settings, when the browser lets an extension do that. */
  onOpenSettings?: (() => void) | undefined;
}

export function ShortcutSection(p: ShortcutSectionProps) {
  const where =
    p.browser === 'firefox' ? (
      <>
        In Firefox: open <code>about:addons</code>, click the gear button, then <em>Manage Extension Shortcuts</em>.
      </>
    ) : (
      <>
        In Chrome: open <code>chrome://extensions/shortcuts</code> and set the Backstory shortcuts.
      </>
    );
  return (
    <Section id="shortcut" title="Keyboard shortcut" intro="Step through the marked names of an article without a mouse; each opens its card.">
      {p.commands === null ? (
        <p>Reading the shortcuts…</p>
      ) : (
        <table class="shortcuts">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Shortcut</th>
            </tr>
          </thead>
          <tbody>
            {p.commands.map((c) => (
              <tr key={c.name}>
                <td>{c.description || c.name}</td>
                <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="warn">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>To change them: {where}</p>
      {p.onOpenSettings ? (
        <button type="button" onClick={p.onOpenSettings}>
          Open shortcut settings
        </button>
      ) : null}
    </Section>
  );
}
