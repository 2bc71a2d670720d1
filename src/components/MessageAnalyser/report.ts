/**
 * The message analyser's copy-as-text report (for a ticket), in the page's
 * language, as ui/report.ts formats every tool's report: the verdict, then one
 * row per bounce recipient, per result of the receiver and of our own checks,
 * per hop, and the headers that identify the message. No React; the text from
 * the message goes in as plain text.
 */
import { describeBounce, DMARC_ADVICE_GUIDE, type GuideSlug, type MessageAnalysis } from '~/core';
import type { ReportBody, ReportInput, ReportRow } from '../ui/report';
import { browserAuth, epochText, hopTime, receiverAuth, verdictFacts, type AuthItem } from './present';
import type { MessageStrings } from './strings';

export interface MessageReportArgs {
  readonly analysis: MessageAnalysis;
  readonly t: MessageStrings;
  readonly ranAt: number | undefined;
  readonly resolvers?: ReportInput['resolvers'];
  /** The full address of a guide page, in the page's language. */
  readonly guideUrl: (slug: GuideSlug) => string;
}

const sep = (t: MessageStrings) => (t.lang === 'zh' ? '：' : ': ');

function resultWord(t: MessageStrings, result: string): string {
  const known = (t.results as Readonly<Record<string, string>>)[result];
  if (known === undefined || known === result) return result;
  return t.lang === 'zh' ? `${known}（${result}）` : `${known} (${result})`;
}

function authRow(t: MessageStrings, item: AuthItem): ReportRow {
  const source = item.source === 'browser' ? t.report.browser : t.report.receiver;
  const ids = [item.domain ? `d=${item.domain}` : '', item.selector ? `s=${item.selector}` : ''].filter(Boolean).join(' ');
  const label = t.report.authLabel(t.methods[item.method], source) + (ids ? ` ${ids}` : '');
  const lines: string[] = [];
  if (item.dkim) {
    lines.push(t.dkim.reasons[item.dkim.reason] + (item.dkim.detail ? ` (${item.dkim.detail})` : ''));
    if (item.dkim.bodyHashMatched !== undefined) lines.push(`${t.dkim.bodyHash}${sep(t)}${item.dkim.bodyHashMatched ? t.dkim.matched : t.dkim.mismatched}`);
    if (item.dkim.headersVerified !== undefined) lines.push(`${t.dkim.headerSignature}${sep(t)}${item.dkim.headersVerified ? t.dkim.matched : t.dkim.mismatched}`);
    if (item.dkim.timestamp !== undefined) lines.push(`${t.dkim.signedAt}${sep(t)}${epochText(item.dkim.timestamp)}`);
  }
  if (item.method8601?.reason) lines.push(item.method8601.reason);
  if (item.method8601?.comment) lines.push(item.method8601.comment);
  return { label, status: resultWord(t, item.result), lines };
}

