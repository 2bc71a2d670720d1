// Links and downloads shared by the widgets.
import type { Lang } from '~/core';

/** The guide page `slug` in the page's language, under the site's base path. */
export function guideHref(base: string, lang: Lang, slug: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${lang === 'en' ? 'en/' : ''}${slug}/`;
}

/** Saves generated text as a file (zone snippet, CSV, configuration profile). */
export function saveFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
