// The search UI, run the first time a visitor opens search (or points at the search button),
// never with the page: the Pagefind UI is about 26 KB gzip, and a page's own code must stay
// under 5 KB (issue 15). Search.astro's script knows only this chunk's URL (`?chunk`, see
// src/integrations/chunk-url.mjs) and adds it as a module script when needed; run, it replaces
// the dialog's stand-in input with the Pagefind UI.
// Options are Starlight's own (0.42 Search.astro), so results are the same as before.
import { PagefindUI } from '@pagefind/default-ui';
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

/**
 * Renders the Pagefind UI into `container`, in place of the stand-in `early` input the
 * dialog showed while this code loaded: what the visitor typed there is searched at once,
 * and the focus moves to the real input if it was on the stand-in.
 */
function mountSearch(container: HTMLElement, early: HTMLInputElement | null): void {
  let translations: { placeholder?: string } = {};
  try {
    translations = JSON.parse(container.dataset['translations'] ?? '{}');
  } catch {
    /* Pagefind's own English strings */
  }
  const strip = container.dataset['stripTrailingSlash'] !== undefined;
  const formatUrl = (url: string) => (strip ? url.replace(/(.)\/(#.*)?$/, '$1$2') : url);
  const base = import.meta.env.BASE_URL;

  const ui = new PagefindUI({
    ...pagefindUserConfig,
    element: container,
    baseUrl: base,
    bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
    showImages: false,
    translations,
    showSubResults: true,
    processResult: (result: { url: string; sub_results: { url: string }[] }) => {
      result.url = formatUrl(result.url);
      for (const sub of result.sub_results) sub.url = formatUrl(sub.url);
    },
  });

  const input = container.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
  // Pagefind names its box by `title` only, which not every screen reader announces as a label.
  if (input && translations.placeholder) input.setAttribute('aria-label', translations.placeholder);
  if (!early || !input) return;
  const typed = early.value;
  const focused = document.activeElement === early;
  const caret = early.selectionStart ?? typed.length;
  early.parentElement?.remove();
  if (typed) ui.triggerSearch(typed);
  if (!focused) return;
  input.focus();
  // The UI writes the triggered term into its input on its next update (a microtask).
  queueMicrotask(() => input.setSelectionRange(caret, caret));
}

const container = document.getElementById('starlight__search');
if (container) mountSearch(container, container.querySelector<HTMLInputElement>('[data-search-early]'));
