// Message analyser: paste a message or a bounce (or pick an .eml), get one
// verdict in plain words, then the sections — the bounce explained, what the
// receiver recorded, what we verify now over DoH (DKIM per signature, SPF,
// DMARC with alignment and what to fix), the hops, the headers. Text from the
// message is only ever rendered as text. The language's strings come in as
// `t` from the entry of that language (./MessageAnalyserZh.tsx, …En.tsx), so
// a page loads only its own.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from 'react';
import { describeBounce, type BounceTexts, type GuideSlug } from '~/core';
import { CopyReport } from '../ui/CopyReport';
import { reportResolvers } from '../ui/report';
import { guideHref } from '../ui/links';
import { ResolverPicker } from '../ui/ResolverPicker';
import { TextField } from '../ui/TextField';
import { useResolvers } from '../ui/useResolvers';
import { StatusBadge, type BadgeStatus } from '../ui/StatusBadge';
import { domainText, mainRecipient, verdictFacts } from './present';
import { messageReport } from './report';
import { BounceSection, HeadersSection, HopsSection, ReceiverSection, VerifySection } from './Sections';
import { withBounceTexts, type MessageWords } from './strings';
import { useMessageAnalyser } from './useMessageAnalyser';
import '../ui/widget.css';
import './MessageAnalyser.css';

export interface MessageAnalyserProps {
  /** Base path of the site ('/' or '/guide/'), for links to guide pages. */
  base: string;
}

const VERDICT_BADGE = {
  'input-error': 'fail',
  bounce: 'fail',
  pending: 'pending',
  'dmarc-pass': 'ok',
  'dmarc-fail': 'fail',
  'no-dmarc': 'warn',
  authenticated: 'warn',
  unauthenticated: 'fail',
  'dns-error': 'error',
  'browser-cannot-verify': 'error',
} as const satisfies Record<string, BadgeStatus>;

interface LanguageProps {
  /** The page language's words. */
  t: MessageWords;
  /** Loads the bounce sentences in that language (fetched with the analyser, not with the page). */
  bounceTexts: () => Promise<BounceTexts>;
}

