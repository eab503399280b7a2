/**
 * The few extension APIs the article script needs, called directly rather than through
 * webextension-polyfill or WXT's content-script context: this script runs on every article a
 * reader opens, and those two layers were a third of its code. Chrome MV3 returns promises from
 * `chrome.runtime.sendMessage`; Firefox has `browser`. Replies to the background use
 * `sendResponse`, which both support.
 */

type Listener = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => boolean | undefined;

interface Api {
  runtime: {
    id?: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
  };
}

const g = globalThis as { browser?: Partial<Api>; chrome?: Partial<Api> };

function api(): Api | null {
  const b = g.browser;
  if (b?.runtime?.id) return b as Api;
  const c = g.chrome;
  return c?.runtime?.id ? (c as Api) : null;
}

/** False once the extension was updated, reloaded or removed under this page (orphaned script). */
export function alive(): boolean {
  try {
    return api() !== null;
  } catch {
    return false;
  }
}

export function send<T>(msg: unknown): Promise<T> {
  const a = api();
  if (!a) return Promise.reject(new Error('Backstory was updated or removed: reload the page to use it here.'));
  try {
    return a.runtime.sendMessage(msg) as Promise<T>;
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/** Answers messages from the background; `handle` returns undefined for messages it ignores. */
export function onMessage(handle: (msg: unknown) => Promise<unknown> | undefined): () => void {
  const a = api();
  if (!a) return () => undefined;
  const listener: Listener = (msg, _sender, sendResponse) => {
    const p = handle(msg);
    if (!p) return false;
    p.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  a.runtime.onMessage.addListener(listener);
  return () => a.runtime.onMessage.removeListener(listener);
}
