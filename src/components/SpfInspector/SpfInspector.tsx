// SPF tool. The expansion: the include/redirect tree as nested lists (native
// <details>, so it expands by keyboard), the lookup count against 10 and void
// lookups against 2 (RFC 7208 §4.6.4), loops, syntax errors pointed at the
// term, the address ranges each branch authorises, and a verdict with the fix.
// The IP test: would mail from this IP pass SPF — the result in words, what it
// means for delivery, the exp= explanation, and the trail (each term evaluated
// in each record, includes nested, the terms and void lookups counted, every
// DNS lookup used).
// Markup contract: data-spf-lookups (total count) and data-status (verdict) on
// the expansion; data-spf-result on the IP test (architecture §3: `pending`
// until the RFC result word is known); data-copy-report on the "copy report"
// button (ui/CopyReport), enabled once the run has ended. DNS text is rendered
// as text only.
import { useId, type FormEvent, type ReactElement } from 'react';
import {
  domainErrorMessage,
  spfDecidingPath,
  SPF_DNS_TERM_LIMIT,
  SPF_LOOKUP_LIMIT,
  SPF_VOID_LIMIT,
  SPF_VOID_LOOKUP_LIMIT,
  truncateForDisplay,
  type Lang,
  type Messages,
  type SpfEvaluation,
  type SpfLookup,
  type SpfNode,
  type SpfResult,
  type SpfTermInfo,
  type SpfTrailRecord,
  type SpfTrailTerm,
} from '~/core';
import { CopyReport } from '../ui/CopyReport';
import { FindingList } from '../ui/FindingList';
import { loadedMessages } from '../ui/messages';
import { useMessages } from '../ui/useMessages';
import { ResolverPicker } from '../ui/ResolverPicker';
import { StatusBadge, type BadgeStatus } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { useResolvers } from '../ui/useResolvers';
import { heloErrorText, ipErrorText, lookupData, lookupOutcomeText, problemText, senderErrorText } from './describe';
import type { SpfTest } from './form';
import { spfReport } from './report';
import { strings } from './strings';
import { useSpfInspector, type SpfTestState } from './useSpfInspector';
import '../ui/widget.css';
import './SpfInspector.css';

export interface SpfInspectorProps {
  lang: Lang;
  base: string;
}

/** How each result is badged: colour, symbol and word together. */
const BADGE: Record<SpfResult, BadgeStatus> = {
  pass: 'ok',
  fail: 'fail',
  permerror: 'fail',
  softfail: 'warn',
  neutral: 'warn',
  none: 'warn',
  temperror: 'error',
};

/** Record text from DNS, shown whole up to this many characters. */
const RECORD_MAX = 2000;
const TERM_MAX = 200;

