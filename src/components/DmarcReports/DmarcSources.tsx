// "What to do" (one item per piece of advice, linking the guide) and the
// sending sources: each organisation a card with its IPs in a table (cards at
// narrow widths, DmarcReports.css). Markup contract (architecture §3): one
// [data-source-ip] per shown IP with data-count and data-pass over ALL loaded
// reports (the visible numbers follow the filters; the attributes do not).
import { Fragment, memo, useId, useState } from 'react';
import {
  ADVICE_GUIDES,
  adviceText,
  groupName,
  type Advice,
  type GroupMember,
  type Lang,
  type PtrResult,
  type ReportsText,
  type SourceGroup,
  type SourceIp,
} from '~/core';
import { guideHref } from '../ui/links';
import { StatusBadge } from '../ui/StatusBadge';
import { groupStatus, visibleGroups } from './model';
import { ptrConfirmation, ptrLabel, recognisedLabel, type SourceTotals } from './view';
import type { DmarcStrings } from './strings.zh';

/** IP rows drawn before "show all". */
export const SHOWN_IPS = 50;
/** Pieces of advice drawn before "show all" (reports from many unknown IPs give one each). */
export const SHOWN_ADVICE = 20;

const SEVERITY_BADGE = { fail: 'fail', warn: 'warn', info: 'ok', pass: 'ok' } as const;

