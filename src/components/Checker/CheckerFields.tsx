// The checker's form: domain, mail service, DNS host, the optional fields that
// go into the records (DKIM key; DMARC policy p, sp, np, testing t=y and report
// address; other senders), the resolver picker, and the run / watch buttons.
import { useId, useState, type FormEvent } from 'react';
import {
  dkimInputProblem,
  DMARC_POLICIES,
  DNS_HOSTS,
  domainErrorMessage,
  HOST_IDS,
  PROVIDERS,
  ruaInputProblem,
  spfSenderProblem,
  testingPolicy,
  truncateForDisplay,
  type DomainResult,
  type Lang,
} from '~/core';
import { CopyButton } from '../ui/CopyButton';
import { ResolverPicker } from '../ui/ResolverPicker';
import { TextField } from '../ui/TextField';
import type { ResolverState } from '../ui/useResolvers';
import { useMessages } from '../ui/useMessages';
import type { CheckerForm } from './form';
import { strings } from './strings';

const HOSTS = DNS_HOSTS.filter((h) => (HOST_IDS as readonly string[]).includes(h.id));

export interface CheckerFieldsProps {
  readonly lang: Lang;
  readonly form: CheckerForm;
  readonly domain: DomainResult | undefined;
  readonly update: (patch: Partial<CheckerForm>) => void;
  readonly resolvers: ResolverState;
  readonly running: boolean;
  readonly watching: boolean;
  readonly run: () => void;
  /** Stops the check that runs, and watching. */
  readonly stop: () => void;
  readonly startWatching: (notify: boolean) => void;
}

