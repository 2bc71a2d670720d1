/**
 * The first wave of a check: every question that does not depend on another
 * answer. checkDomain sends them at once; the checker page's early start
 * (before the widget has loaded) sends the same list, so the widget's check
 * finds the answers on their way.
 */
import { normaliseName } from '../names';
import type { ExpectedRecord } from '../types';
import type { Question } from './kind';
import { firstQuestions } from './questions';

/** The record typed in full into a console that appends the domain: `_dmarc.example.com.example.com`. */
export function doubledName(name: string, domain: string): string {
  return `${normaliseName(name)}.${normaliseName(domain)}`;
}

/** The domain's own answers decide whether it exists at all (NXDOMAIN): always asked. */
export function apexQuestions(expected: readonly ExpectedRecord[], domain: string): Question[] {
  const apex = normaliseName(domain);
  return [{ name: apex, type: 'TXT' }, ...(expected.some((r) => r.kind === 'mx') ? [{ name: apex, type: 'MX' as const }] : [])];
}

/**
 * Every question of the first wave, without duplicates: the domain's own TXT
 * (and MX), each row's own question, the same record at the doubled name for
 * the records mail depends on (the optional client CNAMEs are not worth the
 * questions), and what each kind knows it will ask.
 */
export function planCheck(expected: readonly ExpectedRecord[], domain: string): Question[] {
  const questions: Question[] = [...apexQuestions(expected, domain)];
  for (const rec of expected) {
    questions.push({ name: rec.name, type: rec.type });
    if (rec.required) questions.push({ name: doubledName(rec.name, domain), type: rec.type });
    questions.push(...firstQuestions(rec, normaliseName(domain)));
  }
  const seen = new Set<string>();
  return questions.filter((q) => {
    const key = `${q.type} ${normaliseName(q.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
