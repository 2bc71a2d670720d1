/**
 * The SPF tool's sentences, composed from form problems and evaluation data
 * with the strings of ./strings.ts. Pure (no React), so every code has a
 * tested sentence in both languages. Anything that came from DNS (domains
 * and terms named in a problem, lookup names and data) is shortened and its
 * control characters made visible with truncateForDisplay; the view renders
 * it as text only.
 */
import {
  domainErrorMessage,
  MACRO_ERROR_CODES,
  truncateForDisplay,
  type Lang,
  type MacroErrorCode,
  type Messages,
  type SpfLookup,
  type SpfProblem,
} from '~/core';
import type { HeloProblem, IpProblem, SenderProblem } from './form';
import { strings } from './strings';

/** Longest domain or term quoted in a sentence. */
const QUOTE_MAX = 120;
const quote = (text: string): string => truncateForDisplay(text, QUOTE_MAX);

export function ipErrorText(problem: IpProblem, lang: Lang): string {
  return strings[lang].ipErrors[problem.code](quote(problem.input));
}

/**
 * Why a MAIL FROM cannot be used. Domain problems use the core's domain
 * messages once they have loaded (undefined before: the address's own words).
 */
export function senderErrorText(problem: SenderProblem, lang: Lang, messages: Messages | undefined): string {
  const s = strings[lang];
  if (problem.kind === 'domain') {
    return messages ? domainErrorMessage(problem.error, messages) : s.senderErrors.empty();
  }
  if (problem.reason === 'invalid-domain' && problem.domainError && messages) return domainErrorMessage(problem.domainError, messages);
  return s.senderErrors[problem.reason](quote(problem.detail ?? problem.input));
}

export function heloErrorText(problem: HeloProblem, lang: Lang, messages: Messages | undefined): string {
  const s = strings[lang];
  if (problem.code === 'needed-for-bounce') return s.heloNeeded;
  return messages ? domainErrorMessage(problem.error, messages) : s.heloNeeded;
}

const isMacroError = (code: string): code is MacroErrorCode => (MACRO_ERROR_CODES as readonly string[]).includes(code);

/** "name TYPE", and why it failed: the rcode, the transport error, or the outcome. */
function failedQuestion(lookup: SpfLookup | undefined, lang: Lang): { question: string; detail: string } {
  const s = strings[lang];
  if (!lookup) return { question: '?', detail: s.outcomes['dns-error'] };
  const detail = lookup.rcode ?? (lookup.error ? s.dohErrors[lookup.error] : s.outcomes[lookup.outcome]);
  return { question: `${quote(lookup.name)} ${lookup.type}`, detail };
}

/**
 * Why the result is permerror, temperror or none, in a sentence. Syntax
 * reasons of the record parser come from the core's messages once loaded.
 */
export function problemText(problem: SpfProblem, lookups: readonly SpfLookup[], lang: Lang, messages: Messages | undefined): string {
  const p = strings[lang].problems;
  const domain = quote(problem.domain);
  const term = quote(problem.term ?? '');
  switch (problem.code) {
    case 'invalid-ip':
      return p['invalid-ip']();
    case 'invalid-domain':
    case 'no-record':
    case 'multiple-records':
      return p[problem.code](domain);
    case 'syntax': {
      const code = problem.syntax;
      const reason =
        code === undefined
          ? ''
          : isMacroError(code)
            ? strings[lang].macroReasons[code]
            : (messages?.spfReasons[code] ?? code);
      return p.syntax(domain, term, reason);
    }
    case 'dns-error': {
      const { question, detail } = failedQuestion(problem.lookup === undefined ? undefined : lookups[problem.lookup], lang);
      return p['dns-error'](domain, question, detail);
    }
    case 'lookup-limit':
    case 'void-limit':
    case 'mx-limit':
    case 'include-none':
    case 'redirect-none':
      return p[problem.code](domain, term);
  }
}

/** A lookup's outcome in words: "SERVFAIL", "name does not exist" … */
export function lookupOutcomeText(lookup: SpfLookup, lang: Lang): string {
  const s = strings[lang];
  if (lookup.outcome !== 'dns-error') return s.outcomes[lookup.outcome];
  const why = lookup.rcode ?? (lookup.error ? s.dohErrors[lookup.error] : undefined);
  return why ? `${s.outcomes['dns-error']}: ${why}` : s.outcomes['dns-error'];
}

/** At most `max` data items of a lookup, each shortened, and how many were left out. */
export function lookupData(lookup: SpfLookup, max = 10): { items: string[]; more: number } {
  return { items: lookup.data.slice(0, max).map((d) => truncateForDisplay(d, 200)), more: Math.max(0, lookup.data.length - max) };
}
