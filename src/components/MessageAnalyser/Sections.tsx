// The message analyser's result sections: bounce, what the receiver saw, what
// we check now, hops, headers. Everything taken from the message is rendered as
// text (React escapes it); nothing here builds HTML from it. Markup contract
// (architecture §3): [data-bounce-status], [data-auth][data-source] with
// data-result (and data-domain/data-selector for DKIM), [data-hop] with
// data-delay-s, [data-header].
import type { ReactNode } from 'react';
import { describeBounce, DMARC_ADVICE_GUIDE, type BounceRecipient, type DkimResult, type GuideSlug, type Hop, type MessageAnalysis } from '~/core';
import { guideHref } from '../ui/links';
import { StatusBadge } from '../ui/StatusBadge';
import { arcAuth, badgeFor, browserAuth, domainText, epochText, hopTime, isoTime, receiverAuth, receiverOthers, type AuthItem } from './present';
import type { MessageStrings } from './strings';

const colon = (t: MessageStrings) => (t.lang === 'zh' ? '：' : ': ');

interface Ctx {
  readonly t: MessageStrings;
  readonly base: string;
}

function GuideLink({ ctx, slug }: { ctx: Ctx; slug: GuideSlug }) {
  return <a href={guideHref(ctx.base, ctx.t.lang, slug)}>{ctx.t.readGuide(ctx.t.guides[slug])}</a>;
}

function ResultBadge({ ctx, result }: { ctx: Ctx; result: string }) {
  const known = (ctx.t.results as Readonly<Record<string, string>>)[result];
  const label = known === undefined ? result : known === result || result === 'pending' ? known : ctx.t.lang === 'zh' ? `${known}（${result}）` : `${known} (${result})`;
  return <StatusBadge lang={ctx.t.lang} status={badgeFor(result)} label={label} />;
}

