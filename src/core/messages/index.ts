/**
 * Reader-facing text of the core, one file per language (./zh.ts, ./en.ts,
 * typed by ./types.ts). A page needs only its own language: import the one
 * table statically where the language is known at build time, or load it with
 * `loadMessages` (a separate chunk per language in the browser bundle).
 */
import { truncateForDisplay, type DomainError } from '../domain';
import { findingGuide, type Finding, type FindingOf, type ProblemCode } from '../findings/index';
import type { Lang } from '../lang';
import type { FindingText, Messages } from './types';

export type { FindingText, Messages } from './types';

/** Each language's table as its own module, loaded on demand. */
export const MESSAGE_LOADERS: { readonly [L in Lang]: () => Promise<Messages> } = {
  zh: () => import('./zh').then((m) => m.zh),
  en: () => import('./en').then((m) => m.en),
};

export function loadMessages(lang: Lang): Promise<Messages> {
  return MESSAGE_LOADERS[lang]();
}

export interface DescribedFinding extends FindingText {
  /** Guide page slug, e.g. `dns/spf` (the view adds the locale and base path). */
  readonly guide: string;
}

/** Plain, specific text for a finding: what is wrong, what to change, and the page that explains it. */
export function describeFinding(f: Finding, messages: Messages): DescribedFinding {
  // Each code's message takes findings of that code; the union cannot say so by itself.
  const build = messages.findings[f.code] as (f: FindingOf<ProblemCode>) => FindingText;
  return { ...build(f), guide: findingGuide(f) };
}

/** A message naming the bad domain input. */
export function domainErrorMessage(err: DomainError, messages: Messages): string {
  const value = truncateForDisplay(err.input.trim());
  const detail = truncateForDisplay(err.detail ?? '');
  return messages.domainErrors[err.code](value, detail);
}
