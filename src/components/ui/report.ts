/**
 * The plain-text report a tool's "copy report" button puts on the clipboard,
 * for a support ticket — one format for every tool: in the page's language,
 * the page link with the parameters that reproduce the result (opening it
 * shows the same check; never text from a message or a report), when it ran
 * (ISO 8601 with the visitor's offset), the resolvers asked and which
 * answered, then each row's status and finding text. No React.
 */
import type { Lang, Resolver } from '~/core';
import { uiStrings } from './strings';
import { URL_PARAMS, type UrlPatch } from './urlParams';

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
  /** The page address with its parameters (reportLink). */
  readonly url: string;
  /** When the results arrived (ms since epoch). */
  readonly ranAt: number | undefined;
  /** The resolvers asked, in order, and the ones whose answers were used (reportResolvers). */
  readonly resolvers?: { readonly asked: readonly string[]; readonly answered: readonly string[] };
  /** The overall verdict in words. */
  readonly verdict?: string;
  readonly rows: readonly ReportRow[];
  /** Anything else the tool adds at the end (what a browser cannot check, …). */
  readonly notes?: readonly string[];
}

/** What a tool's report builder returns: everything but what CopyReport adds at click time. */
export type ReportBody = Omit<ReportInput, 'lang' | 'url'>;

/**
 * "2026-11-30T14:05:09+08:00": ISO 8601 in the visitor's local time with its
 * offset, so both ends of a ticket read the same moment. `offsetMinutes` is
 * east of UTC (the browser's is -getTimezoneOffset()); given, for tests.
 */
export function reportTime(ms: number, offsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The link a report carries. `params`: the page address keeping only the tool
 * parameters (architecture §3: domain, name, type, ip, resolver …; nothing
 * else of the address, no fragment), with `patch` applied — what a tool knows
 * reproduces its result when the address does not say it (a widget embedded
 * in a guide page does not write its form into the address). `bare`: the page
 * alone, for the tools whose input is private (a message, report files).
 */
export function reportLink(href: string, mode: 'params' | 'bare', patch: UrlPatch = {}): string {
  const from = new URL(href);
  const out = new URL(from.pathname, from.origin);
  if (mode === 'bare') return out.href;
  for (const key of URL_PARAMS) {
    const value = key in patch ? patch[key] : from.searchParams.get(key)?.trim();
    if (value) out.searchParams.set(key, value);
  }
  return out.href;
}

/** A resolver as a report names it: a custom one with its address, so the ticket says which. */
export function resolverText(r: Pick<Resolver, 'id' | 'name' | 'url'>, lang: Lang): string {
  if (r.id !== 'custom') return r.name[lang];
  const { open, close } = uiStrings[lang].report;
  return `${r.name[lang]}${open}${r.url}${close}`;
}

/** The resolvers line: those asked, in order, and those whose answers were used (by id). */
export function reportResolvers(
  asked: readonly Pick<Resolver, 'id' | 'name' | 'url'>[],
  answeredIds: Iterable<string>,
  lang: Lang,
): NonNullable<ReportInput['resolvers']> {
  const byId = new Map<string, Pick<Resolver, 'id' | 'name' | 'url'>>(asked.map((r) => [r.id, r]));
  const name = (id: string): string => {
    const r = byId.get(id);
    return r ? resolverText(r, lang) : id;
  };
  return { asked: asked.map((r) => resolverText(r, lang)), answered: [...new Set(answeredIds)].map(name) };
}

export function formatReport(input: ReportInput): string {
  // The page's language only (ui/strings: one file per language).
  const w = uiStrings[input.lang].report;
  const { sep } = w;
  const out: string[] = [input.title, `${w.link}${sep}${input.url}`, `${w.ran}${sep}${input.ranAt === undefined ? w.notRun : reportTime(input.ranAt)}`];
  if (input.resolvers) {
    const answered = input.resolvers.answered.length > 0 ? input.resolvers.answered.join(', ') : w.none;
    out.push(`${w.asked}${sep}${input.resolvers.asked.join(' → ')}${w.open}${w.answered}${sep}${answered}${w.close}`);
  }
  if (input.verdict) out.push(`${w.verdict}${sep}${input.verdict}`);
  for (const row of input.rows) {
    out.push('', `[${row.status}] ${row.label}`);
    // A line that holds line breaks (a multi-line finding) stays indented under its row.
    for (const line of row.lines ?? []) out.push(`  - ${line.replace(/\r?\n/g, '\n    ')}`);
  }
  if (input.notes && input.notes.length > 0) out.push('', ...input.notes);
  return `${out.join('\n')}\n`;
}
