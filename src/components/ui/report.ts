/**
 * The plain-text report a tool's "copy report" button puts on the clipboard,
 * for a support ticket: in the page's language, the page link with its
 * parameters (opening it shows the same check), when it ran, the resolvers
 * asked and which answered, then each row's status and finding text. No React.
 */
import type { Lang } from '~/core';

export interface ReportRow {
  /** What the row is about ("MX（收信）", "SPF result for 192.0.2.1"). */
  readonly label: string;
  /** The status in words, as the page shows it. */
  readonly status: string;
  /** The observed values and each finding's text, one per line. */
  readonly lines?: readonly string[];
}

export interface ReportInput {
  readonly lang: Lang;
  /** The tool, as the page title names it. */
  readonly title: string;
  /** The page address with its parameters. */
  readonly url: string;
  /** When the results arrived (ms since epoch). */
  readonly ranAt: number | undefined;
  /** The resolvers asked, in order, and the ones whose answers were used. */
  readonly resolvers?: { readonly asked: readonly string[]; readonly answered: readonly string[] };
  /** The overall verdict in words. */
  readonly verdict?: string;
  readonly rows: readonly ReportRow[];
  /** Anything else the tool adds at the end (what a browser cannot check, …). */
  readonly notes?: readonly string[];
}

const WORDS = {
  zh: { link: '链接', ran: '检查时间', notRun: '尚未检查', asked: '查询的解析服务器', answered: '给出答复的', verdict: '结论', none: '无' },
  en: { link: 'Link', ran: 'Checked at', notRun: 'not checked yet', asked: 'Resolvers asked', answered: 'answered by', verdict: 'Verdict', none: 'none' },
} as const;

/** "2026-11-30 14:05:09 UTC+8": the local time with its offset, readable on both ends of a ticket. */
export function reportTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const zone = `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}

export function formatReport(input: ReportInput): string {
  const w = WORDS[input.lang];
  const sep = input.lang === 'zh' ? '：' : ': ';
  const out: string[] = [input.title, `${w.link}${sep}${input.url}`, `${w.ran}${sep}${input.ranAt === undefined ? w.notRun : reportTime(input.ranAt)}`];
  if (input.resolvers) {
    const answered = input.resolvers.answered.length > 0 ? input.resolvers.answered.join(', ') : w.none;
    const [open, close] = input.lang === 'zh' ? ['（', '）'] : [' (', ')'];
    out.push(`${w.asked}${sep}${input.resolvers.asked.join(' → ')}${open}${w.answered}${sep}${answered}${close}`);
  }
  if (input.verdict) out.push(`${w.verdict}${sep}${input.verdict}`);
  for (const row of input.rows) {
    out.push('', `[${row.status}] ${row.label}`);
    for (const line of row.lines ?? []) out.push(`  - ${line}`);
  }
  if (input.notes && input.notes.length > 0) out.push('', ...input.notes);
  return `${out.join('\n')}\n`;
}