export default function SpfInspector({ lang, base }: SpfInspectorProps) {
  const t = strings[lang];
  const id = useId();
  const resolverState = useResolvers(lang);
  const s = useSpfInspector(resolverState.resolvers, resolverState.ready, resolverState.leader);
  const { errors } = s.checked;
  const messages = useMessages(lang, errors.domain !== undefined || errors.sender !== undefined || errors.helo !== undefined || s.testState.kind !== 'idle');
  const domainError = errors.domain && messages ? domainErrorMessage(errors.domain, messages) : '';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    s.run();
  };
  const done = s.state.kind === 'done' ? s.state : undefined;
  const wantsTest = s.form.ip.trim() !== '';
  // The domain the MAIL FROM hint names: the one typed, as typed.
  const hintDomain = truncateForDisplay(s.form.domain.trim(), 60);

  return (
    <div className="mg-widget mg-spf" data-widget="spf-inspector">
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={`${id}-domain`}
          label={t.domain}
          hint={t.hint}
          error={domainError}
          autoCapitalize="off"
          maxLength={2048}
          value={s.form.domain}
          onValue={s.setField('domain')}
        />
        <fieldset className="mg-fieldset mg-spf-test-fields">
          <legend>{t.testLegend}</legend>
          <p className="mg-hint">{t.testIntro}</p>
          <TextField
            id={`${id}-ip`}
            label={t.ip}
            hint={t.ipHint}
            error={errors.ip ? ipErrorText(errors.ip, lang) : ''}
            autoCapitalize="off"
            maxLength={100}
            value={s.form.ip}
            onValue={s.setField('ip')}
          />
          <div className="mg-row">
            <TextField
              id={`${id}-sender`}
              label={t.sender}
              hint={t.senderHint(hintDomain)}
              error={errors.sender ? senderErrorText(errors.sender, lang, messages) : ''}
              autoCapitalize="off"
              maxLength={2048}
              value={s.form.sender}
              onValue={s.setField('sender')}
            />
            <TextField
              id={`${id}-helo`}
              label={t.helo}
              hint={t.heloHint}
              error={errors.helo ? heloErrorText(errors.helo, lang, messages) : ''}
              autoCapitalize="off"
              maxLength={2048}
              value={s.form.helo}
              onValue={s.setField('helo')}
            />
          </div>
        </fieldset>
        <ResolverPicker lang={lang} state={resolverState} />
        <div className="mg-actions">
          <button type="submit" className="mg-primary" disabled={!s.checked.run || s.running}>
            {s.running ? t.running : wantsTest ? t.runTest : t.run}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="mg-status" role="status">
        {done ? t.summary(done.domain, done.expansion.lookupCount, done.expansion.voidCount, done.ms) : ''}
      </div>
      <div aria-live="polite" className="mg-status" role="status">
        {s.testState.kind === 'done'
          ? t.testAnnounce(s.testState.test.ip, s.testState.evaluation.domain, t.results[s.testState.evaluation.result].title)
          : ''}
      </div>

      {done || s.running ? (
        <div className="mg-actions">
          <CopyReport
            lang={lang}
            disabled={!done || s.running}
            report={() =>
              done
                ? spfReport({ lang, state: done, testState: s.testState, ended: s.ended, resolvers: resolverState.resolvers, messages: loadedMessages(lang) })
                : { title: '', ranAt: undefined, rows: [] }
            }
          />
        </div>
      ) : null}

      {s.testState.kind === 'idle' ? null : <TestView state={s.testState} lang={lang} messages={messages} />}

      {s.state.kind === 'running' ? (
        <div data-status="pending" data-spf-lookups="">
          <StatusBadge lang={lang} status="pending" />
        </div>
      ) : null}

      {done ? (
        <section
          className="mg-spf-result"
          data-status={done.verdict.status}
          data-spf-lookups={done.expansion.lookupCount}
          data-spf-voids={done.expansion.voidCount}
          aria-label={done.domain}
        >
          <div className="mg-spf-counters">
            <StatusBadge lang={lang} status={done.verdict.status} />
            <Counter
              label={t.lookups}
              value={done.expansion.lookupCount}
              limit={SPF_LOOKUP_LIMIT}
              limitText={t.limit(SPF_LOOKUP_LIMIT)}
            />
            <Counter
              label={t.voids}
              value={done.expansion.voidCount}
              limit={SPF_VOID_LIMIT}
              limitText={t.limit(SPF_VOID_LIMIT)}
            />
          </div>
          {done.verdict.findings.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <FindingList findings={done.verdict.findings} lang={lang} base={base} />
          )}
          {done.expansion.truncated ? <p className="mg-notice mg-notice-warn">{t.truncated}</p> : null}
          {/* Not a heading: the widget sits at different heading levels on different pages. */}
          <p id={`${id}-tree`} className="mg-spf-tree-title">
            {t.tree}
          </p>
          <ul className="mg-spf-tree" aria-labelledby={`${id}-tree`}>
            <NodeView node={done.expansion.root} lang={lang} open />
          </ul>
        </section>
      ) : null}
    </div>
  );
}

// ─── the IP test ───

