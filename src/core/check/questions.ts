/**
 * What each record kind asks with the first wave besides its own question and
 * the doubled-name probe: data derived from the expected record, kept apart
 * from the kinds' checks (./kinds/) so that planning — which the checker page
 * does before the check code has loaded (its early start) — stays small. A new
 * kind needs an entry here (a missing one is a type error) and a check module.
 */
import { firstWalkQuestion } from '../dmarc/names';
import type { ExpectedOf, RecordKind } from '../types';
import type { Question } from './kind';

/** The name an SPF record is put at by mistake. */
export const wwwOf = (domain: string): string => `www.${domain}`;

export const FIRST_QUESTIONS: {
  readonly [K in RecordKind]: (rec: ExpectedOf<K>, domain: string) => readonly Question[];
} = {
  mx: () => [],
  // The record put at www by mistake, and the includes the record almost always names
  // (so the expansion finds their answers on the way instead of waiting a round trip).
  spf: (rec, domain) => [
    { name: wwwOf(domain), type: 'TXT' },
    ...[rec.providerIncludes[0], ...rec.senderIncludes].flatMap((name) => (name ? [{ name, type: 'TXT' as const }] : [])),
  ],
  dkim: () => [],
  // The first step of the RFC 9989 tree walk, for a domain without a record of its own.
  dmarc: (_rec, domain) => {
    const q = firstWalkQuestion(domain);
    return q ? [q] : [];
  },
  cname: () => [],
};

/** The first-wave questions of one record's kind. */
export function firstQuestions(rec: ExpectedOf<RecordKind>, domain: string): readonly Question[] {
  // Indexed by the record's own kind: the pairing of record and function holds by construction.
  return (FIRST_QUESTIONS[rec.kind] as (rec: ExpectedOf<RecordKind>, domain: string) => readonly Question[])(rec, domain);
}
