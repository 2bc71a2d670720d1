// The checker's plain-text report for a ticket (see ../ui/report.ts): every record with its
// status, what DNS returned, and each finding's text and fix, in the page's language.
import { describeFinding, hostField, type ExpectedRecord, type HostId, type Lang, type Resolver } from '~/core';
import { loadedMessages } from '../ui/messages';
import { reportResolvers, type ReportBody } from '../ui/report';
import { uiStrings } from '../ui/strings';
import type { CheckerState } from './state';

export function checkerReport(args: {
  lang: Lang;
  title: string;
  ascii: string;
  host: HostId;
  records: readonly ExpectedRecord[];
  state: CheckerState;
  resolvers: readonly Resolver[];
  verdict: string;
}): ReportBody {
  const { lang, ascii, host, records, state } = args;
  const ui = uiStrings[lang];
  const t = ui.table;
  return {
    title: args.title,
    ranAt: state.checkedAt,
    resolvers: reportResolvers(args.resolvers, state.answeredBy, lang),
    verdict: args.verdict,
    rows: records.map((rec) => {
      const row = state.rows.get(rec.id);
      const status = row === undefined ? t.notChecked : ui.status[row.status];
      const { sep } = ui.report;
      const lines: string[] = [`${t.host}${sep}${hostField(rec.name, ascii, host)}`, ...rec.values.map((v) => `${t.value}${sep}${v.priority !== undefined ? `${v.priority} ` : ''}${v.value}`)];
      if (row && row.status !== 'pending') {
        lines.push(row.observed.length > 0 ? `${t.observed} ${row.observed.join(' | ')}` : t.observedNone);
        const messages = loadedMessages(lang);
        for (const f of row.findings) {
          if (!messages) {
            lines.push(f.code);
            continue;
          }
          const d = describeFinding(f, messages);
          lines.push(`${d.text} ${d.fix}`.trim());
        }
      }
      return { label: `${t.names[rec.id]} (${rec.type} ${rec.name})`, status, lines };
    }),
  };
}
