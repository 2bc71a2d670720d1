import type { Lang } from '~/core';

/** A time of day in the page's language, to the second (14:05:09). */
export function clockTime(ms: number, lang: Lang): string {
  return new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
