// The Checker's words, one file per language in ./strings/; a page loads only its own (ui/i18n.ts).
import { perLang } from '../ui/i18n';

export type { CheckerStrings } from './strings/types';

export const strings = await perLang({
  zh: () => import('./strings/zh').then((m) => m.zh),
  en: () => import('./strings/en').then((m) => m.en),
});