export const AdviceList = memo(function AdviceList({
  lang,
  base,
  s,
  text,
  advice,
  groups,
  ptrRunning,
}: {
  lang: Lang;
  base: string;
  s: DmarcStrings;
  text: ReportsText;
  advice: readonly Advice[];
  groups: readonly SourceGroup[];
  ptrRunning: boolean;
}) {
  const id = useId();
  const [all, setAll] = useState(false);
  const sep = lang === 'zh' ? '：' : ': ';
  const shown = all ? advice : advice.slice(0, SHOWN_ADVICE);
  return (
    <section className="mg-dmarc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mg-dmarc-h">
        {s.adviceHeading}
      </h2>
      {ptrRunning ? <p className="mg-hint">{s.advicePtrRunning}</p> : null}
      {advice.length === 0 ? (
        <p>{s.adviceNone}</p>
      ) : (
        <ul className="mg-dmarc-advice">
          {shown.map((a) => {
            const g = groups.find((x) => x.key === a.group);
            const slugs = ADVICE_GUIDES[a.code];
            return (
              <li key={`${a.group}-${a.code}`} data-advice={a.code} data-severity={a.severity} data-group={a.group}>
                <StatusBadge lang={lang} status={SEVERITY_BADGE[a.severity]} label={s.severity[a.severity]} />{' '}
                {g ? <strong>{groupName(g, text)}</strong> : null}
                {g ? sep : null}
                {adviceText(a, text)}
                {slugs.map((slug) => (
                  <Fragment key={slug}>
                    {' '}
                    <a href={guideHref(base, lang, slug)} data-guide={slug}>
                      {s.guideLink}
                      {s.guides[slug] ?? slug}
                    </a>
                  </Fragment>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {advice.length > SHOWN_ADVICE ? (
        <button type="button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? s.showFewerAdvice : s.showAllAdvice(advice.length)}
        </button>
      ) : null}
    </section>
  );
});

interface ResultLine {
  /** The domain, with the selector or scope. */
  readonly name: string;
  readonly result: string;
  readonly messages: number;
}

/** "domain s=selector: result ×n" lines of a source's auth results, most messages first. */
function ResultLines({ lines, s, text }: { lines: readonly ResultLine[]; s: DmarcStrings; text: ReportsText }) {
  if (lines.length === 0) return <span className="mg-hint">{s.noResults}</span>;
  return (
    <ul className="mg-dmarc-results">
      {lines.map((l, i) => (
        <li key={i} data-result={l.result}>
          <code>{l.name}</code> <span className="mg-nowrap">{`${l.result} ×${text.count(l.messages)}`}</span>
        </li>
      ))}
    </ul>
  );
}

function SourceRow({
  source,
  all,
  ptr,
  recognisedBy,
  s,
  text,
}: {
  source: SourceIp;
  /** This IP over all loaded reports, whatever the filters (the markup contract's numbers). */
  all: { readonly messages: number; readonly pass: number } | undefined;
  ptr: PtrResult | undefined;
  recognisedBy: GroupMember['recognisedBy'];
  s: DmarcStrings;
  text: ReportsText;
}) {
  const named = recognisedLabel(recognisedBy, s);
  const dkim = source.dkimResults.map((t) => ({
    name: `${t.key.domain || '—'}${t.key.selector ? ` s=${t.key.selector}` : ''}`,
    result: t.key.result,
    messages: t.messages,
  }));
  const spf = source.spfResults.map((t) => ({
    name: `${t.key.domain || '—'}${t.key.scope ? ` (${t.key.scope})` : ''}`,
    result: t.key.result,
    messages: t.messages,
  }));
  const d = source.dispositions;
  const disposition = (['none', 'quarantine', 'reject'] as const)
    .filter((k) => d[k] > 0)
    .map((k) => `${s.disposition[k]} ${text.count(d[k])}`)
    .join(text.lang === 'zh' ? '，' : ', ');
  return (
    <tr data-source-ip={source.ip} data-count={all?.messages ?? source.messages} data-pass={all?.pass ?? source.pass}>
      <th scope="row" data-label={s.ipCol}>
        <code>{source.ip}</code>
      </th>
      <td data-label={s.ptrCol} data-ptr={ptr?.status ?? 'pending'} data-ptr-confirmed={ptrConfirmation(ptr)}>
        {ptrLabel(ptr, s)}
        {named ? (
          <span className="mg-hint mg-block" data-recognised-by={recognisedBy?.via}>
            {named}
          </span>
        ) : null}
      </td>
      <td data-label={s.messages}>{text.count(source.messages)}</td>
      <td data-label={s.stats.pass}>
        <StatusBadge
          lang={text.lang}
          status={source.fail === 0 ? 'ok' : source.pass === 0 ? 'fail' : 'warn'}
          label={`${text.count(source.pass)} · ${s.share(source.pass, source.messages)}`}
        />
      </td>
      <td data-label={s.spfCol}>
        <span className="mg-dmarc-aligned">{s.aligned(source.spfAligned, source.messages)}</span>
        <ResultLines lines={spf} s={s} text={text} />
      </td>
      <td data-label={s.dkimCol}>
        <span className="mg-dmarc-aligned">{s.aligned(source.dkimAligned, source.messages)}</span>
        <ResultLines lines={dkim} s={s} text={text} />
      </td>
      <td data-label={s.dispositionCol}>{disposition}</td>
    </tr>
  );
}

export const SourceList = memo(function SourceList({
  s,
  text,
  groups,
  advice,
  totals,
  ptrs,
}: {
  s: DmarcStrings;
  text: ReportsText;
  groups: readonly SourceGroup[];
  advice: readonly Advice[];
  /** Per IP over all loaded reports, for data-count / data-pass. */
  totals: SourceTotals;
  ptrs: ReadonlyMap<string, PtrResult>;
}) {
  const id = useId();
  const [all, setAll] = useState(false);
  const shown = visibleGroups(groups, all ? Number.POSITIVE_INFINITY : SHOWN_IPS);
  const totalIps = groups.reduce((n, g) => n + g.members.length, 0);
  return (
    <section className="mg-dmarc-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="mg-dmarc-h">
        {s.sourcesHeading}
      </h2>
      <p className="mg-hint">{s.sourcesIntro}</p>
      <ol className="mg-dmarc-groups">
        {shown.groups.map((g) => {
          const name = groupName(g, text);
          const status = groupStatus(g, advice);
          return (
            <li key={g.key} className="mg-dmarc-group" data-group={g.key} data-status={status}>
              <div className="mg-dmarc-group-head">
                <h3>{name}</h3>
                <StatusBadge
                  lang={text.lang}
                  status={g.fail === 0 ? 'ok' : g.pass === 0 ? 'fail' : 'warn'}
                  label={s.groupPassed(text.count(g.pass), text.count(g.messages), s.share(g.pass, g.messages))}
                />
                <span className="mg-hint">
                  {s.groupKind[g.kind]}
                  {g.kind === 'domain' && g.domain ? ` (${g.domain})` : ''} · {s.ipCount(g.members.length)}
                </span>
              </div>
              <table className="mg-dmarc-ips">
                <caption className="mg-sr-only">{s.sourceTable(name)}</caption>
                <colgroup>
                  <col className="mg-col-ip" />
                  <col className="mg-col-ptr" />
                  <col className="mg-col-n" />
                  <col className="mg-col-pass" />
                  <col className="mg-col-auth" />
                  <col className="mg-col-auth" />
                  <col className="mg-col-disp" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{s.ipCol}</th>
                    <th scope="col">{s.ptrCol}</th>
                    <th scope="col">{s.messages}</th>
                    <th scope="col">{s.stats.pass}</th>
                    <th scope="col">{s.spfCol}</th>
                    <th scope="col">{s.dkimCol}</th>
                    <th scope="col">{s.dispositionCol}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.members.map((m) => (
                    <SourceRow
                      key={m.source.ip}
                      source={m.source}
                      all={totals.get(m.source.ip)}
                      ptr={ptrs.get(m.source.ip)}
                      recognisedBy={m.recognisedBy}
                      s={s}
                      text={text}
                    />
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ol>
      {shown.hiddenIps > 0 || all ? (
        <button type="button" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? s.showFewerSources : s.showAllSources(totalIps)}
        </button>
      ) : null}
    </section>
  );
});