/** Label/value pairs; values are text from the message or our own words. */
function Facts({ items }: { items: readonly (readonly [string, ReactNode] | false | undefined)[] }) {
  const shown = items.filter((x): x is readonly [string, ReactNode] => Array.isArray(x));
  if (shown.length === 0) return null;
  return (
    <dl className="mg-msg-facts">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

// ------------------------------------------------------------------ bounce

export function BounceSection({ ctx, a, headingId }: { ctx: Ctx; a: MessageAnalysis; headingId: string }) {
  const { t } = ctx;
  const bounce = a.bounce;
  if (!bounce) return null;
  const returned = bounce.returned;
  return (
    <section className="mg-msg-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sections.bounce}</h2>
      {bounce.recipients.length === 0 ? <p>{t.bounce.none}</p> : null}
      {bounce.recipients.map((r, i) => (
        <BounceRecipientView key={i} ctx={ctx} r={r} reportingMta={bounce.reportingMta} />
      ))}
      {bounce.kind === 'text' ? <p className="mg-hint">{t.bounce.kindText}</p> : null}
      {returned ? (
        <div className="mg-msg-returned">
          <h3>{t.bounce.returned}</h3>
          <Facts
            items={[
              returned.subject !== undefined && [t.headers.subject, <span data-returned-header="subject">{returned.subject}</span>],
              returned.from !== undefined && [t.headers.from, <span data-returned-header="from">{returned.from.name ? `${returned.from.name} <${returned.from.address}>` : returned.from.address}</span>],
              returned.to !== undefined && [t.headers.to, returned.to],
              returned.date !== undefined && [t.headers.date, returned.date],
              returned.messageId !== undefined && [t.headers.messageId, <code>{returned.messageId}</code>],
            ]}
          />
          {a.returnedDkim && a.returnedDkim.count > 0 ? (
            <>
              <h4>{t.bounce.returnedDkim}</h4>
              <ul className="mg-msg-list">
                {Array.from({ length: a.returnedDkim.count }, (_, i) => a.returnedDkim?.results[i]).map((r, i) => (
                  <li key={i} data-returned-auth="dkim" data-result={r?.result ?? 'pending'} data-domain={r?.domain ?? ''} data-selector={r?.selector ?? ''}>
                    <ResultBadge ctx={ctx} result={r?.result ?? 'pending'} /> <code>{r ? `d=${r.domain ?? '?'} s=${r.selector ?? '?'}` : ''}</code>
                    {r ? <span> {t.dkim.reasons[r.reason]}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function BounceRecipientView({ ctx, r, reportingMta }: { ctx: Ctx; r: BounceRecipient; reportingMta: string | undefined }) {
  const { t } = ctx;
  const d = describeBounce(r.explanation, t.bounce.texts);
  const meaning = [d.classText, d.subjectText, d.detailText].filter(Boolean).join(' · ');
  return (
    <article className="mg-msg-card" data-bounce-status={r.status ?? ''}>
      <h3>{d.title}</h3>
      <Facts
        items={[
          r.recipient !== undefined && [t.bounce.recipient, <code>{r.recipient}</code>],
          r.status !== undefined && [t.bounce.status, <code>{r.status}</code>],
          r.reply !== undefined && [t.bounce.reply, <code>{r.reply}</code>],
          (r.remoteMta !== undefined || r.remoteIp !== undefined) && [t.bounce.remote, <code>{[r.remoteMta, r.remoteIp ? `[${r.remoteIp}]` : ''].filter(Boolean).join(' ')}</code>],
          reportingMta !== undefined && [t.bounce.reportingMta, <code>{reportingMta}</code>],
          r.action !== undefined && [t.bounce.action, <code>{r.action}</code>],
        ]}
      />
      {r.diagnostic ? (
        <>
          <p className="mg-msg-label">{t.bounce.diagnostic}</p>
          <p className="mg-pre" data-diagnostic="">
            {r.diagnostic}
          </p>
        </>
      ) : null}
      <p>
        <strong>{t.bounce.cause}{colon(t)}</strong>
        {d.cause}
      </p>
      <p>
        <strong>{t.bounce.todo}{colon(t)}</strong>
        {d.action}
      </p>
      {meaning && r.explanation.id ? (
        <p className="mg-hint">
          {t.bounce.codeMeaning}{colon(t)}{meaning}
        </p>
      ) : null}
      <p className="mg-msg-links">
        <GuideLink ctx={ctx} slug={d.guide} />
        {d.source ? (
          <>
            {' · '}
            <a href={d.source} rel="noopener noreferrer">
              {t.bounce.providerSource}
            </a>
          </>
        ) : null}
      </p>
    </article>
  );
}

// ------------------------------------------------------------------ receiver

export function ReceiverSection({ ctx, a, headingId }: { ctx: Ctx; a: MessageAnalysis; headingId: string }) {
  const { t } = ctx;
  const items = receiverAuth(a);
  const others = receiverOthers(a);
  const fields = a.receiver.fields;
  const arc = a.receiver.arc;
  const arcItems = arcAuth(a);
  return (
    <section className="mg-msg-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sections.receiver}</h2>
      <p className="mg-hint">{t.receiver.intro}</p>
      {fields.length === 0 ? (
        <p>{t.receiver.none}</p>
      ) : (
        <>
          <p>
            {a.receiver.source === 'arc' && arc
              ? t.receiver.arcLatest(arc.instance, arc.authservId)
              : a.receiver.authservId
                ? t.receiver.by(a.receiver.authservId)
                : t.receiver.unnamed}
          </p>
          <ul className="mg-msg-list">
            {items.map((item, i) => (
              <ReceiverItem key={i} ctx={ctx} item={item} />
            ))}
          </ul>
          {arc && arcItems.length > 0 ? (
            <div data-arc-instance={arc.instance}>
              <p>{t.receiver.arcLatest(arc.instance, arc.authservId)}</p>
              <ul className="mg-msg-list">
                {arcItems.map((item, i) => (
                  <ReceiverItem key={i} ctx={ctx} item={item} arc />
                ))}
              </ul>
            </div>
          ) : null}
          {others.length > 0 ? (
            <p className="mg-hint">
              {t.receiver.other}{colon(t)}{others.map((o) => `${o.method}=${o.result}`).join(', ')}
            </p>
          ) : null}
          <details className="mg-options">
            <summary>{t.receiver.allFields(fields.length)}</summary>
            {fields.map((f, i) => (
              <p key={i} className="mg-pre">
                {f.kind === 'arc-authentication-results' ? `${t.receiver.arcField(f.instance)} · ` : ''}
                {f.authservId ?? t.receiver.unnamed}
                {'\n'}
                {f.text}
              </p>
            ))}
          </details>
        </>
      )}
    </section>
  );
}

/** One result the receiver wrote; `arc`: from the newest ARC set beside the Authentication-Results, marked apart from the receiver's own (`data-arc-auth`). */
function ReceiverItem({ ctx, item, arc = false }: { ctx: Ctx; item: AuthItem; arc?: boolean }) {
  const m = item.method8601;
  const ids = item.method === 'dkim' ? { 'data-domain': item.domain ?? '', 'data-selector': item.selector ?? '' } : item.domain ? { 'data-domain': item.domain } : {};
  const kind = arc ? { 'data-arc-auth': item.method } : { 'data-auth': item.method, 'data-source': 'receiver' };
  return (
    <li {...kind} data-result={item.result} {...ids}>
      <ResultBadge ctx={ctx} result={item.result} /> <strong>{ctx.t.methods[item.method]}</strong>
      {item.method === 'dkim' ? (
        <code>
          {' '}
          d={item.domain || '?'} s={item.selector || '?'}
        </code>
      ) : item.domain ? (
        <code> {item.domain}</code>
      ) : null}
      {m?.reason ? <span className="mg-hint"> {m.reason}</span> : null}
      {m?.comment ? <span className="mg-hint"> ({m.comment})</span> : null}
    </li>
  );
}

// ------------------------------------------------------------------ our checks

export function VerifySection({ ctx, a, headingId, checkerHref }: { ctx: Ctx; a: MessageAnalysis; headingId: string; checkerHref: (domain: string) => string }) {
  const { t } = ctx;
  const items = browserAuth(a);
  if (items.length === 0) return null;
  const dkimItems = items.filter((i) => i.method === 'dkim');
  const spf = items.find((i) => i.method === 'spf');
  const dmarc = items.find((i) => i.method === 'dmarc');
  return (
    <section className="mg-msg-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sections.verify}</h2>
      <p className="mg-hint">{t.verify.intro}</p>
      <p className="mg-notice" data-note="checked-now">
        {t.verify.checkedNow} {t.verify.compare}
      </p>

      <h3>{t.dkim.heading}</h3>
      {!a.hasBody && a.dkim.count > 0 ? (
        <p className="mg-notice mg-notice-warn" data-note="headers-only">
          {t.dkim.headersOnly}
        </p>
      ) : null}
      {dkimItems.map((item, i) =>
        item.result === 'none' && a.dkim.count === 0 ? (
          <div key={i} className="mg-msg-card" data-auth="dkim" data-source="browser" data-result="none" data-domain="" data-selector="">
            <ResultBadge ctx={ctx} result="none" /> {t.dkim.unsigned} <GuideLink ctx={ctx} slug="dns/dkim" />
          </div>
        ) : (
          <DkimCard key={i} ctx={ctx} item={item} n={i + 1} />
        ),
      )}

      {spf ? <SpfCard ctx={ctx} a={a} item={spf} /> : null}
      {dmarc ? <DmarcCard ctx={ctx} a={a} item={dmarc} checkerHref={checkerHref} /> : null}
    </section>
  );
}

function checkWord(t: MessageStrings, v: boolean | undefined) {
  return v === undefined ? t.dkim.notChecked : v ? t.dkim.matched : t.dkim.mismatched;
}

function DkimCard({ ctx, item, n }: { ctx: Ctx; item: AuthItem; n: number }) {
  const { t } = ctx;
  const r: DkimResult | undefined = item.dkim;
  return (
    <article
      className="mg-msg-card"
      data-auth="dkim"
      data-source="browser"
      data-result={item.result}
      data-domain={item.domain ?? ''}
      data-selector={item.selector ?? ''}
      {...(item.reason ? { 'data-reason': item.reason } : {})}
    >
      <p className="mg-msg-card-head">
        <ResultBadge ctx={ctx} result={item.result} /> <strong>{t.dkim.signature(n)}</strong>{' '}
        <code>
          d={item.domain || '?'} s={item.selector || '?'}
        </code>
      </p>
      {r ? (
        <>
          <p>
            {t.dkim.reasons[r.reason]}
            {r.detail ? (
              <>
                {' '}
                <code>{r.detail}</code>
              </>
            ) : null}
          </p>
          <Facts
            items={[
              r.algorithm !== undefined && [t.dkim.algorithm, <code>{r.algorithm}</code>],
              r.canonicalization !== undefined && [t.dkim.canonicalization, <code>{r.canonicalization}</code>],
              r.keyType !== undefined && r.keyBits !== undefined && [t.dkim.keyLabel, t.dkim.keyValue(r.keyType, r.keyBits)],
              r.keyType !== undefined && [t.dkim.bodyHash, <span data-check="body-hash">{checkWord(t, r.bodyHashMatched)}</span>],
              r.keyType !== undefined && [t.dkim.headerSignature, <span data-check="header-signature">{checkWord(t, r.headersVerified)}</span>],
              r.timestamp !== undefined && [t.dkim.signedAt, epochText(r.timestamp)],
              r.expiration !== undefined && [t.dkim.expires, epochText(r.expiration)],
            ]}
          />
          {r.signedHeaders && r.signedHeaders.length > 0 ? (
            <details className="mg-options">
              <summary>{t.dkim.signedHeaders(r.signedHeaders.length)}</summary>
              <p>
                <code>{r.signedHeaders.join(' : ')}</code>
              </p>
            </details>
          ) : null}
          {r.notes.length > 0 ? (
            <ul className="mg-msg-notes">
              {r.notes.map((note) => (
                <li key={note} data-dkim-note={note}>
                  {t.dkim.notes[note]}
                </li>
              ))}
            </ul>
          ) : null}
          {r.result !== 'pass' ? (
            <p className="mg-msg-links">
              <GuideLink ctx={ctx} slug="dns/dkim" />
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function SpfCard({ ctx, a, item }: { ctx: Ctx; a: MessageAnalysis; item: AuthItem }) {
  const { t } = ctx;
  const spf = a.spf;
  const ev = spf.evaluation;
  return (
    <article className="mg-msg-card" data-auth="spf" data-source="browser" data-result={item.result} {...(item.domain ? { 'data-domain': item.domain } : {})} {...(item.reason ? { 'data-reason': item.reason } : {})}>
      <h3 className="mg-msg-card-head">
        <ResultBadge ctx={ctx} result={item.result} /> {t.spf.heading}
      </h3>
      {ev ? <p>{t.spf.resultMeaning[ev.result]}</p> : spf.status !== 'pending' && spf.reason ? <p>{t.spf.notRun[spf.reason]}</p> : null}
      <Facts
        items={[
          spf.ip !== undefined && [t.spf.ip, <>
            <code>{spf.ip}</code>
            {spf.ipSource ? <span className="mg-hint"> {t.spf.ipSource[spf.ipSource]}</span> : null}
          </>],
          spf.sender !== undefined && [t.spf.sender, spf.sender === '' ? t.spf.nullSender : <code>{spf.sender}</code>],
          spf.helo !== undefined && spf.helo !== '' && [t.spf.helo, <code>{spf.helo}</code>],
          ev !== undefined && [t.spf.domain, <code>{domainText(ev.domain)}</code>],
          ev?.explanation !== undefined && [t.spf.explanation, ev.explanation],
        ]}
      />
      {ev && ev.result !== 'pass' ? (
        <p className="mg-msg-links">
          <GuideLink ctx={ctx} slug="dns/spf" />
        </p>
      ) : null}
    </article>
  );
}

function DmarcCard({ ctx, a, item, checkerHref }: { ctx: Ctx; a: MessageAnalysis; item: AuthItem; checkerHref: (domain: string) => string }) {
  const { t } = ctx;
  const d = a.dmarc;
  const ev = d.evaluation;
  const policy = ev?.policy;
  return (
    <article className="mg-msg-card" data-auth="dmarc" data-source="browser" data-result={item.result} {...(item.domain ? { 'data-domain': item.domain } : {})} {...(item.reason ? { 'data-reason': item.reason } : {})}>
      <h3 className="mg-msg-card-head">
        <ResultBadge ctx={ctx} result={item.result} /> {t.dmarc.heading}
      </h3>
      {d.status !== 'pending' && d.reason ? <p>{t.dmarc.notRun[d.reason]}</p> : null}
      <Facts
        items={[
          d.fromDomain !== undefined && [t.dmarc.fromDomain, <code>{domainText(d.fromDomain)}</code>],
          policy !== undefined && [
            t.dmarc.policy,
            <>
              <code>
                p={policy.p}
                {policy.sp ? `; sp=${policy.sp}` : ''}
                {policy.np ? `; np=${policy.np}` : ''}
              </code>{' '}
              <span className="mg-hint">{t.dmarc.policyAt(domainText(policy.policyDomain))}</span>
            </>,
          ],
          policy !== undefined && [t.dmarc.orgDomain, <code>{domainText(policy.orgDomain)}</code>],
          policy !== undefined && [t.dmarc.alignment, `SPF ${policy.aspf === 's' ? t.dmarc.strict : t.dmarc.relaxed} · DKIM ${policy.adkim === 's' ? t.dmarc.strict : t.dmarc.relaxed}`],
        ]}
      />
      {ev && ev.result !== 'temperror' && ev.result !== 'permerror' ? (
        <ul className="mg-msg-notes">
          <li data-aligned="spf" data-value={ev.spfAligned ? 'yes' : 'no'}>
            {ev.spfAligned ? t.dmarc.spfAligned(a.spf.evaluation?.domain ?? '') : t.dmarc.spfNotAligned}
          </li>
          <li data-aligned="dkim" data-value={ev.dkimAligned.length > 0 ? 'yes' : 'no'}>
            {ev.dkimAligned.length > 0 ? t.dmarc.dkimAligned(ev.dkimAligned.join(', ')) : t.dmarc.dkimNotAligned}
          </li>
          {ev.applied ? <li data-applied={ev.applied}>{ev.stated ? t.dmarc.appliedTesting(ev.applied, ev.stated) : t.dmarc.applied(ev.applied)}</li> : null}
          {policy?.testing ? <li data-testing="">{t.dmarc.testing}</li> : null}
        </ul>
      ) : null}
      {ev?.result === 'temperror' ? (
        <p data-dmarc-undecided={ev.undecided ?? 'dns'}>
          {t.dmarc.undecided[ev.undecided ?? 'dns']}
          {ev.detail ? (
            <>
              {' '}
              <code>{ev.detail}</code>
            </>
          ) : null}
        </p>
      ) : ev?.result === 'permerror' ? (
        <p>
          {t.dmarc.unusable}
          {ev.detail ? (
            <>
              {' '}
              <code>{ev.detail}</code>
            </>
          ) : null}
        </p>
      ) : null}
      {ev && ev.advice.length > 0 ? (
        <>
          <p className="mg-msg-label">{t.dmarc.fix}</p>
          <ul className="mg-msg-advice">
            {ev.advice.map((advice) => (
              <li key={advice} data-advice={advice}>
                {t.dmarc.advice[advice]} <GuideLink ctx={ctx} slug={DMARC_ADVICE_GUIDE[advice]} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {d.fromDomain ? (
        <p className="mg-msg-links">
          <a href={checkerHref(d.fromDomain)}>{t.verdict.checkDomain(domainText(d.fromDomain))}</a>
        </p>
      ) : null}
    </article>
  );
}

// ------------------------------------------------------------------ hops

function hopFrom(hop: Hop): string {
  // A HELO that is the address itself (`[192.0.2.1]`) is not repeated.
  const helo = hop.helo && hop.helo !== hop.ip ? hop.helo : undefined;
  const parts = [helo, hop.rdns && hop.rdns !== hop.helo ? `(${hop.rdns})` : undefined, hop.ip ? `[${hop.ip}]` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '—';
}

export function HopsSection({ ctx, a, headingId }: { ctx: Ctx; a: MessageAnalysis; headingId: string }) {
  const { t } = ctx;
  const { hops, totalSeconds, connecting } = a.hops;
  if (a.headerCount === 0) return null;
  return (
    <section className="mg-msg-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sections.hops}</h2>
      {hops.length === 0 ? (
        <p>{t.hops.none}</p>
      ) : (
        <>
          <p className="mg-hint">{t.hops.intro}</p>
          {totalSeconds !== undefined ? <p data-total-s={totalSeconds}>{t.hops.total(t.hops.duration(totalSeconds))}</p> : null}
          <ol className="mg-hops">
            {hops.map((hop) => (
              <li key={hop.index} data-hop={hop.index} data-delay-s={hop.delaySeconds === undefined || hop.delayFrom !== hop.index - 1 ? '' : String(hop.delaySeconds)} className="mg-msg-card">
                <p className="mg-msg-card-head">
                  <code>{hopFrom(hop)}</code>
                  {' → '}
                  <code>{hop.by ?? '—'}</code>
                </p>
                <Facts
                  items={[
                    [
                      t.hops.with,
                      <>
                        {hop.protocol ? <code>{hop.protocol}</code> : '—'}{' '}
                        {hop.tls === true ? (
                          <StatusBadge lang={t.lang} status="ok" label={t.hops.tls(hop.tlsVersion)} />
                        ) : hop.tls === false ? (
                          <StatusBadge lang={t.lang} status={hop.internal ? 'warn' : 'fail'} label={t.hops.noTls} />
                        ) : (
                          <span className="mg-hint">{t.hops.tlsUnknown}</span>
                        )}
                      </>,
                    ],
                    hop.date !== undefined && [
                      t.hops.time,
                      <>
                        <time dateTime={isoTime(hop.date.ms)}>{hopTime(hop.date)}</time>
                        {hop.date.zoneKnown ? null : <span className="mg-hint"> {t.hops.unknownZone}</span>}
                      </>,
                    ],
                    hop.delaySeconds !== undefined &&
                      hop.delayFrom !== undefined && [hop.delayFrom === hop.index - 1 ? t.hops.delay : t.hops.delaySince(hop.delayFrom + 1), `+${t.hops.duration(hop.delaySeconds)}`],
                    hop.index > 0 && hop.delaySeconds === undefined && [t.hops.delay, <span className="mg-hint">{t.hops.delayUnknown}</span>],
                    hop.internal && hop.ip !== undefined && [t.hops.from, t.hops.internal],
                  ]}
                />
                {hop.flags.length > 0 ? (
                  <ul className="mg-msg-flags">
                    {hop.flags.map((f) => (
                      <li key={f} data-hop-flag={f}>
                        <StatusBadge lang={t.lang} status="warn" label={t.hops.flags[f]} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {connecting?.hopIndex === hop.index ? <p className="mg-hint" data-connecting="">{t.hops.connecting}</p> : null}
                <details className="mg-options">
                  <summary>{t.hops.raw}</summary>
                  <p className="mg-pre">{hop.text}</p>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

// ------------------------------------------------------------------ headers

export function HeadersSection({ ctx, a, headingId }: { ctx: Ctx; a: MessageAnalysis; headingId: string }) {
  const { t } = ctx;
  const h = a.headers;
  if (a.headerCount === 0) return null;
  // The headers people ask about, each shown when the message has it (data-header names it).
  const rows: readonly (readonly [key: string, label: string, value: string | undefined])[] = [
    ['subject', t.headers.subject, h.subject],
    ['from', t.headers.from, h.fromText],
    ['to', t.headers.to, h.to],
    ['date', t.headers.date, h.date],
    ['message-id', t.headers.messageId, h.messageId],
    ['return-path', t.headers.returnPath, h.returnPath === undefined ? undefined : `<${h.returnPath}>`],
  ];
  return (
    <section className="mg-msg-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.sections.headers}</h2>
      <dl className="mg-msg-facts mg-msg-headers">
        {rows.map(([key, label, value]) =>
          value === undefined ? null : (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-header={key}>{value}</dd>
            </div>
          ),
        )}
      </dl>
      <p className="mg-hint">{t.headers.count(a.headerCount)}</p>
    </section>
  );
}
