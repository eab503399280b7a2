/** Browser-specific bits of the options page: which browser, and opening its shortcut settings. */
import { browser } from 'wxt/browser';

export const BROWSER: 'chrome' | 'firefox' = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

/**
 * Chrome lets an extension open chrome://extensions/shortcuts in a tab; Firefox 137+ has
 * commands.openShortcutSettings(), older Firefox has no way (about:addons is privileged).
 */
export function shortcutOpener(): (() => void) | undefined {
  if (BROWSER === 'chrome') return () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  const open = (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings;
  return open ? () => void open.call(browser.commands) : undefined;
}
