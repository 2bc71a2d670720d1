/**
 * Page language for the widgets. Starlight sets <html lang> ("zh-CN" at the
 * root, "en" under /en/); the .astro wrappers pass the same as a `lang` prop.
 * Widget strings live beside each widget as `{ zh, en }` pairs.
 */
export type Lang = 'zh' | 'en';

export interface Bilingual<T = string> {
  readonly zh: T;
  readonly en: T;
}

/** "en", "en-US" → en; anything else (zh-CN, root, missing) → zh. */
export function toLang(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The language of the current page, from <html lang>; zh when there is no document (server render). */
export function pageLang(): Lang {
  return typeof document === 'undefined' ? 'zh' : toLang(document.documentElement.lang);
}

/** Picks the string (or any value) for a language. */
export function t<T>(dict: Bilingual<T>, lang: Lang): T {
  return dict[lang];
}
