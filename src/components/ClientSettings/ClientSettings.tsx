// Client settings card: the IMAP/POP3/SMTP servers of the chosen provider with
// copy buttons, what to enter as user name and password, and a download of an
// Apple configuration profile (.mobileconfig) for Mail on iPhone, iPad and Mac.
// Presentation only: state in useClientSettings.ts, the profile from ~/core.
// Markup hooks for tests: each server row carries data-protocol (imap, pop3,
// smtp); the download form carries data-profile.
import { useId, type SubmitEvent } from 'react';
import { domainErrorMessage, PROVIDERS, truncateForDisplay, type ClientEndpoint, type Lang, type Messages } from '~/core';
import type { EmailResult, MobileconfigError } from '~/core';
import { CopyButton } from '../ui/CopyButton';
import { useMessages } from '../ui/useMessages';
import { strings, type Protocol } from './strings';
import { useClientSettings } from './useClientSettings';
import '../ui/widget.css';
import './ClientSettings.css';
import { guideHref } from '../ui/links';
import { TextField } from '../ui/TextField';

export interface ClientSettingsProps {
  lang: Lang;
  /** Base path of the site ('/' or '/guide/'), for links to guide pages. */
  base: string;
}

const PROTOCOLS: readonly Protocol[] = ['imap', 'pop3', 'smtp'];

function emailErrorText(check: EmailResult | undefined, lang: Lang, messages: Messages | undefined): string | undefined {
  if (!check || check.ok) return undefined;
  const message = strings[lang].errors[check.reason];
  const detail = check.domainError
    ? messages
      ? domainErrorMessage(check.domainError, messages)
      : ''
    : truncateForDisplay(check.detail ?? '');
  return message(truncateForDisplay(check.input.trim()), detail);
}

function buildErrorText(error: MobileconfigError | undefined, lang: Lang): string | undefined {
  if (!error) return undefined;
  return error.code === 'no-secure-server' ? strings[lang].noSecureServer : undefined;
}

function ServerRow({
  protocol,
  endpoint,
  lang,
}: {
  protocol: Protocol;
  endpoint: ClientEndpoint | undefined;
  lang: Lang;
}) {
  const t = strings[lang];
  const name = t.protocols[protocol];
  return (
    <tr data-protocol={protocol}>
      <th scope="row">
        {name}
        <span className="mg-hint mg-cs-role">{t.roles[protocol]}</span>
      </th>
      {endpoint ? (
        <>
          <td>
            <span className="mg-cs-host">
              <code>{endpoint.host}</code>
              <CopyButton lang={lang} label={t.copyHost(name, endpoint.host)} text={endpoint.host} compact />
            </span>
          </td>
          <td>
            <code>{endpoint.port}</code>
          </td>
          <td>{t.security[endpoint.security]}</td>
        </>
      ) : (
        <td colSpan={3}>{t.notListed}</td>
      )}
    </tr>
  );
}

export default function ClientSettings({ lang, base }: ClientSettingsProps) {
  const t = strings[lang];
  const ids = useId();
  const c = useClientSettings(lang);
  const messages = useMessages(lang, c.emailCheck?.ok === false);
  const emailError = emailErrorText(c.emailCheck, lang, messages);
  const buildError = buildErrorText(c.buildError, lang);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!c.download()) {
      // Put the person where the problem is.
      document.getElementById(`${ids}-email`)?.focus();
    }
  };

  return (
    <div className="mg-widget mg-client-settings" data-provider={c.provider.id}>
      <div className="mg-field mg-cs-provider">
        <label htmlFor={`${ids}-provider`}>{t.providerLabel}</label>
        <select id={`${ids}-provider`} value={c.provider.id} onChange={(e) => c.setProvider(e.target.value)}>
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]}
            </option>
          ))}
        </select>
      </div>

      <table className="mg-cs-table">
        <caption>{t.tableCaption(c.provider.name[lang])}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colProtocol}</th>
            <th scope="col">{t.colServer}</th>
            <th scope="col">{t.colPort}</th>
            <th scope="col">{t.colSecurity}</th>
          </tr>
        </thead>
        <tbody>
          {PROTOCOLS.map((p) => (
            <ServerRow key={p} protocol={p} endpoint={c.provider.clients[p]} lang={lang} />
          ))}
        </tbody>
      </table>
      <p className="mg-hint">{t.securityNote}</p>

      <dl className="mg-cs-account">
        <dt>{t.userNameLabel}</dt>
        <dd>{t.userNameValue}</dd>
        <dt>{t.passwordLabel}</dt>
        <dd>
          {t.passwordValue} <a href={guideHref(base, lang, 'clients/security-password')}>{t.passwordLink}</a>
        </dd>
        <dt>{t.smtpAuthLabel}</dt>
        <dd>{t.smtpAuthValue}</dd>
      </dl>
      <p className="mg-notice mg-notice-warn">{t.adminNote}</p>

      <form
        className="mg-cs-profile"
        data-profile=""
        aria-labelledby={`${ids}-profile-title`}
        noValidate
        onSubmit={onSubmit}
      >
        <p id={`${ids}-profile-title`} className="mg-cs-title">
          {t.profileTitle}
        </p>
        <p className="mg-cs-intro">{t.profileIntro}</p>
        <div className="mg-row">
          <TextField
            id={`${ids}-email`}
            name="email"
            type="email"
            label={t.emailLabel}
            hint={t.emailHint}
            error={emailError ?? ''}
            inputMode="email"
            autoComplete="email"
            autoCapitalize="off"
            maxLength={320}
            placeholder={c.pageDomain ? t.emailPlaceholder(c.pageDomain) : undefined}
            value={c.email}
            onValue={c.setEmail}
            onBlur={(e) => {
              // Moving straight to the download button submits the form, which reports the
              // error itself: showing it on blur first would shift the button away from the click.
              if (e.relatedTarget instanceof HTMLElement && e.relatedTarget.dataset['mgSubmit'] !== undefined) return;
              c.markEmailTouched();
            }}
          />
          <div className="mg-field">
            <label htmlFor={`${ids}-name`}>{t.nameLabel}</label>
            <input
              id={`${ids}-name`}
              name="name"
              type="text"
              autoComplete="name"
              maxLength={200}
              value={c.displayName}
              aria-describedby={`${ids}-name-hint`}
              onChange={(e) => c.setDisplayName(e.target.value)}
            />
            <p id={`${ids}-name-hint`} className="mg-hint">
              {t.nameHint}
            </p>
          </div>
        </div>
        <div className="mg-actions">
          <button type="submit" className="mg-primary" data-mg-submit="">
            {t.download}
          </button>
        </div>
        <p className="mg-error" role="alert">
          {buildError ?? ''}
        </p>
        <p className="mg-status" role="status" aria-live="polite">
          {c.downloaded ? t.downloaded(c.downloaded) : ''}
        </p>

        <div className="mg-notice" data-unsigned="">
          <p>{t.unsigned}</p>
          <p>{t.noPassword}</p>
        </div>

        <div className="mg-cs-steps">
          <div>
            <p className="mg-cs-steps-title">{t.iosTitle}</p>
            <ol>
              {t.iosSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
          <div>
            <p className="mg-cs-steps-title">{t.macTitle}</p>
            <ol>
              {t.macSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
        </div>
        <p className="mg-hint">{t.removeNote}</p>
      </form>
    </div>
  );
}
