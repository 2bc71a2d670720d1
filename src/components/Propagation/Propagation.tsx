// One name and type asked of several resolvers side by side (/tools/propagation/).
// Presentation only: state in usePropagation.ts, DNS logic in ~/core. Markup
// contract (architecture §3): one element per resolver with data-resolver (its
// id) and data-status (pending, ok, differs, error); a verdict with data-verdict.
import { useId, type FormEvent } from 'react';
import { fqdn, formatRdata, RR_TYPES, type Comparison, type DnsRecord, type Resolver, type RRType } from '~/core';
import { dohErrorText, rcodeText } from '../ui/dohText';
import type { Lang } from '~/core';
import { ResolverPicker } from '../ui/ResolverPicker';
import { StatusBadge } from '../ui/StatusBadge';
import { useResolvers } from '../ui/useResolvers';
import { strings } from './strings';
import { PROPAGATION_TIMEOUT_MS, usePropagation, type Outcome, type PropagationRun } from './usePropagation';
import '../ui/widget.css';
import './Propagation.css';
import { NameTypeFields, parseType } from '../ui/NameTypeFields';

export interface PropagationProps {
  lang: Lang;
  /** Record type to start with (default MX). */
  type?: string;
  /** With ?domain=: ask about `<sub>.<domain>` (e.g. "mail"). */
  sub?: string;
}

type RowStatus = 'pending' | 'ok' | 'differs' | 'error';

function rowStatus(outcome: Outcome | undefined, comparison: Comparison | undefined, id: string): RowStatus {
  if (!outcome || outcome.kind === 'pending') return 'pending';
  if (outcome.kind === 'failed') return 'error';
  return comparison?.status[id] ?? 'pending';
}

function recordText(record: DnsRecord, asked: RRType): string {
  const data = formatRdata(record);
  return record.type === asked ? data : `${record.type} ${data}`;
}

function Verdict({ run, comparison, lang }: { run: PropagationRun; comparison: Comparison; lang: Lang }) {
  const t = strings[lang].verdict;
  const byId = new Map<string, Resolver>(run.resolvers.map((r) => [r.id, r]));
  const names = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)?.name[lang] ?? id).join(strings[lang].listSeparator);

  if (comparison.verdict === 'none') {
    const servfail = [...run.outcomes.values()].some((o) => o.kind === 'answer');
    return (
      <p className="mg-verdict" data-verdict={servfail ? 'servfail' : 'none'}>
        <StatusBadge lang={lang} status="error" /> {servfail ? t.servfail : t.none}
      </p>
    );
  }
  if (comparison.verdict === 'agree' || comparison.verdict === 'single') {
    const count = comparison.groups[0]?.ids.length ?? 0;
    return (
      <p className="mg-verdict" data-verdict={comparison.verdict}>
        {comparison.verdict === 'agree' ? (
          <StatusBadge lang={lang} status="ok" label={strings[lang].statusOk} />
        ) : (
          <StatusBadge lang={lang} status="warn" label={strings[lang].statusSingle} />
        )}{' '}
        {comparison.verdict === 'agree' ? t.agree(count) : t.single}
      </p>
    );
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
    regions[0] &&
    regions[1] &&
    [...regions[0], ...regions[1]].sort().join() === 'cn,global';
  return (
    <div className="mg-verdict" data-verdict="differ">
      <p>
        <StatusBadge lang={lang} status="differs" />{' '}
        {majority ? t.differMajority(majority.ids.length, names(odd)) : t.differTie}
      </p>
      {staleWithinSeconds !== undefined ? (
        <p>
          {majority ? t.stale(staleWithinSeconds) : t.staleTie(staleWithinSeconds)}
          {lang === 'zh' ? '' : ' '}
          {t.staleAfter}
        </p>
      ) : (
        <p>{t.dataDiffers}</p>
      )}
      {regionSplit ? <p>{t.regionSplit}</p> : null}
    </div>
  );
}