function IdentityLine({ test, lang }: { test: SpfTest; lang: Lang }) {
  const t = strings[lang];
  return <p>{t.identity[test.identity](test.domain, truncateForDisplay(test.mailFrom, 120))}</p>;
}

function TestView({ state, lang, messages }: { state: Exclude<SpfTestState, { kind: 'idle' }>; lang: Lang; messages: Messages | undefined }) {
  const t = strings[lang];
  const id = useId();
  const { test } = state;
  const title = (
    <p id={`${id}-title`} className="mg-spf-tree-title">
      {t.testTitle(test.ip)}
    </p>
  );
  if (state.kind !== 'done') {
    return (
      <section className="mg-spf-test" data-spf-result={state.kind === 'running' ? 'pending' : undefined} aria-labelledby={`${id}-title`}>
        {title}
        <IdentityLine test={test} lang={lang} />
        {state.kind === 'running' ? (
          <p>
            <StatusBadge lang={lang} status="pending" /> {t.testing(test.ip, truncateForDisplay(test.mailFrom, 120))}
          </p>
        ) : (
          <p className="mg-error">{t.testFailed}</p>
        )}
      </section>
    );
  }
  const { evaluation } = state;
  const { result, trail } = evaluation;
  const words = t.results[result];
  return (
    <section
      className="mg-spf-test"
      data-spf-result={result}
      data-spf-dns-terms={trail.dnsTerms}
      data-spf-void-lookups={trail.voidLookups}
      aria-labelledby={`${id}-title`}
    >
      {title}
      <IdentityLine test={test} lang={lang} />
      <p className="mg-spf-verdict">
        <StatusBadge lang={lang} status={BADGE[result]} label={words.title} />
      </p>
      <p>{words.meaning(test.ip, evaluation.domain)}</p>
      {evaluation.explanation !== undefined ? (
        <div className="mg-spf-explanation">
          <p>{t.explanation}</p>
          <blockquote>
            <p data-spf-explanation="">{truncateForDisplay(evaluation.explanation, 1000)}</p>
          </blockquote>
        </div>
      ) : null}
      <Decision evaluation={evaluation} lang={lang} messages={messages} />
      <div className="mg-spf-counters">
        <Counter label={t.dnsTerms} value={trail.dnsTerms} limit={SPF_DNS_TERM_LIMIT} limitText={t.limit(SPF_DNS_TERM_LIMIT)} />
        <Counter label={t.voidLookups} value={trail.voidLookups} limit={SPF_VOID_LOOKUP_LIMIT} limitText={t.limit(SPF_VOID_LOOKUP_LIMIT)} />
      </div>
      {trail.root ? (
        <>
          <p id={`${id}-trail`} className="mg-spf-tree-title">
            {t.trail}
          </p>
          <p className="mg-hint">{t.trailHint}</p>
          <ul className="mg-spf-tree" aria-labelledby={`${id}-trail`}>
            <TrailRecordView record={trail.root} lookups={trail.lookups} lang={lang} />
          </ul>
        </>
      ) : null}
      {trail.lookups.length > 0 ? <LookupTable lookups={trail.lookups} sent={trail.queriesSent} lang={lang} /> : null}
    </section>
  );
}

/** Which term decided, through which includes; or why there was no result. */
function Decision({ evaluation, lang, messages }: { evaluation: SpfEvaluation; lang: Lang; messages: Messages | undefined }) {
  const t = strings[lang];
  const { trail } = evaluation;
  const path = spfDecidingPath(trail.root);
  const last = path[path.length - 1];
  const lines: ReactElement[] = [];
  if (last && (last.term.outcome === 'match' || !trail.problem)) {
    lines.push(
      <p key="decided">
        {t.decidedBy(truncateForDisplay(last.term.term, TERM_MAX), truncateForDisplay(last.record.domain, TERM_MAX))}
        {path.length > 1 ? (
          <>
            {' '}
            {t.reachedVia}
            {path.map((step, i) => (
              <span key={i}>
                {i > 0 ? ' → ' : ''}
                <code>{truncateForDisplay(step.term.term, TERM_MAX)}</code>
              </span>
            ))}
          </>
        ) : null}
      </p>,
    );
  } else if (evaluation.result === 'neutral' && !trail.problem) {
    lines.push(<p key="nomatch">{t.noMatch}</p>);
  }
  if (trail.problem) {
    lines.push(
      <p key="why" data-spf-problem={trail.problem.code}>
        {t.why}
        {problemText(trail.problem, trail.lookups, lang, messages)}
      </p>,
    );
  }
  return <>{lines}</>;
}

