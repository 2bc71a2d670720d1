/**
 * Small pure pieces of the DMARC report viewer's markup, without React (unit-
 * tested in tests/unit/components/DmarcReports/view.test.ts): how a source's
 * reverse DNS answer reads. The copied report and the charts' geometry are in
 * model.ts.
 */
import type { DmarcReport, GroupMember, PublishedPolicy, PtrResult, SourceIp } from '~/core';
import type { DmarcStrings } from './strings.zh';

/** Whether a PTR name was forward-confirmed: yes, no (it leads elsewhere), unknown (the check failed or was not made). */
export type PtrConfirmation = 'yes' | 'no' | 'unknown';

export function ptrConfirmation(ptr: PtrResult | undefined): PtrConfirmation | undefined {
  if (ptr?.status !== 'found') return undefined;
  return ptr.confirmed === true ? 'yes' : ptr.confirmed === false ? 'no' : 'unknown';
}

/** The reverse DNS cell of a source: its names, marked when they do not (or could not be shown to) lead back to the IP. */
export function ptrLabel(ptr: PtrResult | undefined, s: DmarcStrings): string {
  if (!ptr) return s.ptr.pending;
  switch (ptr.status) {
    case 'found':
      return (
        ptr.names.join(', ') +
        (ptr.confirmed === false ? s.ptr.unconfirmed : ptr.confirmed === null ? s.ptr.unchecked : '')
      );
    case 'none':
      return s.ptr.none;
    case 'error':
      return s.ptr.error(ptr.code);
    case 'skipped':
      return s.ptr.skipped;
    case 'invalid':
      return s.ptr.invalid;
  }
}

/** Why a source without a usable PTR name is named after a platform ('' when its PTR name named it, or nothing did). */
export function recognisedLabel(recognisedBy: GroupMember['recognisedBy'], s: DmarcStrings): string {
  if (!recognisedBy || recognisedBy.via === 'ptr') return '';
  return s.recognisedBy[recognisedBy.via](recognisedBy.name);
}

/** Messages and DMARC passes per source IP, for the [data-source-ip] attributes (from the unfiltered sources). */
export type SourceTotals = ReadonlyMap<string, { readonly messages: number; readonly pass: number }>;

export function contractTotals(sources: readonly SourceIp[]): SourceTotals {
  return new Map(sources.map((x) => [x.ip, { messages: x.messages, pass: x.pass }]));
}

/**
 * "p=none sp=none adkim=r aspf=r": the tags a reporter found, as it found them,
 * then t=y and the RFC 9990 discovery method (how it found the record: psl or
 * treewalk) when given.
 */
export function policyText(p: PublishedPolicy, s: DmarcStrings): string {
  const tags: [string, string][] = [
    ['p', p.p],
    ['sp', p.sp],
    ['np', p.np],
    ['adkim', p.adkim],
    ['aspf', p.aspf],
    ['pct', p.pct],
    ['fo', p.fo],
  ];
  const out = tags.filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`);
  if (p.testing === 'y') out.push(s.testing);
  if (p.discoveryMethod) out.push(`discovery_method=${p.discoveryMethod}`);
  return out.join(' ');
}

/** Report errors shown at most; the rest are counted. */
export const SHOWN_REPORT_ERRORS = 5;

/** A report's RFC 9990 generator and report_metadata/error lines, as plain text ('' / [] when absent). */
export function reportNotes(
  r: Pick<DmarcReport, 'generator' | 'errors'>,
  s: DmarcStrings,
): { readonly generator: string; readonly errors: readonly string[]; readonly more: string } {
  const hidden = r.errors.length - SHOWN_REPORT_ERRORS;
  return {
    generator: r.generator ? s.generatedBy(r.generator) : '',
    errors: r.errors.slice(0, SHOWN_REPORT_ERRORS).map((e) => s.reportError(e)),
    more: hidden > 0 ? s.moreReportErrors(hidden) : '',
  };
}
