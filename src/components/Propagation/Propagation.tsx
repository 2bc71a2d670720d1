// One name and type asked of several resolvers side by side (/tools/propagation/).
// Presentation only: state in usePropagation.ts, DNS logic in ~/core. Markup
// contract (architecture §3): one element per resolver with data-resolver (its
// id) and data-status (pending, ok, differs, error); a verdict with data-verdict.
import { useId, type FormEvent } from 'react';
import { fqdn, RR_TYPES, type Resolver } from '~/core';
import { CopyReport } from '../ui/CopyReport';
import { dohErrorText, rcodeText } from '../ui/dohText';
import type { Lang } from '~/core';
import { ResolverPicker } from '../ui/ResolverPicker';
import { StatusBadge } from '../ui/StatusBadge';
import { useResolvers } from '../ui/useResolvers';
import { recordText, rowBadge, rowStatus, verdictOf, type RowStatus, type VerdictView } from './present';
import { propagationReport } from './report';
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

/**
 * The verdict, above the rows: badge and first sentence in a slot that is there from the start
 * of the run (a line saying the resolvers are being asked until then), so the verdict arriving
 * moves nothing; what to do about answers that differ follows the rows (`VerdictAdvice`).
 */
function Verdict({ view, lang }: { view: VerdictView | undefined; lang: Lang }) {
  return (
    <div className="mg-verdict-slot">
      {view ? (
        <p className="mg-verdict" data-verdict={view.kind}>
          <StatusBadge lang={lang} status={view.badge.status} {...(view.badge.label ? { label: view.badge.label } : {})} />{' '}
          {view.paragraphs[0]}
        </p>
      ) : (
        <p className="mg-verdict">
          <StatusBadge lang={lang} status="pending" />
        </p>
      )}
    </div>
  );
}

function VerdictAdvice({ view }: { view: VerdictView | undefined }) {
  const rest = view?.paragraphs.slice(1) ?? [];
  if (!rest.length) return null;
  return (
    <div className="mg-verdict-advice">
      {rest.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
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
  const b = rowBadge(status, outcome, lang);
  const badge = <StatusBadge lang={lang} status={b.status} {...(b.label ? { label: b.label } : {})} />;
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
  const verdict = run?.done && p.comparison ? verdictOf(run, p.comparison, lang) : undefined;

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
            <Verdict view={verdict} lang={lang} />
            <div className="mg-actions">
              <CopyReport
                lang={lang}
                disabled={!run.done || !p.comparison}
                // On a guide page (type fixed) the name asked is not written into the address: the link adds it.
                link={{ params: type !== undefined && sub === undefined ? { name: run.name } : {} }}
                report={() =>
                  p.comparison
                    ? propagationReport({ lang, run, comparison: p.comparison, timeoutMs: PROPAGATION_TIMEOUT_MS })
                    : { title: s.reportTitle(s.resultsHeading(fqdn(run.name), run.type)), ranAt: undefined, rows: [] }
                }
              />
            </div>
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
            <VerdictAdvice view={verdict} />
          </>
        ) : null}
      </div>
    </div>
  );
}
