/** Typed wrappers over runtime/tabs messaging for the protocol in lib/protocol.ts. */
import { browser } from 'wxt/browser';
import type { PageMessage, PopupMessage, TabMessage } from '../protocol';

export function sendToBackground<T>(msg: PageMessage | PopupMessage): Promise<T> {
  return browser.runtime.sendMessage(msg) as Promise<T>;
}

export function sendToTab<T>(tabId: number, msg: TabMessage): Promise<T> {
  return browser.tabs.sendMessage(tabId, msg) as Promise<T>;
}
