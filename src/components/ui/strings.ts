// The shared widget pieces' words, one file per language in ./strings/; a page loads only its own (./i18n.ts).
import { perLang } from './i18n';

export type { UiStrings } from './strings/zh';

export const uiStrings = await perLang({
  zh: () => import('./strings/zh').then((m) => m.zh),
  en: () => import('./strings/en').then((m) => m.en),
});