function TrailRecordView({ record, lookups, lang }: { record: SpfTrailRecord; lookups: readonly SpfLookup[]; lang: Lang }) {
  const t = strings[lang];
  return (
    <li data-spf-trail-record={record.domain} data-spf-record-result={record.result}>
      <details open>
        <summary>
          <code>{truncateForDisplay(record.domain, TERM_MAX)}</code>{' '}
          <span className="mg-hint">
            ({t.via[record.via]} · {t.recordResult(record.result)})
          </span>
        </summary>
        {record.record !== undefined ? (
          <p>
            <code className="mg-value">{truncateForDisplay(record.record, RECORD_MAX)}</code>
          </p>
        ) : (
          <p className="mg-hint">{t.noRecordHere[record.result === 'temperror' || record.result === 'permerror' ? record.result : 'none']}</p>
        )}
        {record.terms.length > 0 ? (
          <ul>
            {record.terms.map((term, i) => (
              <TrailTermView key={i} term={term} lookups={lookups} lang={lang} />
            ))}
          </ul>
        ) : null}
      </details>
    </li>
  );
}

function TrailTermView({ term, lookups, lang }: { term: SpfTrailTerm; lookups: readonly SpfLookup[]; lang: Lang }) {
  const t = strings[lang];
  const notes: string[] = [];
  if (term.target !== undefined && !term.term.includes(term.target)) notes.push(`→ ${truncateForDisplay(term.target, TERM_MAX)}`);
  if (term.dnsTerm !== undefined) notes.push(t.dnsTermCount(term.dnsTerm, SPF_DNS_TERM_LIMIT));
  if (term.voidLookup !== undefined) notes.push(t.voidCount(term.voidLookup, SPF_VOID_LOOKUP_LIMIT));
  for (const index of term.lookups) {
    const l = lookups[index];
    if (l) notes.push(`${truncateForDisplay(l.name, TERM_MAX)} ${l.type}: ${lookupOutcomeText(l, lang)}`);
  }
  const outcomeClass = term.outcome === 'match' ? 'mg-spf-match' : term.outcome === 'no-match' ? '' : 'mg-spf-flag';
  return (
    <li data-spf-trail-term={term.term} data-spf-term-outcome={term.outcome}>
      <code>{truncateForDisplay(term.term, TERM_MAX)}</code>{' '}
      <span className={outcomeClass || undefined}>{t.termOutcomes[term.outcome]}</span>
      {notes.length > 0 ? <span className="mg-hint"> · {notes.join(' · ')}</span> : null}
      {term.child ? (
        <ul>
          <TrailRecordView record={term.child} lookups={lookups} lang={lang} />
        </ul>
      ) : null}
    </li>
  );
}

