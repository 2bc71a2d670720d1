// What the comparison says, in words, for the view (Propagation.tsx) and the
// copied report (report.ts) alike: each resolver's status and badge, the
// verdict's paragraphs, and a record as a row shows it. No React.
import { formatRdata, type Comparison, type DnsRecord, type Lang, type Resolver, type RRType } from '~/core';
import type { BadgeStatus } from '../ui/StatusBadge';
import { strings } from './strings';
import type { Outcome, PropagationRun } from './usePropagation';

export type RowStatus = 'pending' | 'ok' | 'differs' | 'error';

export function rowStatus(outcome: Outcome | undefined, comparison: Comparison | undefined, id: string): RowStatus {
  if (!outcome || outcome.kind === 'pending') return 'pending';
  if (outcome.kind === 'failed') return 'error';
  return comparison?.status[id] ?? 'pending';
}

/** A row's badge: its colour and symbol, and the word when it is not the shared one. */
export function rowBadge(status: RowStatus, outcome: Outcome | undefined, lang: Lang): { status: BadgeStatus; label?: string } {
  const s = strings[lang];
  if (status === 'pending' && outcome?.kind === 'answer') return { status: 'pending', label: s.statusAnswered };
  if (status === 'ok') return { status: 'ok', label: s.statusOk };
  if (status === 'error') return { status: 'error', label: s.statusError };
  return { status };
}

/** A record as its row lists it: the type is named only when it is not the one asked for (a CNAME). */
export function recordText(record: DnsRecord, asked: RRType): string {
  const data = formatRdata(record);
  return record.type === asked ? data : `${record.type} ${data}`;
}

export interface VerdictView {
  /** data-verdict. */
  readonly kind: 'servfail' | 'none' | 'agree' | 'single' | 'differ';
  readonly badge: { readonly status: BadgeStatus; readonly label?: string };
  /** The first goes beside the badge. */
  readonly paragraphs: readonly string[];
}

export function verdictOf(run: PropagationRun, comparison: Comparison, lang: Lang): VerdictView {
  const s = strings[lang];
  const t = s.verdict;
  const byId = new Map<string, Resolver>(run.resolvers.map((r) => [r.id, r]));
  const names = (ids: readonly string[]) => ids.map((id) => byId.get(id)?.name[lang] ?? id).join(s.listSeparator);

  if (comparison.verdict === 'none') {
    const servfail = [...run.outcomes.values()].some((o) => o.kind === 'answer');
    return { kind: servfail ? 'servfail' : 'none', badge: { status: 'error' }, paragraphs: [servfail ? t.servfail : t.none] };
  }
  if (comparison.verdict === 'agree') {
    return { kind: 'agree', badge: { status: 'ok', label: s.statusOk }, paragraphs: [t.agree(comparison.groups[0]?.ids.length ?? 0)] };
  }
  if (comparison.verdict === 'single') {
    return { kind: 'single', badge: { status: 'warn', label: s.statusSingle }, paragraphs: [t.single] };
  }
  const { majority, groups } = comparison;
  // With a majority: when the odd answers expire. Without one: when any of them does.
  const tieTimes = groups.map((g) => g.cacheSeconds);
  const staleWithinSeconds = majority
    ? comparison.staleWithinSeconds
    : tieTimes.every((x): x is number => x !== undefined)
      ? Math.max(...tieTimes)
      : undefined;
  const odd = groups.filter((g) => g !== majority).flatMap((g) => g.ids);
  // Two groups that split exactly along China / outside China point at per-region records.
  const regions = groups.map((g) => new Set(g.ids.map((id) => byId.get(id)?.region)));
  const regionSplit =
    groups.length === 2 &&
    regions.every((r) => r.size === 1) &&
    regions[0] !== undefined &&
    regions[1] !== undefined &&
    [...regions[0], ...regions[1]].sort().join() === 'cn,global';
  const paragraphs = [
    majority ? t.differMajority(majority.ids.length, names(odd)) : t.differTie,
    staleWithinSeconds !== undefined
      ? `${majority ? t.stale(staleWithinSeconds) : t.staleTie(staleWithinSeconds)}${lang === 'zh' ? '' : ' '}${t.staleAfter}`
      : t.dataDiffers,
    ...(regionSplit ? [t.regionSplit] : []),
  ];
  return { kind: 'differ', badge: { status: 'differs' }, paragraphs };
}
