// The lookup's plain-text report for a ticket (the one format of ../ui/report.ts):
// the question as one row, its status as the page shows it (the rcode, or
// "could not check" when no resolver answered), and the answer as dig prints
// it, with the flags, the resolver and the time. No React.
import { fqdn, formatRecord, type Lang, type Resolver } from '~/core';
import { dohErrorText, rcodeText } from '../ui/dohText';
import { reportResolvers, type ReportBody } from '../ui/report';
import { uiStrings } from '../ui/strings';
import type { LookupResult } from './useDnsLookup';
import type { strings } from './strings';

type LookupStrings = (typeof strings)['en'];

/** One record as dig prints it, with spaces rather than tabs. */
const recordLine = (r: Parameters<typeof formatRecord>[0]): string => formatRecord(r).replace(/\t/g, ' ');

export function lookupReport(args: {
  lang: Lang;
  s: LookupStrings;
  result: Exclude<LookupResult, { kind: 'running' }>;
  resolvers: readonly Resolver[];
  timeoutMs: number;
}): ReportBody {
  const { lang, s, result, resolvers } = args;
  const { sep, semi } = uiStrings[lang].report;
  if (result.kind === 'failed') {
    const question = `${fqdn(result.name)} ${result.type}`;
    const resolver = resolvers.find((r) => r.id === result.error.resolverId);
    const lines = [
      `${s.failed}${dohErrorText(result.error, lang, resolver, args.timeoutMs)}${result.error.code !== 'aborted' && resolvers.length > 1 ? ` ${s.triedAll}` : ''}`,
    ];
    return {
      title: s.reportTitle(question),
      ranAt: result.at,
      resolvers: reportResolvers(resolvers, [], lang),
      rows: [{ label: question, status: uiStrings[lang].status.error, lines }],
    };
  }
  const { response } = result;
  const question = `${fqdn(response.name)} ${response.type}`;
  const lines: string[] = [];
  if (result.fromIp) lines.push(s.ptrFromIp(result.fromIp, fqdn(response.name)));
  lines.push(rcodeText(response.rcode, response.answers.length, response.type, lang));
  lines.push(`${s.answerSection}${sep}${response.answers.length > 0 ? '' : s.noAnswer}`.trimEnd());
  lines.push(...response.answers.map(recordLine));
  if (response.authority.length > 0) lines.push(`${s.authoritySection}${sep}`.trimEnd(), ...response.authority.map(recordLine));
  lines.push(`${s.flags}${sep}${response.ad ? s.adYes : s.adNo}${response.tc ? `${semi}${s.tc}` : ''}`);
  lines.push(`${s.time}${sep}${s.ms(response.elapsedMs)}`);
  return {
    title: s.reportTitle(question),
    ranAt: result.at,
    resolvers: reportResolvers(resolvers, [response.resolverId], lang),
    rows: [{ label: question, status: response.rcode, lines }],
  };
}
