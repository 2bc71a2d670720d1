/**
 * The page languages. Starlight serves zh-CN at the root and English under
 * /en/; every text the core produces for a reader is chosen by one of these.
 * Adding a language: add it here, then add a file per text table (the type
 * checker lists every table that lacks it: src/core/messages/, widget strings).
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One value per page language. */
export type PerLang<T = string> = { readonly [L in Lang]: T };

/** Text in every page language (provider and DNS host names, pitfalls). */
export type Bilingual = PerLang<string>;

/** "en", "en-US" → en; anything else (zh-CN, root, missing) → zh. */
export function toLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