function LookupTable({ lookups, sent, lang }: { lookups: readonly SpfLookup[]; sent: number; lang: Lang }) {
  const t = strings[lang];
  return (
    <table className="mg-spf-lookups">
      <caption>{t.lookupsCaption(lookups.length, sent)}</caption>
      <thead>
        <tr>
          <th scope="col" className="mg-spf-col-n">
            #
          </th>
          <th scope="col">{t.cols.name}</th>
          <th scope="col">{t.cols.purpose}</th>
          <th scope="col">{t.cols.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {lookups.map((l, i) => {
          const { items, more } = lookupData(l);
          return (
            <tr key={i} data-spf-lookup={`${l.name} ${l.type}`} data-outcome={l.outcome}>
              <td>{i + 1}</td>
              <td>
                <code>{truncateForDisplay(l.name, TERM_MAX)}</code> {l.type}
              </td>
              <td>{t.purposes[l.purpose]}</td>
              <td>
                {lookupOutcomeText(l, lang)}
                {items.length > 0 ? (
                  <ul className="mg-values">
                    {items.map((d, k) => (
                      <li key={k}>
                        <code>{d}</code>
                      </li>
                    ))}
                    {more > 0 ? <li className="mg-hint">{t.more(more)}</li> : null}
                  </ul>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// ─── the expansion ───

function Counter(props: { label: string; value: number; limit: number; limitText: string }) {
  const over = props.value > props.limit;
  return (
    <span className={`mg-spf-counter${over ? ' mg-over' : ''}`}>
      {props.label}: <strong>{props.value}</strong> / {props.limitText}
    </span>
  );
}

function NodeView({ node, lang, open = false }: { node: SpfNode; lang: Lang; open?: boolean }) {
  const t = strings[lang];
  const status = node.status === 'ok' ? '' : t.statuses[node.status];
  const ranges = [...node.ip4, ...node.ip6];
  return (
    <li data-spf-node={node.domain} data-spf-node-status={node.status}>
      <details open={open}>
        <summary>
          <code>{node.domain}</code>{' '}
          <span className="mg-hint">
            ({node.via}
            {node.lookups > 0 ? ` · ${t.lookups} ${node.lookups}` : ''}
            {node.voids > 0 ? ` · ${t.voids} ${node.voids}` : ''})
          </span>
          {status ? <span className="mg-spf-flag"> {status}</span> : null}
        </summary>
        {node.record !== undefined ? (
          <p>
            <RecordText node={node} />
          </p>
        ) : null}
        {ranges.length > 0 ? (
          <p className="mg-hint">
            {t.authorised}: {ranges.slice(0, 50).join(', ')}
            {ranges.length > 50 ? ` … (+${ranges.length - 50})` : ''}
          </p>
        ) : null}
        {node.terms.some((term) => term.lookups > 0 || term.child) ? (
          <ul>
            {node.terms.map((term, i) => (
              <TermView key={i} term={term} lang={lang} />
            ))}
          </ul>
        ) : null}
      </details>
    </li>
  );
}

function TermView({ term, lang }: { term: SpfTermInfo; lang: Lang }) {
  const t = strings[lang];
  if (term.child) return <NodeView node={term.child} lang={lang} />;
  if (term.lookups === 0 && !term.void) return null;
  return (
    <li data-spf-term={term.term.raw}>
      <code>{term.term.raw}</code>
      <span className="mg-hint">
        {' '}
        · {t.lookupCost}
        {term.void ? ` · ${t.void}` : ''}
        {term.error ? ` · ${term.error}` : ''}
        {term.addresses.length > 0 ? ` · ${term.addresses.slice(0, 10).join(', ')}` : ''}
      </span>
    </li>
  );
}

/** The record text with syntax errors marked at their exact offsets. */
function RecordText({ node }: { node: SpfNode }) {
  const record = node.record ?? '';
  const errors = [...(node.parsed?.errors ?? [])].sort((a, b) => a.start - b.start);
  if (errors.length === 0) return <code className="mg-value">{record}</code>;
  const parts: ReactElement[] = [];
  let at = 0;
  errors.forEach((e, i) => {
    if (e.start < at) return;
    parts.push(<span key={`t${i}`}>{record.slice(at, e.start)}</span>);
    parts.push(
      <mark key={`e${i}`} data-spf-error={e.code} title={e.code}>
        {record.slice(e.start, Math.max(e.end, e.start + 1))}
      </mark>,
    );
    at = Math.max(e.end, e.start + 1);
  });
  parts.push(<span key="rest">{record.slice(at)}</span>);
  return <code className="mg-value">{parts}</code>;
}
