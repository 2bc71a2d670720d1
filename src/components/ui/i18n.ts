/**
 * Text tables per language, loaded so that a page ships only its own language:
 * in the browser, only the table of the page's language (<html lang>) is
 * fetched — a chunk of its own, which the build preloads on pages of that
 * language (src/integrations/preload.mjs) — while the server render, which
 * builds pages of every language, has them all. Used at the top level of the
 * modules that hold widget text: `export const strings = await perLang({ … })`.
 */
import { LANGS, toLang, type Lang, type PerLang } from '~/core';

/** The page's language in the browser; undefined during the server render. */
export const clientLang: Lang | undefined = typeof document === 'undefined' ? undefined : toLang(document.documentElement.lang);

/**
 * The tables, by language. In the browser only the page's language is present
 * (a widget is always given its page's language, so it never asks for another).
 */
export async function perLang<T>(loaders: { readonly [L in Lang]: () => Promise<T> }): Promise<PerLang<T>> {
  if (import.meta.env.SSR || clientLang === undefined) {
    const tables = await Promise.all(LANGS.map((l) => loaders[l]()));
    return Object.fromEntries(LANGS.map((l, i) => [l, tables[i]])) as PerLang<T>;
  }
  const table = await loaders[clientLang]();
  return { [clientLang]: table } as unknown as PerLang<T>;
}
