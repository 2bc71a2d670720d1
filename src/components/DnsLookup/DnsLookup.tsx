// One DNS query shown like dig (/tools/lookup/). Presentation only: state in
// useDnsLookup.ts, DNS logic and the dig-like text in ~/core. The result element
// carries data-rcode (the answer's rcode) or data-error (a DohError code), and
// data-status as its badge shows it; "copy report" (ui/CopyReport) beside it.
import { useId, type FormEvent, type ReactNode } from 'react';
import { formatFlags, formatRecord, formatResponse, fqdn, type DnsResponse, type Resolver } from '~/core';
import { CopyButton } from '../ui/CopyButton';
import { CopyReport } from '../ui/CopyReport';
import { dohErrorText, rcodeText } from '../ui/dohText';
import type { Lang } from '~/core';
import { ResolverPicker } from '../ui/ResolverPicker';
import { StatusBadge } from '../ui/StatusBadge';
import { useResolvers } from '../ui/useResolvers';
import { lookupReport } from './report';
import { strings } from './strings';
import { LOOKUP_TIMEOUT_MS, LOOKUP_TYPES, useDnsLookup } from './useDnsLookup';
import '../ui/widget.css';
import './DnsLookup.css';
import { NameTypeFields, parseType } from '../ui/NameTypeFields';

export interface DnsLookupProps {
  lang: Lang;
  /** Record type to start with (default A). */
  type?: string;
}

function resolverLabel(resolvers: readonly Resolver[], id: string, lang: Lang): string {
  const r = resolvers.find((x) => x.id === id);
  return r ? `${r.name[lang]} (${r.url})` : id;
}

function Answer({
  response,
  resolvers,
  lang,
  fromIp,
  children,
}: {
  response: DnsResponse;
  resolvers: readonly Resolver[];
  lang: Lang;
  fromIp: string | undefined;
  /** More actions beside "copy as text" (the copy report button). */
  children?: ReactNode;
}) {
  const s = strings[lang];
  const flags = formatFlags(response);
  const resolver = resolverLabel(resolvers, response.resolverId, lang);
  const ok = response.rcode === 'NOERROR' && response.answers.length > 0;
  const text = formatResponse(response, { resolver });
  const status = ok ? 'ok' : response.rcode === 'NOERROR' || response.rcode === 'NXDOMAIN' ? 'warn' : 'error';
  return (
    <section className="mg-lookup-result" data-rcode={response.rcode} data-status={status}>
      {fromIp ? <p className="mg-hint">{s.ptrFromIp(fromIp, fqdn(response.name))}</p> : null}
      <p className="mg-lookup-summary">
        {/* The question with its answer, so the result says what was asked when the form is not there (printed). */}
        <StatusBadge lang={lang} status={status} label={response.rcode} />{' '}
        <code>
          {fqdn(response.name)} {response.type}
        </code>{' '}
        {rcodeText(response.rcode, response.answers.length, response.type, lang)}
      </p>
      <dl className="mg-lookup-meta">
        <div>
          <dt>{s.flags}</dt>
          <dd data-flags={flags.join(' ')}>
            {response.ad ? s.adYes : s.adNo}
            {response.tc ? `; ${s.tc}` : ''}
          </dd>
        </div>
        <div>
          <dt>{s.resolver}</dt>
          <dd data-resolver={response.resolverId}>{resolver}</dd>
        </div>
        <div>
          <dt>{s.time}</dt>
          <dd>{s.ms(response.elapsedMs)}</dd>
        </div>
      </dl>
      <p className="mg-lookup-heading">{s.answerSection}</p>
      <pre className="mg-pre" data-section="answer">
        {response.answers.length > 0 ? response.answers.map(formatRecord).join('\n') : s.noAnswer}
      </pre>
      {response.authority.length > 0 ? (
        <>
          <p className="mg-lookup-heading">{s.authoritySection}</p>
          <pre className="mg-pre" data-section="authority">
            {response.authority.map(formatRecord).join('\n')}
          </pre>
        </>
      ) : null}
      <div className="mg-actions">
        <CopyButton lang={lang} label={s.copy} text={text} />
        {children}
      </div>
    </section>
  );
}

export default function DnsLookup({ lang, type }: DnsLookupProps) {
  const s = strings[lang];
  const ids = useId();
  const resolverState = useResolvers(lang);
  const defaultType = parseType(type) ?? 'A';
  const l = useDnsLookup({
    resolvers: resolverState.resolvers,
    leader: resolverState.leader,
    defaultType,
    embedded: type !== undefined,
    ready: resolverState.ready,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    l.start(l.name, l.type);
  };
  const result = l.result;
  // The copy report of the result shown; on a guide page (type fixed) the name is not in the address, so the link adds it.
  const report =
    result && result.kind !== 'running' ? (
      <CopyReport
        lang={lang}
        report={() => lookupReport({ lang, s, result, resolvers: resolverState.resolvers, timeoutMs: LOOKUP_TIMEOUT_MS })}
        link={{
          params:
            type === undefined
              ? {}
              : { name: result.kind === 'answer' ? (result.fromIp ?? result.response.name) : result.name },
        }}
      />
    ) : null;

  return (
    <div className="mg-widget mg-lookup" data-widget="lookup">
      <form onSubmit={onSubmit} noValidate>
        <NameTypeFields
          ids={ids}
          name={l.name}
          setName={l.setName}
          type={l.type}
          setType={l.setType}
          types={LOOKUP_TYPES}
          labels={{ name: s.nameLabel, hint: s.nameHint, type: s.typeLabel }}
          error={l.inputError ? s.nameErrors[l.inputError] : ''}
        />
        <ResolverPicker lang={lang} state={resolverState} />
        <div className="mg-actions">
          <button type="submit" className="mg-primary" disabled={l.running}>
            {l.running ? s.looking : s.lookup}
          </button>
          {l.running ? (
            <button type="button" onClick={l.stop}>
              {s.stop}
            </button>
          ) : null}
        </div>
      </form>

      <div className="mg-lookup-output" aria-live="polite" aria-busy={l.running}>
        {result?.kind === 'answer' ? (
          <Answer response={result.response} resolvers={resolverState.resolvers} lang={lang} fromIp={result.fromIp}>
            {report}
          </Answer>
        ) : result?.kind === 'failed' ? (
          <section className="mg-lookup-result" data-status="error" data-error={result.error.code}>
            <p className="mg-lookup-summary">
              <StatusBadge lang={lang} status="error" /> {s.failed}
              {dohErrorText(result.error, lang, undefined, LOOKUP_TIMEOUT_MS)}
              {result.error.code !== 'aborted' && resolverState.resolvers.length > 1 ? ` ${s.triedAll}` : ''}
            </p>
            <p className="mg-hint">
              <code>
                {fqdn(result.name)} {result.type}
              </code>
              {result.error.resolverId
                ? ` — ${resolverLabel(resolverState.resolvers, result.error.resolverId, lang)}`
                : ''}
            </p>
            <div className="mg-actions">{report}</div>
          </section>
        ) : result?.kind === 'running' ? (
          <p className="mg-lookup-summary" data-status="pending">
            <StatusBadge lang={lang} status="pending" />{' '}
            <code>
              {fqdn(result.name)} {result.type}
            </code>
          </p>
        ) : null}
      </div>
    </div>
  );
}
