// The record generator and live checker. Presentation only: state in
// useChecker.ts, logic in ~/core. Markup contract (architecture §3): one row per
// expected record with data-record / data-status, one element per finding with
// data-problem.
import { useId, useMemo, useState, type FormEvent } from 'react';
import {
  cacheExpiresAt,
  HOST_IDS,
  dkimInputProblem,
  ruaInputProblem,
  spfSenderProblem,
  truncateForDisplay,
  DMARC_POLICIES,
  DNS_HOSTS,
  explainDmarcPolicy,
  domainErrorMessage,
  hostField,
  PROVIDERS,
  toCsv,
  toZoneFile,
  type ExpectedRecord,
  type Lang,
  type RecordId,
} from '~/core';
import { CopyButton } from '../ui/CopyButton';
import { FindingList } from '../ui/FindingList';
import { guideHref, saveFile } from '../ui/links';
import { StatusBadge } from '../ui/StatusBadge';
import { TextField } from '../ui/TextField';
import { uiStrings } from '../ui/strings';
import { ResolverPicker } from '../ui/ResolverPicker';
import { useResolvers } from '../ui/useResolvers';
import { strings } from './strings';
import { useChecker, type RowState } from './useChecker';
import '../ui/widget.css';
import './Checker.css';

export interface CheckerProps {
  lang: Lang;
  /** Base path of the site ('/' or '/guide/'), for links to guide pages. */
  base: string;
  /** Show only these records (troubleshooting pages). */
  records?: readonly RecordId[];
}