export function MessageAnalyser({ base, t: words, bounceTexts }: MessageAnalyserProps & LanguageProps) {
  const lang = words.lang;
  const id = useId();
  const resolverState = useResolvers(lang);
  const m = useMessageAnalyser(resolverState.resolvers, resolverState.ready, resolverState.leader);
  const { state } = m;

  // The bounce sentences load when the visitor first reaches for the input, or when a run
  // starts; a result is shown once they are here (they come well before the analyser's answer).
  const [texts, setTexts] = useState<BounceTexts>();
  const asked = useRef(false);
  const loadTexts = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    bounceTexts().then(setTexts, () => {
      asked.current = false;
    });
  }, [bounceTexts]);
  const prepare = useCallback(() => {
    loadTexts();
    m.prepare();
  }, [loadTexts, m.prepare]);
  useEffect(() => {
    if (state.phase !== 'idle') loadTexts();
  }, [state.phase, loadTexts]);
  const full = useMemo(() => (texts ? withBounceTexts(words, texts) : undefined), [words, texts]);
  const t = full ?? words;
  const a = full ? state.analysis : undefined;
  const phase = state.analysis && !full ? 'running' : state.phase;
  const ctx = full ? { t: full, base } : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    m.runNow();
  };
  const onText = (e: ChangeEvent<HTMLTextAreaElement>) => {
    const kind = (e.nativeEvent as InputEvent).inputType ?? '';
    m.setText(e.target.value, kind === 'insertFromPaste' || kind === 'insertFromDrop' || kind === 'insertFromPasteAsQuotation');
  };
  const onDrop = (e: DragEvent<HTMLTextAreaElement>) => {
    const f = e.dataTransfer.files[0];
    if (!f) return;
    e.preventDefault();
    void m.pickFile(f);
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    void m.pickFile(e.target.files?.[0]);
    e.target.value = '';
  };

  const checkerHref = (domain: string) => {
    const q = new URLSearchParams({ domain });
    if (resolverState.custom?.source === 'link') q.set('resolver', resolverState.custom.url);
    return `${guideHref(base, lang, 'tools/checker')}?${q.toString()}`;
  };

  const bounceTitle = (() => {
    const r = a ? mainRecipient(a) : undefined;
    return r && full ? describeBounce(r.explanation, full.bounce.texts).title : undefined;
  })();
  const verdictText = state.phase === 'failed' ? t.verdict.failed : a ? t.verdict.texts[a.verdict](verdictFacts(a, bounceTitle)) : '';
  const verdictBadge = state.phase === 'failed' ? 'error' : a ? VERDICT_BADGE[a.verdict] : undefined;
  const fromDomain = a?.dmarc.fromDomain;

  const report = () => {
    if (!a || !full) return { title: t.title, ranAt: undefined, rows: [] };
    const origin = window.location.origin;
    return messageReport({
      analysis: a,
      t: full,
      ranAt: state.ranAt,
      resolvers: reportResolvers(resolverState.resolvers, state.answeredBy, lang),
      guideUrl: (slug: GuideSlug) => new URL(guideHref(base, lang, slug), origin).href,
    });
  };

  return (
    <div className="mg-widget mg-message" data-widget="message-analyser">
      <form onSubmit={onSubmit} noValidate>
        <div className="mg-field">
          <label htmlFor={`${id}-text`}>{t.form.textLabel}</label>
          <textarea
            id={`${id}-text`}
            className="mg-msg-input"
            rows={10}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            wrap="off"
            value={state.text}
            aria-describedby={`${id}-text-hint`}
            onChange={onText}
            onFocus={prepare}
            onDrop={onDrop}
          />
          <p id={`${id}-text-hint`} className="mg-hint">
            {t.form.textHint}
          </p>
        </div>
        <div className="mg-field">
          <label htmlFor={`${id}-file`}>{t.form.fileLabel}</label>
          <input id={`${id}-file`} type="file" accept=".eml,.txt,message/rfc822,text/plain" aria-describedby={`${id}-file-hint`} onChange={onFile} onFocus={prepare} />
          <p id={`${id}-file-hint`} className="mg-hint">
            {t.form.fileHint}
          </p>
        </div>
        {state.file ? (
          <p className="mg-notice" data-file={state.file.name}>
            {t.form.fileChosen(state.file.name, t.form.size(state.file.size))}{' '}
            <button type="button" onClick={m.clearFile}>
              {t.form.clearFile}
            </button>
          </p>
        ) : null}
        <details className="mg-options" open={state.ip !== '' || undefined}>
          <summary>{t.form.options}</summary>
          <TextField
            id={`${id}-ip`}
            label={t.form.ipLabel}
            hint={t.form.ipHint}
            error={state.ipInvalid ? t.form.ipInvalid(state.ip) : ''}
            inputMode="text"
            autoCapitalize="off"
            maxLength={64}
            placeholder="203.0.113.25"
            value={state.ip}
            onValue={m.setIp}
          />
        </details>
        <ResolverPicker lang={lang} state={resolverState} />
        <div className="mg-actions">
          <button type="submit" className="mg-primary" onPointerDown={prepare}>
            {phase === 'running' ? t.form.analysing : t.form.analyse}
          </button>
          <CopyReport lang={lang} report={report} disabled={!a || phase === 'running'} link={{ bare: true }} />
        </div>
        <p className="mg-hint">{t.form.privacy}</p>
      </form>

      <section className="mg-msg-verdict" aria-label={t.verdict.label} data-phase={phase} {...(a ? { 'data-verdict': a.verdict } : {})}>
        <p role="status" aria-live="polite" className="mg-msg-verdict-text">
          {verdictBadge ? <StatusBadge lang={lang} status={verdictBadge} /> : null} <span>{verdictText}</span>
        </p>
        {fromDomain && a && a.verdict !== 'pending' && a.verdict !== 'dmarc-pass' ? (
          <p className="mg-msg-links">
            <a href={checkerHref(fromDomain)}>{t.verdict.checkDomain(domainText(fromDomain))}</a>
          </p>
        ) : null}
      </section>

      {a && a.inputErrors.length > 0 ? (
        <section className="mg-msg-section" aria-labelledby={`${id}-h-input`}>
          <h2 id={`${id}-h-input`}>{t.sections.input}</h2>
          <ul className="mg-msg-errors">
            {a.inputErrors.map((e, i) => (
              <li key={i} data-input-error={e.code}>
                {t.inputErrors[e.code](e.detail, e.line)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a && ctx ? (
        <>
          {a.notes.source === 'text' && a.notes.lineEndings !== 'crlf' && a.dkim.count > 0 ? (
            <p className="mg-hint" data-note="line-endings">
              {t.notes.lineEndings}
            </p>
          ) : null}
          {a.notes.indentationRemoved ? (
            <p className="mg-hint" data-note="indentation">
              {t.notes.indentation}
            </p>
          ) : null}
          {a.notes.mboxLineSkipped ? (
            <p className="mg-hint" data-note="mbox">
              {t.notes.mbox}
            </p>
          ) : null}
          <BounceSection ctx={ctx} a={a} headingId={`${id}-h-bounce`} />
          <div className="mg-msg-columns">
            {a.headerCount > 0 ? <ReceiverSection ctx={ctx} a={a} headingId={`${id}-h-receiver`} /> : null}
            <VerifySection ctx={ctx} a={a} headingId={`${id}-h-verify`} checkerHref={checkerHref} />
          </div>
          <HopsSection ctx={ctx} a={a} headingId={`${id}-h-hops`} />
          <HeadersSection ctx={ctx} a={a} headingId={`${id}-h-headers`} />
        </>
      ) : null}
    </div>
  );
}
