/**
 * The core's reader-facing text (findings, domain errors, DNS-host pitfalls),
 * in the page's language only. Loaded when there is something to say — the
 * first finding, a domain that cannot be used — not with the page: most visits
 * to a tool page start with nothing to report, and support links start their
 * check (and this download) at once. No React in here: the checker's early
 * start asks for it too.
 */
import { loadMessages, type Lang, type Messages } from '~/core';

const loaded = new Map<Lang, Messages>();
const loading = new Map<Lang, Promise<Messages>>();
const listeners = new Set<() => void>();

/** Starts loading the table for `lang` (once); resolves with it. */
export function requestMessages(lang: Lang): Promise<Messages> {
  let p = loading.get(lang);
  if (!p) {
    p = loadMessages(lang).then(
      (m) => {
        loaded.set(lang, m);
        for (const l of listeners) l();
        return m;
      },
      (err: unknown) => {
        // A failed chunk load (offline): forget it, so the next need tries again.
        loading.delete(lang);
        throw err;
      },
    );
    loading.set(lang, p);
  }
  return p;
}

/** The table, if it has arrived. */
export function loadedMessages(lang: Lang): Messages | undefined {
  return loaded.get(lang);
}

export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