function ResolverRow({
  resolver,
  outcome,
  status,
  run,
  lang,
}: {
  resolver: Resolver;
  outcome: Outcome | undefined;
  status: RowStatus;
  run: PropagationRun;
  lang: Lang;
}) {
  const s = strings[lang];
  const host = (() => {
    try {
      return new URL(resolver.url).host;
    } catch {
      return resolver.url;
    }
  })();
  const badge =
    status === 'pending' && outcome?.kind === 'answer' ? (
      <StatusBadge lang={lang} status="pending" label={s.statusAnswered} />
    ) : status === 'ok' ? (
      <StatusBadge lang={lang} status="ok" label={s.statusOk} />
    ) : status === 'error' ? (
      <StatusBadge lang={lang} status="error" label={s.statusError} />
    ) : (
      <StatusBadge lang={lang} status={status} />
    );
  return (
    <li className="mg-prop-row" data-resolver={resolver.id} data-status={status}>
      <div className="mg-prop-head">
        <span className="mg-prop-name">
          <strong>{resolver.name[lang]}</strong> <span className="mg-hint">{host}</span>
        </span>
        {badge}
      </div>
      {outcome?.kind === 'answer' ? (
        <>
          {outcome.response.answers.length > 0 ? (
            <ul className="mg-prop-answers" aria-label={s.answers}>
              {outcome.response.answers.map((r, i) => (
                <li key={i}>
                  <code>{recordText(r, run.type)}</code>{' '}
                  <span className="mg-hint">
                    {s.ttl} {s.seconds(r.ttl)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mg-prop-empty">{outcome.response.rcode === 'NOERROR' ? s.noRecords(run.type) : null}</p>
          )}
          {outcome.response.rcode !== 'NOERROR' ? (
            <p className="mg-prop-rcode">
              {rcodeText(outcome.response.rcode, outcome.response.answers.length, run.type, lang)}
            </p>
          ) : null}
          <dl className="mg-prop-meta">
            <div>
              <dt>{s.rcode}</dt>
              <dd data-rcode={outcome.response.rcode}>{outcome.response.rcode}</dd>
            </div>
            <div>
              <dt>{s.ad}</dt>
              <dd data-ad={outcome.response.ad}>{outcome.response.ad ? s.adYes : s.adNo}</dd>
            </div>
            <div>
              <dt>{s.time}</dt>
              <dd>{s.ms(outcome.response.elapsedMs)}</dd>
            </div>
          </dl>
        </>
      ) : outcome?.kind === 'failed' ? (
        <p className="mg-prop-error" data-error={outcome.error.code}>
          {dohErrorText(outcome.error, lang, resolver, PROPAGATION_TIMEOUT_MS)}
        </p>
      ) : null}
    </li>
  );
}

export default function Propagation({ lang, type, sub }: PropagationProps) {
  const s = strings[lang];
  const ids = useId();
  const resolverState = useResolvers(lang);
  const defaultType = parseType(type) ?? 'MX';
  const p = usePropagation({
    resolvers: resolverState.resolvers,
    defaultType,
    embedded: type !== undefined || sub !== undefined,
    sub: sub?.trim() || undefined,
    ready: resolverState.ready,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    p.start(p.name, p.type);
  };
  const run = p.run;

  return (
    <div className="mg-widget mg-propagation" data-widget="propagation">
      <form onSubmit={onSubmit} noValidate>
        <NameTypeFields
          ids={ids}
          name={p.name}
          setName={p.setName}
          type={p.type}
          setType={p.setType}
          types={RR_TYPES}
          labels={{ name: s.nameLabel, hint: s.nameHint, type: s.typeLabel }}
          error={p.inputError ? s.nameErrors[p.inputError] : ''}
        />
        <ResolverPicker lang={lang} state={resolverState} showOrder={false} />
        <div className="mg-actions">
          <button type="submit" className="mg-primary" disabled={p.running}>
            {p.running ? s.checking : s.check}
          </button>
          {p.running ? (
            <button type="button" onClick={p.stop}>
              {s.stop}
            </button>
          ) : null}
        </div>
      </form>

      <div className="mg-prop-results" aria-live="polite" aria-busy={p.running}>
        {run ? (
          <>
            <p className="mg-prop-heading">
              <strong>{s.resultsHeading(fqdn(run.name), run.type)}</strong>
            </p>
            {run.done && p.comparison ? <Verdict run={run} comparison={p.comparison} lang={lang} /> : null}
            <ul className="mg-prop-list">
              {run.resolvers.map((r) => {
                const outcome = run.outcomes.get(r.id);
                return (
                  <ResolverRow
                    key={r.id}
                    resolver={r}
                    outcome={outcome}
                    status={rowStatus(outcome, p.comparison, r.id)}
                    run={run}
                    lang={lang}
                  />
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