function clock(ms: number, lang: Lang): string {
  return new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export default function Checker({ lang, base, records }: CheckerProps) {
  const t = strings[lang];
  const ids = useId();
  const resolverState = useResolvers(lang);
  const c = useChecker({ resolvers: resolverState.resolvers, resolversReady: resolverState.ready, only: records });
  const [showZone, setShowZone] = useState(false);
  const host = DNS_HOSTS.find((h) => h.id === c.form.host) ?? DNS_HOSTS[0];
  const domainError = c.domain && !c.domain.ok ? domainErrorMessage(c.domain.error, lang) : undefined;
  const ascii = c.domain?.ok ? c.domain.ascii : undefined;
  // The optional fields go into records the reader copies: say what cannot be used (it is left out).
  const dkimProblem = dkimInputProblem(c.form.dkimKey);
  const ruaProblem = ruaInputProblem(c.form.dmarcRua);
  const spfProblem = spfSenderProblem(c.form.extraSpf);

  const zone = useMemo(() => (ascii ? toZoneFile(c.expected, ascii) : ''), [c.expected, ascii]);

  const counts = useMemo(() => {
    const n = { ok: 0, warn: 0, fail: 0, error: 0 };
    for (const row of c.rows.values()) if (row.status !== 'pending') n[row.status] += 1;
    return n;
  }, [c.rows]);

  const [notifyWanted, setNotifyWanted] = useState(false);
  const statusName = uiStrings[lang].status;
  const detectedGuide =
    c.detected && (HOST_IDS as readonly string[]).includes(c.detected.id)
      ? DNS_HOSTS.find((h) => h.id === c.detected?.id)?.guide
      : c.detected
        ? 'dns/hosts/other'
        : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void c.run();
  };

  return (
    <div className="mg-widget mg-checker" data-widget="checker">
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={`${ids}-domain`}
          name="domain"
          label={t.domainLabel}
          hint={
            <>
              {t.domainHint}
              {c.domain?.ok && c.domain.unicode !== c.domain.ascii ? (
                <>
                  {' '}
                  <span className="mg-idn">
                    {c.domain.unicode} → <code>{c.domain.ascii}</code>
                  </span>
                </>
              ) : null}
            </>
          }
          error={domainError ?? ''}
          inputMode="url"
          autoCapitalize="off"
          maxLength={2048}
          value={c.form.domain}
          onValue={(domain) => c.update({ domain })}
        />

        <div className="mg-row">
          <div className="mg-field">
            <label htmlFor={`${ids}-provider`}>{t.providerLabel}</label>
            <select
              id={`${ids}-provider`}
              value={c.form.provider}
              onChange={(e) => c.update({ provider: e.target.value })}
            >
              {PROVIDERS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="mg-field">
            <label htmlFor={`${ids}-host`}>{t.hostLabel}</label>
            <select
              id={`${ids}-host`}
              value={c.form.host}
              onChange={(e) => c.update({ host: e.target.value as typeof c.form.host })}
            >
              {DNS_HOSTS.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name[lang]}
                </option>
              ))}
            </select>
          </div>
        </div>

        <details className="mg-options">
          <summary>{t.options}</summary>
          <div className="mg-field">
            <label htmlFor={`${ids}-dkim`}>{t.dkimLabel}</label>
            <textarea
              id={`${ids}-dkim`}
              rows={3}
              spellCheck={false}
              maxLength={8192}
              value={c.form.dkimKey}
              aria-describedby={`${ids}-dkim-hint ${ids}-dkim-error`}
              aria-invalid={dkimProblem !== undefined ? true : undefined}
              onChange={(e) => c.update({ dkimKey: e.target.value })}
            />
            <p id={`${ids}-dkim-hint`} className="mg-hint">
              {t.dkimHint}
            </p>
            <p id={`${ids}-dkim-error`} className="mg-error" role="alert">
              {dkimProblem !== undefined ? t.dkimInvalid : ''}
            </p>
          </div>
          <div className="mg-row">
            <div className="mg-field">
              <label htmlFor={`${ids}-dmarc`}>{t.dmarcPolicyLabel}</label>
              <select
                id={`${ids}-dmarc`}
                value={c.form.dmarcPolicy}
                aria-describedby={`${ids}-dmarc-hint`}
                onChange={(e) => c.update({ dmarcPolicy: e.target.value as typeof c.form.dmarcPolicy })}
              >
                {DMARC_POLICIES.map((p) => (
                  <option key={p} value={p}>
                    {t.policies[p]}
                  </option>
                ))}
              </select>
              <p id={`${ids}-dmarc-hint`} className="mg-hint">
                {explainDmarcPolicy(c.form.dmarcPolicy, lang).text}
              </p>
            </div>
            <TextField
              id={`${ids}-rua`}
              type="email"
              label={t.dmarcRuaLabel}
              hint={t.dmarcRuaHint}
              error={ruaProblem !== undefined ? t.ruaInvalid(truncateForDisplay(ruaProblem)) : ''}
              maxLength={320}
              value={c.form.dmarcRua}
              onValue={(dmarcRua) => c.update({ dmarcRua })}
            />
          </div>
          <TextField
            id={`${ids}-spf`}
            label={t.extraSpfLabel}
            hint={t.extraSpfHint}
            error={spfProblem !== undefined ? t.spfInvalid(truncateForDisplay(spfProblem)) : ''}
            maxLength={1024}
            value={c.form.extraSpf}
            onValue={(extraSpf) => c.update({ extraSpf })}
          />
        </details>

        <ResolverPicker lang={lang} state={resolverState} />

        <div className="mg-actions">
          <button type="submit" className="mg-primary" disabled={!ascii || c.running}>
            {c.running ? t.checking : t.check}
          </button>
          {c.running ? (
            <button type="button" onClick={c.stop}>
              {t.stop}
            </button>
          ) : null}
          <CopyButton lang={lang} label={t.copyLink} text={() => window.location.href} />
        </div>
        <div className="mg-actions mg-watch">
          {c.watching ? (
            <button type="button" onClick={c.stop}>
              {t.watchStop}
            </button>
          ) : (
            <>
              <button type="button" disabled={!ascii} onClick={() => void c.startWatching(notifyWanted)}>
                {t.watch}
              </button>
              <label className="mg-inline">
                <input type="checkbox" checked={notifyWanted} onChange={(e) => setNotifyWanted(e.target.checked)} />{' '}
                {t.watchNotify}
              </label>
            </>
          )}
        </div>
      </form>

      <p className="mg-status" role="status" aria-live="polite">
        {c.summary === 'done'
          ? t.summary(c.rows.size, counts.ok, counts.warn, counts.fail, counts.error)
          : c.summary === 'aborted'
            ? t.summaryAborted
            : ''}
        {c.changes.length > 0
          ? ` ${c.changes.map((ch) => t.changed(t.recordNames[ch.id], statusName[ch.from], statusName[ch.to])).join('；')}`
          : ''}
        {c.watching && c.nextAt !== undefined ? ` ${t.watching(clock(c.nextAt, lang))}` : ''}
        {!c.watching && c.allPassed && c.changes.length > 0 ? ` ${t.watchDone}` : ''}
      </p>
      {c.detected && detectedGuide ? (
        <p className="mg-hint" data-dns-host={c.detected.id}>
          {c.detected.id === 'other' ? t.detectedOther : t.detectedHost(c.detected.name[lang])}{' '}
          <a href={guideHref(base, lang, detectedGuide)}>{t.hostGuide}</a>
        </p>
      ) : null}

      {ascii && c.expected.length > 0 ? (
        <>
          <table className="mg-records">
            <colgroup>
              <col className="mg-col-record" />
              <col className="mg-col-host" />
              <col className="mg-col-value" />
              <col className="mg-col-result" />
            </colgroup>
            <caption>{t.tableCaption(c.domain?.ok ? c.domain.unicode : ascii)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colRecord}</th>
                <th scope="col">{t.colHost}</th>
                <th scope="col">{t.colValue}</th>
                <th scope="col">{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {c.expected.map((rec) => (
                <RecordRow
                  key={rec.id}
                  rec={rec}
                  row={c.rows.get(rec.id)}
                  hostText={hostField(rec.name, ascii, c.form.host)}
                  checkedAt={c.checkedAt}
                  lang={lang}
                  base={base}
                />
              ))}
            </tbody>
          </table>

          <div className="mg-actions">
            <button type="button" onClick={() => saveFile(`${ascii}.zone.txt`, zone, 'text/plain;charset=utf-8')}>
              {t.exportZone}
            </button>
            <button
              type="button"
              onClick={() => saveFile(`${ascii}-records.csv`, toCsv(c.expected, c.form.host), 'text/csv;charset=utf-8')}
            >
              {t.exportCsv}
            </button>
            <button type="button" aria-expanded={showZone} onClick={() => setShowZone((v) => !v)}>
              {t.showZone}
            </button>
          </div>
          {showZone ? (
            <pre className="mg-zone" data-export="zone">
              {zone}
            </pre>
          ) : null}

          {host ? (
            <aside className="mg-pitfalls" aria-label={host.name[lang]}>
              <p>
                <strong>{host.name[lang]}</strong> — {t.pitfalls}
              </p>
              <ul>
                {host.pitfalls.map((p) => (
                  <li key={p.en}>{p[lang]}</li>
                ))}
              </ul>
              <a href={guideHref(base, lang, host.guide)}>{t.hostGuide}</a>
            </aside>
          ) : null}
          <p className="mg-hint">{t.cannotCheck}</p>
        </>
      ) : null}
    </div>
  );
}

