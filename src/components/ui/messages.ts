// The core's reader-facing text (findings, domain errors) for the page's language only (./i18n.ts).
import { MESSAGE_LOADERS } from '~/core';
import { perLang } from './i18n';

export const messages = await perLang(MESSAGE_LOADERS);