export function CheckerFields(props: CheckerFieldsProps) {
  const { lang, form, domain, update, running, watching } = props;
  const t = strings[lang];
  const ids = useId();
  const [notifyWanted, setNotifyWanted] = useState(false);
  const messages = useMessages(lang, domain?.ok === false);
  const domainError = domain && !domain.ok && messages ? domainErrorMessage(domain.error, messages) : '';
  // The optional fields go into records the reader copies: say what cannot be used (it is left out).
  const dkimProblem = dkimInputProblem(form.dkimKey);
  const ruaProblem = ruaInputProblem(form.dmarcRua);
  const spfProblem = spfSenderProblem(form.extraSpf);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    props.run();
  };

  return (
    <form className="mg-checker-form" onSubmit={onSubmit} noValidate>
      {/* Domain, mail service and DNS host: one row on a wide screen, so the verdict is in view at once. */}
      <div className="mg-checker-main">
        <TextField
          id={`${ids}-domain`}
          name="domain"
          label={t.domainLabel}
          hint={
            <>
              {t.domainHint}
              {domain?.ok && domain.unicode !== domain.ascii ? (
                <>
                  {' '}
                  <span className="mg-idn">
                    {domain.unicode} → <code>{domain.ascii}</code>
                  </span>
                </>
              ) : null}
            </>
          }
          error={domainError}
          inputMode="url"
          autoCapitalize="off"
          maxLength={2048}
          value={form.domain}
          onValue={(value) => update({ domain: value })}
        />
        <div className="mg-field">
          <label htmlFor={`${ids}-provider`}>{t.providerLabel}</label>
          <select id={`${ids}-provider`} value={form.provider} onChange={(e) => update({ provider: e.target.value })}>
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
            value={form.host}
            onChange={(e) => update({ host: e.target.value as CheckerForm['host'] })}
          >
            {HOSTS.map((h) => (
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
            value={form.dkimKey}
            aria-describedby={`${ids}-dkim-hint ${ids}-dkim-error`}
            aria-invalid={dkimProblem !== undefined ? true : undefined}
            onChange={(e) => update({ dkimKey: e.target.value })}
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
              value={form.dmarcPolicy}
              aria-describedby={`${ids}-dmarc-hint`}
              onChange={(e) => update({ dmarcPolicy: e.target.value as CheckerForm['dmarcPolicy'] })}
            >
              {DMARC_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t.policies[p]}
                </option>
              ))}
            </select>
            <p id={`${ids}-dmarc-hint`} className="mg-hint">
              {t.policyHelp[form.dmarcPolicy]}
              {form.dmarcTesting ? ` ${t.testingNote(form.dmarcPolicy, testingPolicy(form.dmarcPolicy))}` : ''}
            </p>
          </div>
          <TextField
            id={`${ids}-rua`}
            type="email"
            label={t.dmarcRuaLabel}
            hint={t.dmarcRuaHint}
            error={ruaProblem !== undefined ? t.ruaInvalid(truncateForDisplay(ruaProblem)) : ''}
            maxLength={320}
            value={form.dmarcRua}
            onValue={(dmarcRua) => update({ dmarcRua })}
          />
        </div>
        <div className="mg-row">
          <div className="mg-field">
            <label htmlFor={`${ids}-sp`}>{t.dmarcSpLabel}</label>
            <select
              id={`${ids}-sp`}
              value={form.dmarcSp}
              aria-describedby={`${ids}-sp-hint`}
              onChange={(e) => update({ dmarcSp: e.target.value as CheckerForm['dmarcSp'] })}
            >
              <option value="">{t.sameAsP}</option>
              {DMARC_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <p id={`${ids}-sp-hint`} className="mg-hint">
              {t.spHint}
            </p>
          </div>
          <div className="mg-field">
            <label htmlFor={`${ids}-np`}>{t.dmarcNpLabel}</label>
            <select
              id={`${ids}-np`}
              value={form.dmarcNp}
              aria-describedby={`${ids}-np-hint`}
              onChange={(e) => update({ dmarcNp: e.target.value as CheckerForm['dmarcNp'] })}
            >
              <option value="">{t.sameAsSp}</option>
              {DMARC_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <p id={`${ids}-np-hint`} className="mg-hint">
              {t.npHint}
            </p>
          </div>
        </div>
        <div className="mg-field">
          <label className="mg-check">
            <input
              type="checkbox"
              checked={form.dmarcTesting}
              aria-describedby={`${ids}-testing-hint`}
              onChange={(e) => update({ dmarcTesting: e.target.checked })}
            />
            <span>{t.testingLabel}</span>
          </label>
          <p id={`${ids}-testing-hint`} className="mg-hint">
            {t.testingHint}
          </p>
        </div>
        <TextField
          id={`${ids}-spf`}
          label={t.extraSpfLabel}
          hint={t.extraSpfHint}
          error={spfProblem !== undefined ? t.spfInvalid(truncateForDisplay(spfProblem)) : ''}
          maxLength={1024}
          value={form.extraSpf}
          onValue={(extraSpf) => update({ extraSpf })}
        />
      </details>

      {/* Run, share and watch in one row. Nothing in it changes while a check runs (the summary says
          it is running and offers Stop, CheckerStatus), so nothing in the row moves. */}
      <div className="mg-actions mg-checker-actions">
        <button type="submit" className="mg-primary" disabled={!domain?.ok || running}>
          {t.check}
        </button>
        <CopyButton lang={lang} label={t.copyLink} text={() => window.location.href} />
        {watching ? (
          <button type="button" onClick={props.stop}>
            {t.watchStop}
          </button>
        ) : (
          <>
            <button type="button" disabled={!domain?.ok} onClick={() => props.startWatching(notifyWanted)}>
              {t.watch}
            </button>
            <label className="mg-check">
              <input type="checkbox" checked={notifyWanted} onChange={(e) => setNotifyWanted(e.target.checked)} />
              <span>{t.watchNotify}</span>
            </label>
          </>
        )}
      </div>

      {/* Last in the form: a link's own resolver is announced at its end, so nothing drawn moves. */}
      <ResolverPicker lang={lang} state={props.resolvers} />
    </form>
  );
}