function RecordRow(props: {
  rec: ExpectedRecord;
  row: RowState | undefined;
  hostText: string;
  checkedAt: number | undefined;
  lang: Lang;
  base: string;
}) {
  const { rec, row, hostText, checkedAt, lang, base } = props;
  const expires =
    row && row.status !== 'pending' && row.status !== 'ok' && checkedAt !== undefined
      ? cacheExpiresAt(checkedAt, row.ttl)
      : undefined;
  const t = strings[lang];
  const status = row?.status;
  return (
    <tr data-record={rec.id} {...(status ? { 'data-status': status } : {})}>
      <th scope="row">
        <span className="mg-record-name">{t.recordNames[rec.id]}</span>
        <span className="mg-hint">
          {rec.type} · {rec.required ? t.required : t.optional}
        </span>
      </th>
      <td>
        <code>{hostText}</code> <CopyButton lang={lang} label={`${t.colHost}: ${hostText}`} text={hostText} compact />
      </td>
      <td>
        <ul className="mg-values">
          {rec.values.map((v) => (
            <li key={`${v.priority ?? ''}${v.value}`}>
              {v.priority !== undefined ? (
                <span className="mg-priority">
                  {t.priority} {v.priority}{' '}
                </span>
              ) : null}
              {rec.needsConsoleValue ? (
                <span className="mg-hint">{t.consoleValue}</span>
              ) : (
                <>
                  <code className="mg-value">{v.value}</code>{' '}
                  <CopyButton lang={lang} label={`${t.colValue}: ${rec.type} ${hostText}`} text={v.value} compact />
                </>
              )}
            </li>
          ))}
        </ul>
      </td>
      <td>
        {row === undefined ? (
          <span className="mg-hint">{t.notChecked}</span>
        ) : row.status === 'pending' ? (
          <StatusBadge lang={lang} status="pending" />
        ) : (
          <>
            <StatusBadge lang={lang} status={row.status} />
            <div className="mg-observed">
              {row.observed.length > 0 ? (
                <>
                  <span>{t.observed}</span>
                  <ul>
                    {row.observed.map((o, i) => (
                      <li key={i}>
                        <code>{o}</code>
                      </li>
                    ))}
                  </ul>
                </>
              ) : row.status !== 'error' ? (
                <span>{t.observedNone}</span>
              ) : null}
            </div>
            {expires !== undefined ? <p className="mg-hint">{t.cacheUntil(clock(expires, lang))}</p> : null}
            <FindingList findings={row.findings} lang={lang} base={base} />
          </>
        )}
      </td>
    </tr>
  );
}
