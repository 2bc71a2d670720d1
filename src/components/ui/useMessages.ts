/**
 * The core's messages for the page's language (./messages.ts), once `needed`:
 * undefined until they have arrived (and always during the server render and
 * hydration, so the first client render matches the HTML). Components that
 * show findings render their markup at once and their text when it arrives.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Lang, Messages } from '~/core';
import { loadedMessages, onMessagesLoaded, requestMessages } from './messages';

export function useMessages(lang: Lang, needed = true): Messages | undefined {
  useEffect(() => {
    if (needed) requestMessages(lang).catch(() => undefined);
  }, [lang, needed]);
  return useSyncExternalStore(
    onMessagesLoaded,
    () => loadedMessages(lang),
    () => undefined,
  );
}
