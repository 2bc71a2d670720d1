/**
 * The page's message table, loaded once per page (no React here, so the
 * checker's early start can begin the download too). See useMessages.ts.
 */
import { loadMessages, type Lang, type Messages } from '~/core';

const loaded = new Map<Lang, Messages>();
const loading = new Map<Lang, Promise<void>>();
const listeners = new Set<() => void>();

/** Starts loading the table for `lang`, once. */
export function preloadMessages(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = loadMessages(lang).then(
      (m) => {
        loaded.set(lang, m);
        for (const l of listeners) l();
      },
      () => {
        // A failed chunk load (offline): forget it, so the next render tries again.
        loading.delete(lang);
      },
    );
    loading.set(lang, p);
  }
  return p;
}

export function loadedMessages(lang: Lang): Messages | undefined {
  return loaded.get(lang);
}

export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