export function messageReport(args: MessageReportArgs): ReportBody {
  const { analysis: a, t, guideUrl } = args;
  const rows: ReportRow[] = [];
  const s = sep(t);

  if (a.inputErrors.length > 0) {
    rows.push({ label: t.report.inputRow, status: String(a.inputErrors.length), lines: a.inputErrors.map((e) => t.inputErrors[e.code](e.detail, e.line)) });
  }

  const headerLines: string[] = [];
  if (a.headers.subject !== undefined) headerLines.push(`${t.headers.subject}${s}${a.headers.subject}`);
  if (a.headers.fromText !== undefined) headerLines.push(`${t.headers.from}${s}${a.headers.fromText}`);
  if (a.headers.to !== undefined) headerLines.push(`${t.headers.to}${s}${a.headers.to}`);
  if (a.headers.date !== undefined) headerLines.push(`${t.headers.date}${s}${a.headers.date}`);
  if (a.headers.messageId !== undefined) headerLines.push(`${t.headers.messageId}${s}${a.headers.messageId}`);
  if (a.headers.returnPath !== undefined) headerLines.push(`${t.headers.returnPath}${s}<${a.headers.returnPath}>`);
  if (headerLines.length > 0) rows.push({ label: t.report.headersRow, status: t.headers.count(a.headerCount), lines: headerLines });

  for (const r of a.bounce?.recipients ?? []) {
    const d = describeBounce(r.explanation, t.bounce.texts);
    const lines = [
      d.title,
      `${t.bounce.cause}${s}${d.cause}`,
      `${t.bounce.todo}${s}${d.action}`,
      ...(r.diagnostic ? [`${t.bounce.diagnostic}${s}${r.diagnostic}`] : []),
      ...(r.remoteMta || r.remoteIp ? [`${t.bounce.remote}${s}${[r.remoteMta, r.remoteIp ? `[${r.remoteIp}]` : ''].filter(Boolean).join(' ')}`] : []),
      `${t.readGuide(t.guides[d.guide])} ${guideUrl(d.guide)}`,
      ...(d.source ? [`${t.bounce.providerSource}${s}${d.source}`] : []),
    ];
    rows.push({ label: t.report.bounceRow(r.recipient ?? '?'), status: r.status ?? (r.reply !== undefined ? String(r.reply) : '—'), lines });
  }

  for (const item of receiverAuth(a)) rows.push(authRow(t, item));
  for (const item of browserAuth(a)) {
    const row = authRow(t, item);
    const extra: string[] = [];
    if (item.method === 'spf') {
      const spf = a.spf;
      if (spf.ip) extra.push(`${t.spf.ip}${s}${spf.ip}${spf.ipSource ? ` (${t.spf.ipSource[spf.ipSource]})` : ''}`);
      if (spf.sender !== undefined) extra.push(`${t.spf.sender}${s}${spf.sender === '' ? t.spf.nullSender : spf.sender}`);
      if (spf.helo) extra.push(`${t.spf.helo}${s}${spf.helo}`);
      if (spf.evaluation) extra.push(t.spf.resultMeaning[spf.evaluation.result]);
      else if (spf.reason) extra.push(t.spf.notRun[spf.reason]);
    }
    if (item.method === 'dmarc') {
      const ev = a.dmarc.evaluation;
      if (ev?.policy) extra.push(`${t.dmarc.policy}${s}p=${ev.policy.p}${ev.policy.sp ? ` sp=${ev.policy.sp}` : ''}${ev.policy.np ? ` np=${ev.policy.np}` : ''} — ${t.dmarc.policyAt(ev.policy.policyDomain)}`);
      if (ev) {
        extra.push(ev.spfAligned ? t.dmarc.spfAligned(a.spf.evaluation?.domain ?? '') : t.dmarc.spfNotAligned);
        extra.push(ev.dkimAligned.length > 0 ? t.dmarc.dkimAligned(ev.dkimAligned.join(', ')) : t.dmarc.dkimNotAligned);
        if (ev.applied) extra.push(t.dmarc.applied(ev.applied));
        for (const advice of ev.advice) extra.push(`${t.dmarc.advice[advice]} ${guideUrl(DMARC_ADVICE_GUIDE[advice])}`);
      } else if (a.dmarc.reason) extra.push(t.dmarc.notRun[a.dmarc.reason]);
    }
    rows.push({ ...row, lines: [...(row.lines ?? []), ...extra] });
  }

  a.hops.hops.forEach((hop, i) => {
    const lines = [
      `${t.hops.from}${s}${[hop.helo !== hop.ip ? hop.helo : undefined, hop.rdns, hop.ip ? `[${hop.ip}]` : ''].filter(Boolean).join(' ') || '—'}`,
      `${t.hops.by}${s}${hop.by ?? '—'}`,
      `${t.hops.with}${s}${hop.protocol ?? '—'}, ${hop.tls === true ? t.hops.tls(hop.tlsVersion) : hop.tls === false ? t.hops.noTls : t.hops.tlsUnknown}`,
      ...(hop.date ? [`${t.hops.time}${s}${hopTime(hop.date)}`] : []),
      ...hop.flags.map((f) => t.hops.flags[f]),
    ];
    rows.push({ label: t.report.hop(i + 1), status: hop.delaySeconds === undefined ? '—' : `+${t.hops.duration(hop.delaySeconds)}`, lines });
  });

  const bounceTitle = (() => {
    const first = a.bounce?.recipients[0];
    return first ? describeBounce(first.explanation, t.bounce.texts).title : undefined;
  })();
  return {
    title: t.title,
    ranAt: args.ranAt,
    ...(args.resolvers ? { resolvers: args.resolvers } : {}),
    verdict: t.verdict.texts[a.verdict](verdictFacts(a, bounceTitle)),
    rows,
    notes: [t.verify.checkedNow],
  };
}
