// The comparison's plain-text report for a ticket (the one format of
// ../ui/report.ts): the verdict, then one row per resolver with its status as
// the page shows it ("Agrees", "Differs", "No answer"), its records with their
// TTLs or why it gave none, its rcode, AD flag and time. No React.
import { fqdn, type Comparison, type Lang } from '~/core';
import { dohErrorText, rcodeText } from '../ui/dohText';
import { reportResolvers, type ReportBody, type ReportRow } from '../ui/report';
import { uiStrings } from '../ui/strings';
import { recordText, rowBadge, rowStatus, verdictOf } from './present';
import { strings } from './strings';
import type { PropagationRun } from './usePropagation';

export function propagationReport(args: { lang: Lang; run: PropagationRun; comparison: Comparison; timeoutMs: number }): ReportBody {
  const { lang, run, comparison } = args;
  const s = strings[lang];
  const { sep, semi } = uiStrings[lang].report;
  const rows: ReportRow[] = run.resolvers.map((resolver) => {
    const outcome = run.outcomes.get(resolver.id);
    const badge = rowBadge(rowStatus(outcome, comparison, resolver.id), outcome, lang);
    const lines: string[] = [];
    if (outcome?.kind === 'answer') {
      const { response } = outcome;
      if (response.answers.length > 0) lines.push(...response.answers.map((r) => `${recordText(r, run.type)} (${s.ttl} ${s.seconds(r.ttl)})`));
      else if (response.rcode === 'NOERROR') lines.push(s.noRecords(run.type));
      if (response.rcode !== 'NOERROR') lines.push(rcodeText(response.rcode, response.answers.length, run.type, lang));
      lines.push(`${s.rcode}${sep}${response.rcode}${semi}${s.ad}${sep}${response.ad ? s.adYes : s.adNo}${semi}${s.time}${sep}${s.ms(response.elapsedMs)}`);
    } else if (outcome?.kind === 'failed') {
      lines.push(dohErrorText(outcome.error, lang, resolver, args.timeoutMs));
    }
    return {
      label: resolver.id === 'custom' ? `${resolver.name[lang]} (${resolver.url})` : `${resolver.name[lang]} (${hostOf(resolver.url)})`,
      status: badge.label ?? uiStrings[lang].status[badge.status],
      lines,
    };
  });
  const verdict = verdictOf(run, comparison, lang);
  return {
    title: s.reportTitle(s.resultsHeading(fqdn(run.name), run.type)),
    ranAt: run.at,
    resolvers: reportResolvers(
      run.resolvers,
      run.resolvers.filter((r) => run.outcomes.get(r.id)?.kind === 'answer').map((r) => r.id),
      lang,
    ),
    verdict: verdict.paragraphs.join(lang === 'zh' ? '' : ' '),
    rows,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
