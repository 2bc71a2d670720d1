/**
 * The core's reader-facing text (findings, domain errors) in the page's
 * language only: each language is its own chunk, loaded once per page the
 * first time a widget asks. Undefined until it has arrived, and always during
 * the server render and hydration, so the first client render matches the HTML.
 */
import { useSyncExternalStore } from 'react';
import type { Lang, Messages } from '~/core';
import { loadedMessages, onMessagesLoaded, preloadMessages } from './messages';

export function useMessages(lang: Lang): Messages | undefined {
  if (typeof window !== 'undefined') void preloadMessages(lang);
  return useSyncExternalStore(
    onMessagesLoaded,
    () => loadedMessages(lang),
    () => undefined,
  );
}
